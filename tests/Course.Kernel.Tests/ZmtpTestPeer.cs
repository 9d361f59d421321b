using System.Net;
using System.Net.Sockets;
using System.Text;
using Course.Jupyter.Zmtp;

namespace Course.Kernel.Tests;

/// <summary>
/// The client end of a ZMTP connection for tests: a plain TcpClient that greets, exchanges READY and then
/// sends and receives frames, standing in for a DEALER, SUB or REQ socket.
/// </summary>
public sealed class ZmtpTestPeer : IDisposable
{
    /// <summary>Guards against a hung test; never expected to elapse.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Polls until something another thread does has happened (within <see cref="Patience"/>).</summary>
    public static async Task WaitUntil(Func<bool> condition, string failure = "condition never held")
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException(failure);
            await Task.Delay(5);
        }
    }

    private readonly TcpClient client;

    private ZmtpTestPeer(TcpClient client, Dictionary<string, byte[]> serverProperties)
    {
        this.client = client;
        Stream = client.GetStream();
        ServerProperties = serverProperties;
    }

    public NetworkStream Stream { get; }

    /// <summary>This end's port, which names the connection in the server's log.</summary>
    public int LocalPort => ((IPEndPoint)client.Client.LocalEndPoint!).Port;

    public Dictionary<string, byte[]> ServerProperties { get; }

    public string ServerSocketType => Encoding.ASCII.GetString(ServerProperties[ZmtpCommand.SocketTypeProperty]);

    public static async Task<TcpClient> ConnectRawAsync(int port)
    {
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(IPAddress.Loopback, port);
        return client;
    }

    public static async Task<ZmtpTestPeer> ConnectAsync(int port, string socketType, byte[]? identity = null)
    {
        var client = await ConnectRawAsync(port);
        var stream = client.GetStream();
        using var timeout = new CancellationTokenSource(Patience);
        await stream.WriteAsync(ZmtpGreeting.Create(), timeout.Token);
        await ZmtpFrame.WriteAsync(stream, ZmtpCommand.CreateReady(socketType, identity).Encode(), more: false, isCommand: true, timeout.Token);
        var greeting = new byte[ZmtpGreeting.Length];
        await stream.ReadExactlyAsync(greeting, timeout.Token);
        ZmtpGreeting.Validate(greeting);
        var ready = await ZmtpFrame.ReadAsync(stream, timeout.Token);
        var command = ZmtpCommand.Decode(ready.Body);
        if (command.Name != ZmtpCommand.Ready) throw new InvalidOperationException($"server answered {command.Name}: {command.ErrorReason()}");
        return new ZmtpTestPeer(client, ZmtpCommand.DecodeProperties(command.Data));
    }

    public async Task SendAsync(IReadOnlyList<byte[]> frames)
    {
        using var timeout = new CancellationTokenSource(Patience);
        for (int i = 0; i < frames.Count; i++)
            await ZmtpFrame.WriteAsync(Stream, frames[i], more: i < frames.Count - 1, isCommand: false, timeout.Token);
    }

    public async Task SendCommandAsync(ZmtpCommand command)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await ZmtpFrame.WriteAsync(Stream, command.Encode(), more: false, isCommand: true, timeout.Token);
    }

    /// <summary>The next multipart message, or the next command as a one-frame list when <paramref name="command"/> is set.</summary>
    public async Task<List<byte[]>> ReceiveAsync() => (await ReceiveAnyAsync()).Frames;

    public async Task<(bool IsCommand, List<byte[]> Frames)> ReceiveAnyAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        var frames = new List<byte[]>();
        while (true)
        {
            var frame = await ZmtpFrame.ReadAsync(Stream, timeout.Token);
            if (frame.IsCommand) return (true, [frame.Body]);
            frames.Add(frame.Body);
            if (!frame.More) return (false, frames);
        }
    }

    /// <summary>True when the server closed the connection (reading hits the end of the stream).</summary>
    public static async Task<bool> IsClosedByServerAsync(Stream stream)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                int read = await stream.ReadAsync(buffer, timeout.Token);
                if (read == 0) return true;
            }
        }
        catch (IOException)
        {
            return true; // reset by the server
        }
    }

    public void Dispose() => client.Dispose();
}
