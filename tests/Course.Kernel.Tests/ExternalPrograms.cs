using Xunit.Abstractions;

using System.Diagnostics;

namespace Course.Kernel.Tests;

/// <summary>
/// Debian's Python with jupyter_client, nbclient and nbconvert (the real Jupyter client our kernel is
/// checked against). Under CI (CI=true) a missing program fails the test; elsewhere the test says
/// "NOT CHECKED" and passes.
/// </summary>
public static class ExternalPrograms
{
    public const string Python = "/usr/bin/python3";
    public const string AptPackages = "jupyter-client python3-zmq python3-nbclient jupyter-nbconvert";

    /// <summary>Null when Debian's Python can import <paramref name="modules"/>; otherwise why not.</summary>
    public static async Task<string?> MissingPythonAsync(params string[] modules)
    {
        if (!File.Exists(Python)) return $"{Python} is missing.";
        var (exitCode, _, error) = await RunAsync(Python, ["-c", $"import {string.Join(", ", modules)}"], TimeSpan.FromMinutes(1));
        return exitCode == 0 ? null : $"{Python} cannot import {string.Join(", ", modules)}: {error.Trim()}";
    }

    /// <summary>Fails under CI, otherwise reports the check as not done; returns false so the caller stops.</summary>
    public static bool Unavailable(string reason, ITestOutputHelper output)
    {
        var install = $"Install Debian's {AptPackages} to run this check.";
        Assert.False(Environment.GetEnvironmentVariable("CI") == "true", $"{reason} {install} (.ci/run installs them.)");
        output.WriteLine($"NOT CHECKED: {reason} {install}");
        return false;
    }

    /// <summary>
    /// Runs a program to its end (killed after <paramref name="patience"/>). The wait is asynchronous: these
    /// programs run for seconds while the kernel under test is served by this process's thread pool, and a
    /// pool thread parked in a blocking wait for each of them left the kernel short of threads.
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string program, IEnumerable<string> arguments, TimeSpan patience,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, await output, await error + $"\n(killed after {patience})");
        }
        return (process.ExitCode, await output, await error);
    }
}
