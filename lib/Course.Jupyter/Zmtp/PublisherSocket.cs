using System.Collections.Concurrent;
using System.Net;

namespace Course.Jupyter.Zmtp;

/// <summary>
/// ZeroMQ's PUB pattern: a published message goes to every subscriber with a subscription that is a
/// prefix of its first frame. Subscriptions arrive as ZMTP 3.0 messages (first byte 1 = subscribe,
/// 0 = cancel, then the topic) or as ZMTP 3.1 SUBSCRIBE/CANCEL commands; both are understood.
/// </summary>
public sealed class PublisherSocket(string name, IPEndPoint endPoint, Action<string> log)
    : ZmtpSocket(name, "PUB", ["SUB", "XSUB"], endPoint, log)
{
    private readonly ConcurrentDictionary<ZmtpConnection, Subscriptions> subscribers = new();

    /// <summary>Sends the message to every matching subscriber; peers that are not subscribed get nothing, as in ZeroMQ.</summary>
    public void Publish(IReadOnlyList<byte[]> message)
    {
        var topic = message.Count > 0 ? message[0] : [];
        foreach (var (connection, subscriptions) in subscribers)
            if (subscriptions.Matches(topic)) connection.Send(message);
    }

    /// <summary>How many peers currently subscribe to <paramref name="topic"/> (lets callers wait for a subscriber).</summary>
    public int SubscriberCount(byte[] topic) => subscribers.Values.Count(subscriptions => subscriptions.Matches(topic));

    protected override void OnConnected(ZmtpConnection connection) => subscribers[connection] = new Subscriptions();

    protected override void OnDisconnected(ZmtpConnection connection) => subscribers.TryRemove(connection, out _);

    protected override void OnMessage(ZmtpConnection connection, List<byte[]> message)
    {
        var first = message[0];
        if (message.Count == 1 && first.Length > 0 && first[0] is 0 or 1)
            Subscribe(connection, subscribe: first[0] == 1, first[1..]);
        else
            Log($"{Name}: ignoring a message from subscriber {connection.Peer} (a PUB socket only takes subscriptions)");
    }

    protected override void OnCommand(ZmtpConnection connection, ZmtpCommand command)
    {
        switch (command.Name)
        {
            case ZmtpCommand.Subscribe: Subscribe(connection, subscribe: true, command.Data); break;
            case ZmtpCommand.Cancel: Subscribe(connection, subscribe: false, command.Data); break;
            default: base.OnCommand(connection, command); break;
        }
    }

    private void Subscribe(ZmtpConnection connection, bool subscribe, byte[] topic)
    {
        if (!subscribers.TryGetValue(connection, out var subscriptions)) return;
        if (subscribe) subscriptions.Add(topic);
        else subscriptions.Remove(topic);
    }

    /// <summary>One peer's topics; a topic subscribed twice needs two cancels, as in ZeroMQ.</summary>
    private sealed class Subscriptions
    {
        private readonly List<byte[]> topics = [];

        public void Add(byte[] topic)
        {
            lock (topics) topics.Add(topic);
        }

        public void Remove(byte[] topic)
        {
            lock (topics)
            {
                int index = topics.FindIndex(existing => existing.AsSpan().SequenceEqual(topic));
                if (index >= 0) topics.RemoveAt(index);
            }
        }

        public bool Matches(byte[] topic)
        {
            lock (topics) return topics.Exists(prefix => topic.AsSpan().StartsWith(prefix));
        }
    }
}
