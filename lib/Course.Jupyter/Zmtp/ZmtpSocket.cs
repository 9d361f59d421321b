using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Course.Jupyter.Zmtp;

/// <summary>
/// A bound ZMTP endpoint: listens on one address and port only, accepts peers of compatible socket
/// types, and keeps each peer's connection running until it leaves. A misbehaving peer (garbage bytes,
/// wrong handshake) loses its own connection; the socket and the other peers carry on.
/// </summary>
public abstract class ZmtpSocket : IAsyncDisposable
{
    /// <summary>A peer that connects but never completes the handshake is dropped after this long.</summary>
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(30);

    private readonly TcpListener listener;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<Task, byte> connectionTasks = new();
    private Task accepting = Task.CompletedTask;

    protected ZmtpSocket(string name, string socketType, IReadOnlyCollection<string> compatiblePeerTypes, IPEndPoint endPoint, Action<string> log)
    {
        Name = name;
        SocketType = socketType;
        CompatiblePeerTypes = compatiblePeerTypes;
        Log = log;
        listener = new TcpListener(endPoint);
    }

    /// <summary>The channel name used in log lines (shell, iopub, ...).</summary>
    public string Name { get; }

    public string SocketType { get; }

    public IReadOnlyCollection<string> CompatiblePeerTypes { get; }

    protected Action<string> Log { get; }

    /// <summary>The bound endpoint (the actual port when 0 was asked for).</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)listener.LocalEndpoint;

    public void Start()
    {
        listener.Start();
        accepting = AcceptLoopAsync();
    }

    protected virtual void OnConnected(ZmtpConnection connection) { }

    protected virtual void OnDisconnected(ZmtpConnection connection) { }

    protected abstract void OnMessage(ZmtpConnection connection, List<byte[]> message);

    protected virtual void OnCommand(ZmtpConnection connection, ZmtpCommand command) =>
        Log($"{Name}: ignoring unexpected {command.Name} command from {connection.Peer}");

    private async Task AcceptLoopAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException or InvalidOperationException)
            {
                if (stopping.IsCancellationRequested) return;
                Log($"{Name}: accept failed: {exception.Message}");
                continue;
            }
            var task = ServeAsync(client);
            connectionTasks.TryAdd(task, 0);
            _ = task.ContinueWith(done => connectionTasks.TryRemove(done, out _), TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        var peer = client.Client.RemoteEndPoint?.ToString() ?? "(unknown peer)";
        ZmtpConnection? connection = null;
        string ending;
        try
        {
            using (var handshakeDeadline = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token))
            {
                handshakeDeadline.CancelAfter(HandshakeTimeout);
                try
                {
                    connection = await ZmtpConnection.HandshakeAsync(client, SocketType, CompatiblePeerTypes, handshakeDeadline.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (handshakeDeadline.IsCancellationRequested && !stopping.IsCancellationRequested)
                {
                    throw new ZmtpProtocolException($"no handshake within {HandshakeTimeout.TotalSeconds:0} s");
                }
            }
            Log($"{Name}: {connection.PeerSocketType} peer {peer} connected");
            OnConnected(connection);
            var current = connection;
            await connection.RunAsync(message => OnMessage(current, message), command => OnCommand(current, command), stopping.Token).ConfigureAwait(false);
            ending = "ended";
        }
        catch (ZmtpProtocolException exception)
        {
            ending = $"closed: {exception.Message}";
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            ending = "closed: the socket is stopping";
        }
        catch (EndOfStreamException)
        {
            ending = "ended: the peer closed the connection";
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Normal ends of a connection too (a reset, a socket closed by the writer after a failed send),
            // but the reason is logged: a connection that vanishes silently cannot be diagnosed.
            ending = connection?.WriteFailure is { } writeFailure
                ? $"ended: sending failed: {writeFailure.GetType().Name}: {writeFailure.Message}"
                : $"ended: {exception.GetType().Name}: {exception.Message}";
        }
        catch (Exception exception)
        {
            ending = $"failed: {exception}";
        }

        // Logged before the connection closes, so a peer that sees the close can already read why in the log.
        Log($"{Name}: connection from {peer} {ending}");
        if (connection is not null)
        {
            OnDisconnected(connection);
            await connection.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            client.Close();
        }
    }

    /// <summary>Stops listening and ends every connection; each peer still receives what was queued for it (briefly).</summary>
    public async ValueTask DisposeAsync()
    {
        stopping.Cancel();
        listener.Stop();
        await accepting.ConfigureAwait(false);
        await Task.WhenAll(connectionTasks.Keys).ConfigureAwait(false);
        stopping.Dispose();
        GC.SuppressFinalize(this);
    }
}
