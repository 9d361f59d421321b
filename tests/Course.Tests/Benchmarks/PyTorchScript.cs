using System.Diagnostics;
using Xunit.Abstractions;

namespace Course.Tests.Benchmarks;

/// <summary>
/// Runs a Python script that imports torch with Debian's python3-torch, for the tests that check the course
/// against PyTorch at test time.
/// </summary>
internal static class PyTorchScript
{
    private const string Python = "/usr/bin/python3";

    /// <summary>
    /// The script's standard output. Where this machine has no Python with torch the test is skipped (a
    /// <c>[SkippableFact]</c>) saying what to install; CI installs python3-torch, so under CI (CI=true) a missing
    /// PyTorch fails the test instead. A script that fails for any other reason fails the test with its standard error.
    /// </summary>
    public static string Run(ITestOutputHelper output, string check, string script, params string[] arguments)
    {
        if (!File.Exists(Python)) return Unavailable(output, check, $"{Python} is missing.");
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, ArgumentList = { script } };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 && stderr.Contains("No module named 'torch'")) return Unavailable(output, check, $"{Python} has no torch module.");
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(script)} failed ({process.ExitCode}):\n{stderr}");
        return stdout.Result;
    }

    private static string Unavailable(ITestOutputHelper output, string check, string reason)
    {
        var install = $"Install Debian's python3-torch to run {check}.";
        Assert.False(Environment.GetEnvironmentVariable("CI") == "true", $"{reason} {install} (.ci/run installs it.)");
        output.WriteLine($"NOT CHECKED: {reason} {install}");
        throw new SkipException($"NOT CHECKED: {reason} {install}");
    }
}
