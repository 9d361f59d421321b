using System.Text.Json;
using Xunit.Abstractions;

namespace Course.Kernel.Tests;

/// <summary>The kernel (with the fake session) driven by Debian's real jupyter_client.</summary>
public class JupyterClientTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Real_jupyter_client_gets_info_outputs_display_updates_errors_and_forged_messages_are_dropped()
    {
        if (await ExternalPrograms.MissingPythonAsync("jupyter_client", "zmq") is { } missing)
        {
            ExternalPrograms.Unavailable(missing, output);
            return;
        }
        await using var harness = KernelHarness.Start();
        var connectionFile = Path.Combine(Path.GetTempPath(), $"kernel-test-{Guid.NewGuid():N}.json");
        var bound = harness.Kernel.Bound;
        File.WriteAllText(connectionFile, JsonSerializer.Serialize(bound with { KernelName = ".net-csharp" }));
        try
        {
            var script = Path.Combine(AppContext.BaseDirectory, "jupyter_client_check.py");
            var (exitCode, stdout, stderr) = await ExternalPrograms.RunAsync(ExternalPrograms.Python, [script, connectionFile], TimeSpan.FromMinutes(3));
            output.WriteLine(stdout);

            Assert.True(exitCode == 0, $"jupyter_client_check.py failed ({exitCode}):\n{stdout}\n{stderr}\nkernel log:\n{string.Join("\n", harness.Log)}");
            Assert.Contains("ALL CHECKS PASSED", stdout);
            Assert.Contains(harness.Log, line => line.Contains("rejected a message: the signature is wrong"));
            Assert.DoesNotContain("print forged", harness.Session.Executed);
        }
        finally
        {
            File.Delete(connectionFile);
        }
    }
}
