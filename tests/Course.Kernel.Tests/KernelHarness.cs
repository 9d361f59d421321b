using System.Collections.Concurrent;
using Course.Jupyter.Kernel;
using Course.Jupyter.Protocol;

namespace Course.Kernel.Tests;

/// <summary>A kernel on loopback ports chosen by the OS, driving a <see cref="FakeNotebookSession"/>, with its log kept.</summary>
public sealed class KernelHarness : IAsyncDisposable
{
    public const string Key = "a0b1c2d3-test-key";

    private KernelHarness(JupyterKernel kernel, FakeNotebookSession session, ConcurrentQueue<string> log)
    {
        Kernel = kernel;
        Session = session;
        Log = log;
    }

    public JupyterKernel Kernel { get; }
    public FakeNotebookSession Session { get; }
    public ConcurrentQueue<string> Log { get; }

    /// <param name="warmedUp">When given, the session is not ready until it completes (a session still warming up).</param>
    public static KernelHarness Start(string key = Key, Task? warmedUp = null)
    {
        var session = new FakeNotebookSession();
        var log = new ConcurrentQueue<string>();
        var kernel = JupyterKernel.Start(new ConnectionInfo { Ip = "127.0.0.1", Key = key }, () =>
        {
            warmedUp?.Wait();
            return session;
        }, log.Enqueue);
        return new KernelHarness(kernel, session, log);
    }

    public Task<JupyterTestClient> ConnectAsync(string key = Key) => JupyterTestClient.ConnectAsync(Kernel, key);

    /// <summary>Waits (polling, bounded by the test patience) until a log line contains <paramref name="text"/>.</summary>
    public async Task<string> WaitForLogAsync(string text)
    {
        var deadline = DateTime.UtcNow + ZmtpTestPeer.Patience;
        while (true)
        {
            var line = Log.FirstOrDefault(entry => entry.Contains(text, StringComparison.Ordinal));
            if (line is not null) return line;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"no log line with '{text}'; log: {string.Join(" | ", Log)}");
            await Task.Delay(5);
        }
    }

    public ValueTask DisposeAsync() => Kernel.DisposeAsync();
}
