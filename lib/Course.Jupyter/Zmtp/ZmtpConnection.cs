using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace Course.Jupyter.Zmtp;

/// <summary>
/// One accepted ZMTP 3.x peer: the NULL handshake, then a reader that assembles multipart messages and
/// commands, and a writer that sends queued messages in order. Sending never blocks the caller: a peer
/// that stops reading has messages dropped past the high-water mark, as ZeroMQ does.
/// </summary>
public sealed class ZmtpConnection : IAsyncDisposable
{
    /// <summary>Queued outgoing messages per peer before new ones are dropped (ZeroMQ's SNDHWM is 1000 by default).</summary>
    public const int HighWaterMark = 10_000;

    /// <summary>Largest multipart message accepted; bounds memory even when each frame is within its own limit.</summary>
    public const long MaxMessageLength = ZmtpFrame.MaxBodyLength;

    private static readonly TimeSpan FlushOnCloseTimeout = TimeSpan.FromSeconds(2);

    private readonly TcpClient client;
    private readonly Stream input;
    private readonly Stream output;
    private readonly Channel<Outgoing> outgoing = Channel.CreateBounded<Outgoing>(
        new BoundedChannelOptions(HighWaterMark) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private Task writing = Task.CompletedTask;

    private ZmtpConnection(TcpClient client, string peerSocketType, byte[] peerIdentity, Stream input, Stream output)
    {
        this.client = client;
        this.input = input;
        this.output = output;
        PeerSocketType = peerSocketType;
        PeerIdentity = peerIdentity;
        Peer = client.Client.RemoteEndPoint?.ToString() ?? "(unknown peer)";
    }

    public string PeerSocketType { get; }

    /// <summary>The Identity property from the peer's READY (empty when it sent none).</summary>
    public byte[] PeerIdentity { get; }

    /// <summary>The peer's address, for the log.</summary>
    public string Peer { get; }

    /// <summary>Why sending to the peer failed (the writer then closes the connection); null while sends succeed.</summary>
    public Exception? WriteFailure { get; private set; }

    /// <summary>Greets the peer and exchanges READY commands; a peer of an incompatible socket type gets an ERROR and is refused.</summary>
    public static async Task<ZmtpConnection> HandshakeAsync(
        TcpClient client, string socketType, IReadOnlyCollection<string> compatiblePeerTypes, CancellationToken cancellationToken)
    {
        client.NoDelay = true;
        var network = client.GetStream();
        var input = new BufferedStream(network, 64 * 1024);
        var output = new BufferedStream(network, 64 * 1024);

        await output.WriteAsync(ZmtpGreeting.Create(), cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        var greeting = new byte[ZmtpGreeting.Length];
        await input.ReadExactlyAsync(greeting, cancellationToken).ConfigureAwait(false);
        ZmtpGreeting.Validate(greeting);

        // Our identity is not used by the peer of a ROUTER/PUB/REP, so READY carries only the socket type.
        await ZmtpFrame.WriteAsync(output, ZmtpCommand.CreateReady(socketType, identity: null).Encode(), more: false, isCommand: true, cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);

        var frame = await ZmtpFrame.ReadAsync(input, cancellationToken).ConfigureAwait(false);
        if (!frame.IsCommand) throw new ZmtpProtocolException("expected a READY command after the greeting");
        var command = ZmtpCommand.Decode(frame.Body);
        if (command.Name == ZmtpCommand.Error) throw new ZmtpProtocolException($"peer refused the handshake: {command.ErrorReason()}");
        if (command.Name != ZmtpCommand.Ready) throw new ZmtpProtocolException($"expected READY, got {command.Name}");

        var properties = ZmtpCommand.DecodeProperties(command.Data);
        var peerType = properties.TryGetValue(ZmtpCommand.SocketTypeProperty, out var type) ? Encoding.ASCII.GetString(type) : "";
        if (!compatiblePeerTypes.Contains(peerType))
        {
            var reason = $"a {socketType} socket does not accept {(peerType == "" ? "a peer without Socket-Type" : peerType)} peers";
            await ZmtpFrame.WriteAsync(output, ZmtpCommand.CreateError(reason).Encode(), more: false, isCommand: true, cancellationToken).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            throw new ZmtpProtocolException(reason);
        }
        var identity = properties.TryGetValue(ZmtpCommand.IdentityProperty, out var id) ? id : [];
        return new ZmtpConnection(client, peerType, identity, input, output);
    }

    /// <summary>Queues a multipart message; false when the connection is closed (or the message was dropped at the high-water mark).</summary>
    public bool Send(IReadOnlyList<byte[]> message) =>
        message.Count > 0 && outgoing.Writer.TryWrite(new Outgoing(message, IsCommand: false));

    public bool SendCommand(ZmtpCommand command) =>
        outgoing.Writer.TryWrite(new Outgoing([command.Encode()], IsCommand: true));

    /// <summary>
    /// Reads until the peer disconnects, breaks the protocol, or the token is cancelled; messages and
    /// commands (other than PING, answered here) go to the callbacks.
    /// </summary>
    public async Task RunAsync(Action<List<byte[]>> onMessage, Action<ZmtpCommand> onCommand, CancellationToken cancellationToken)
    {
        writing = WriteLoopAsync();
        try
        {
            var parts = new List<byte[]>();
            long messageLength = 0;
            while (true)
            {
                var frame = await ZmtpFrame.ReadAsync(input, cancellationToken).ConfigureAwait(false);
                if (frame.IsCommand)
                {
                    if (parts.Count > 0) throw new ZmtpProtocolException("a command frame arrived inside a multipart message");
                    HandleCommand(ZmtpCommand.Decode(frame.Body), onCommand);
                    continue;
                }
                messageLength += frame.Body.Length;
                if (messageLength > MaxMessageLength)
                    throw new ZmtpProtocolException($"multipart message exceeds the {MaxMessageLength}-byte limit");
                parts.Add(frame.Body);
                if (frame.More) continue;
                onMessage(parts);
                parts = [];
                messageLength = 0;
            }
        }
        finally
        {
            outgoing.Writer.TryComplete();
        }
    }

    private void HandleCommand(ZmtpCommand command, Action<ZmtpCommand> onCommand)
    {
        switch (command.Name)
        {
            case ZmtpCommand.Ping:
                // PING: 2-byte TTL then up to 16 bytes of context, which PONG echoes.
                SendCommand(new ZmtpCommand(ZmtpCommand.Pong, command.Data.Length > 2 ? command.Data[2..] : []));
                break;
            case ZmtpCommand.Error:
                throw new ZmtpProtocolException($"peer sent ERROR: {command.ErrorReason()}");
            default:
                onCommand(command);
                break;
        }
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            await foreach (var message in outgoing.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                for (int i = 0; i < message.Frames.Count; i++)
                    await ZmtpFrame.WriteAsync(output, message.Frames[i], more: i < message.Frames.Count - 1, message.IsCommand, CancellationToken.None).ConfigureAwait(false);
                if (!outgoing.Reader.TryPeek(out _)) await output.FlushAsync().ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or SocketException)
        {
            // The peer went away; the reader sees the closed socket and ends the connection.
            WriteFailure = exception;
            outgoing.Writer.TryComplete();
            client.Close();
        }
    }

    /// <summary>Sends what is still queued (briefly), then closes the TCP connection.</summary>
    public async ValueTask DisposeAsync()
    {
        outgoing.Writer.TryComplete();
        await Task.WhenAny(writing, Task.Delay(FlushOnCloseTimeout)).ConfigureAwait(false);
        client.Close();
    }

    private sealed record Outgoing(IReadOnlyList<byte[]> Frames, bool IsCommand);
}
