using Xunit.Abstractions;

namespace Course.Kernel.Tests;

/// <summary>
/// The installed kernelspec started by jupyter_client's KernelManager, as JupyterLab and VS Code start it:
/// real C# cells, interrupt by message, Console.ReadLine() answered through stdin, restart into a fresh session,
/// shutdown ending the process; and a soak run of 2,000 requests with interrupts among them.
/// </summary>
public class KernelManagerTests(ITestOutputHelper output) : IDisposable
{
    private readonly InstalledKernelCheck check = new();

    [Fact]
    public Task KernelManager_starts_interrupts_restarts_and_shuts_down_the_installed_kernel() =>
        check.RunAsync("kernel_manager_check.py", TimeSpan.FromMinutes(5), output);

    // Every reply and every iopub message of every request arrives, in order; the memory line it prints
    // (resident and managed heap after the warm-up and at the end) is in the test's output.
    [Fact]
    public Task Two_thousand_requests_with_interrupts_lose_no_reply_and_no_iopub_message() =>
        check.RunAsync("soak_check.py", TimeSpan.FromMinutes(10), output);

    public void Dispose() => check.Dispose();
}
