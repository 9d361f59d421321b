using Xunit.Abstractions;

namespace Course.Kernel.Tests;

/// <summary>
/// Installs the kernelspec into a temporary prefix and runs one of the Python check scripts next to the tests
/// against it, through jupyter_client's KernelManager as front ends start kernels. A script prints
/// "ALL CHECKS PASSED" last; its output, and the kernel's log (its stderr), go into the test's output.
/// </summary>
public sealed class InstalledKernelCheck : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("kernel-manager-test").FullName;

    /// <summary>Runs <paramref name="script"/>; false (with the reason written) when jupyter_client is missing.</summary>
    public async Task<bool> RunAsync(string script, TimeSpan patience, ITestOutputHelper output)
    {
        if (await ExternalPrograms.MissingPythonAsync("jupyter_client", "zmq") is { } missing)
            return ExternalPrograms.Unavailable(missing, output);
        var console = new StringWriter();
        Assert.True(await Program.InvokeAsync(["install", "--prefix", folder], console) == 0, console.ToString());

        var (exitCode, stdout, stderr) = await ExternalPrograms.RunAsync(ExternalPrograms.Python,
            [Path.Combine(AppContext.BaseDirectory, script)], patience,
            new Dictionary<string, string>
            {
                ["JUPYTER_PATH"] = Path.Combine(folder, "share", "jupyter"),
                ["JUPYTER_RUNTIME_DIR"] = Path.Combine(folder, "runtime"),
            });
        output.WriteLine(stdout);

        Assert.True(exitCode == 0, $"{script} failed ({exitCode}):\n{stdout}\nstderr and kernel log:\n{stderr}");
        Assert.Contains("ALL CHECKS PASSED", stdout);
        return true;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
