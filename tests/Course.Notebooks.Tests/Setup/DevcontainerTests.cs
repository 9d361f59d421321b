using System.Diagnostics;
using System.Text.Json;

namespace Course.Notebooks.Tests.Setup;

/// <summary>
/// The Codespaces container and the hand setup share one script; these tests keep the container's
/// description pointing at a script that exists, runs and parses.
/// </summary>
public class DevcontainerTests
{
    private static readonly string Root = RepositoryFiles.Root();

    private static JsonElement Devcontainer()
    {
        string text = File.ReadAllText(Path.Combine(Root, ".devcontainer", "devcontainer.json"));
        // devcontainer.json is JSON with comments.
        using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return document.RootElement.Clone();
    }

    [Fact]
    public void Post_create_command_runs_the_executable_setup_script()
    {
        string command = Devcontainer().GetProperty("postCreateCommand").GetString()!;
        Assert.Equal("bash tools/setup.sh", command);

        string script = Path.Combine(Root, "tools", "setup.sh");
        Assert.True(File.Exists(script), $"{script} is missing.");
        if (!OperatingSystem.IsWindows()) // a Windows checkout has no execute bits to check
            Assert.True(File.GetUnixFileMode(script).HasFlag(UnixFileMode.UserExecute), $"{script} is not executable (git update-index --chmod=+x).");
        Assert.StartsWith("#!/usr/bin/env bash\n", File.ReadAllText(script));
    }

    [Fact]
    public void Setup_script_parses_and_answers_help()
    {
        string script = Path.Combine(Root, "tools", "setup.sh");
        var (exitCode, output) = Bash("-n", script);
        Assert.True(exitCode == 0, $"bash -n {script}: {output}");

        (exitCode, output) = Bash(script, "--help");
        Assert.Equal(0, exitCode);
        Assert.Contains("--for-tests", output);
        Assert.Contains("--cuda", output);

        (exitCode, output) = Bash(script, "--no-such-option");
        Assert.Equal(2, exitCode);
        Assert.Contains("unknown option '--no-such-option'", output);
    }

    [Fact]
    public void Container_is_a_dotnet_10_debian_image_with_jupyter_and_csharp_extensions()
    {
        var devcontainer = Devcontainer();
        Assert.Contains("bookworm", devcontainer.GetProperty("image").GetString());
        Assert.Equal("10.0", devcontainer.GetProperty("features").GetProperty("ghcr.io/devcontainers/features/dotnet:2").GetProperty("version").GetString());
        Assert.True(devcontainer.GetProperty("hostRequirements").GetProperty("cpus").GetInt32() >= 2);

        var extensions = devcontainer.GetProperty("customizations").GetProperty("vscode").GetProperty("extensions")
            .EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("ms-toolsai.jupyter", extensions);
        Assert.Contains("ms-dotnettools.csharp", extensions);

        var openFiles = devcontainer.GetProperty("customizations").GetProperty("codespaces").GetProperty("openFiles")
            .EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(["notebooks/00-setup-and-tensors.ipynb"], openFiles);
        Assert.All(openFiles, file => Assert.True(File.Exists(Path.Combine(Root, file)), $"devcontainer.json opens {file}, which does not exist"));
    }

    [Fact]
    public void Setup_script_installs_the_packages_the_course_reads_and_the_kernel()
    {
        string script = File.ReadAllText(Path.Combine(Root, "tools", "setup.sh"));
        foreach (string package in new[] { "dataset-fashion-mnist", "python3-vega-datasets", "wamerican", "jupyter-client", "python3-nbclient", "jupyter-nbconvert", "python3-torch" })
            Assert.Contains(package, script);
        Assert.Contains("set -euo pipefail", script);
        Assert.Contains("dotnet run --project tools/Course.Kernel -c Release -- install --user", script);
    }

    private static (int ExitCode, string Output) Bash(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }
}
