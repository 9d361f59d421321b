using Xunit.Abstractions;

namespace Course.Kernel.Tests;

/// <summary>
/// The installed kernelspec started by jupyter_client's KernelManager, as JupyterLab and VS Code start it:
/// real C# cells, interrupt by message, Console.ReadLine() answered through stdin, restart into a fresh session,
/// shutdown ending the process.
/// </summary>
public class KernelManagerTests(ITestOutputHelper output) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("kernel-manager-test").FullName;

    // The kernel's log (its stderr, inherited by the Python process) is part of the failure message.
    [Fact]
    public async Task KernelManager_starts_interrupts_restarts_and_shuts_down_the_installed_kernel()
    {
        if (await ExternalPrograms.MissingPythonAsync("jupyter_client", "zmq") is { } missing)
        {
            ExternalPrograms.Unavailable(missing, output);
            return;
        }
        var console = new StringWriter();
        Assert.True(await Program.InvokeAsync(["install", "--prefix", folder], console) == 0, console.ToString());

        var (exitCode, stdout, stderr) = await ExternalPrograms.RunAsync(ExternalPrograms.Python,
            [Path.Combine(AppContext.BaseDirectory, "kernel_manager_check.py")], TimeSpan.FromMinutes(5),
            new Dictionary<string, string>
            {
                ["JUPYTER_PATH"] = Path.Combine(folder, "share", "jupyter"),
                ["JUPYTER_RUNTIME_DIR"] = Path.Combine(folder, "runtime"),
            });
        output.WriteLine(stdout);

        Assert.True(exitCode == 0, $"kernel_manager_check.py failed ({exitCode}):\n{stdout}\nstderr and kernel log:\n{stderr}");
        Assert.Contains("ALL CHECKS PASSED", stdout);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
