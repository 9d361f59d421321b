using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;

namespace Course.Jupyter.Zmtp;

/// <summary>
/// ZeroMQ's ROUTER pattern: every incoming message is delivered with the sender's identity as its
/// first frame, and an outgoing message's first frame names the peer it is routed to.
/// </summary>
public sealed class RouterSocket(string name, IPEndPoint endPoint, Action<string> log)
    : ZmtpSocket(name, "ROUTER", ["DEALER", "REQ", "ROUTER"], endPoint, log)
{
    private readonly ConcurrentDictionary<string, ZmtpConnection> peersByIdentity = new();
    private readonly ConcurrentDictionary<ZmtpConnection, byte[]> identities = new();
    private readonly Channel<List<byte[]>> received = Channel.CreateUnbounded<List<byte[]>>();
    private int generatedIdentities;

    /// <summary>The next message, its first frame being the sender's identity.</summary>
    public ValueTask<List<byte[]>> ReceiveAsync(CancellationToken cancellationToken) => received.Reader.ReadAsync(cancellationToken);

    /// <summary>A message already received and not yet taken, if any (used to abort queued requests).</summary>
    public bool TryReceive(out List<byte[]> message) => received.Reader.TryRead(out message!);

    /// <summary>Messages received and not yet taken.</summary>
    public int Queued => received.Reader.Count;

    /// <summary>Routes <paramref name="message"/>[1..] to the peer named by its first frame; false when that peer is gone.</summary>
    public bool Send(IReadOnlyList<byte[]> message)
    {
        if (message.Count < 2) throw new ArgumentException("a ROUTER message needs an identity frame and a body", nameof(message));
        if (!peersByIdentity.TryGetValue(Convert.ToHexString(message[0]), out var peer)) return false;
        return peer.Send(message.Skip(1).ToArray());
    }

    protected override void OnConnected(ZmtpConnection connection)
    {
        // A peer's own Identity is used, and a peer that reconnects with the identity of a connection
        // we still hold takes it over (libzmq's ROUTER_HANDOVER, which ipykernel turns on): replies to
        // requests sent before the reconnect then reach the client instead of the dead connection.
        // A peer without an identity gets, as in libzmq, 5 bytes starting with 0 (a prefix peers may
        // not choose themselves).
        var identity = connection.PeerIdentity;
        if (identity.Length > 0 && identity[0] != 0)
        {
            peersByIdentity[Convert.ToHexString(identity)] = connection;
        }
        else
        {
            do
            {
                identity = new byte[5];
                BinaryPrimitives.WriteUInt32BigEndian(identity.AsSpan(1), (uint)Interlocked.Increment(ref generatedIdentities));
            }
            while (!peersByIdentity.TryAdd(Convert.ToHexString(identity), connection));
        }
        identities[connection] = identity;
    }

    protected override void OnDisconnected(ZmtpConnection connection)
    {
        // Only forget the identity if no newer connection has taken it over.
        if (identities.TryRemove(connection, out var identity))
            peersByIdentity.TryRemove(new KeyValuePair<string, ZmtpConnection>(Convert.ToHexString(identity), connection));
    }

    protected override void OnMessage(ZmtpConnection connection, List<byte[]> message)
    {
        if (!identities.TryGetValue(connection, out var identity)) return;
        message.Insert(0, identity);
        received.Writer.TryWrite(message);
    }
}
