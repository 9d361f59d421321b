using System.Diagnostics;
using Xunit.Abstractions;

namespace Course.Torch.Tests;

/// <summary>
/// Runs a Python script that imports torch with Debian's python3-torch, for the tests that check the engine
/// against PyTorch at test time (the golden values are committed and need no Python).
/// </summary>
internal static class PyTorchScript
{
    private const string Python = "/usr/bin/python3";

    /// <summary>
    /// The script's standard output, or null (with a note in the test output) when this machine has no Python
    /// with torch: xunit 2 cannot skip at run time, so the test then passes without checking. CI installs
    /// python3-torch, so under CI (CI=true) a missing PyTorch fails the test instead. A script that fails for
    /// any other reason fails the test with its standard error.
    /// </summary>
    public static string? Run(ITestOutputHelper output, string check, string script, params string[] arguments)
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

    private static string? Unavailable(ITestOutputHelper output, string check, string reason)
    {
        var install = $"Install Debian's python3-torch to run {check}.";
        Assert.False(Environment.GetEnvironmentVariable("CI") == "true", $"{reason} {install} (.ci/run installs it.)");
        output.WriteLine($"NOT CHECKED: {reason} {install}");
        return null;
    }
}
