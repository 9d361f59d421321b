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
    public static string? MissingPython(params string[] modules)
    {
        if (!File.Exists(Python)) return $"{Python} is missing.";
        var (exitCode, _, error) = Run(Python, ["-c", $"import {string.Join(", ", modules)}"], TimeSpan.FromMinutes(1));
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

    public static (int ExitCode, string Output, string Error) Run(string program, IEnumerable<string> arguments, TimeSpan patience, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(patience))
        {
            process.Kill(entireProcessTree: true);
            return (-1, output.Result, error.Result + $"\n(killed after {patience})");
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}
