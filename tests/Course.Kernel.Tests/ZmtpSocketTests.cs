using System.Collections.Concurrent;
using System.Net;
using Course.Jupyter.Zmtp;

namespace Course.Kernel.Tests;

public class ZmtpSocketTests
{
    private readonly ConcurrentQueue<string> log = new();

    private RouterSocket StartRouter()
    {
        var router = new RouterSocket("test", new IPEndPoint(IPAddress.Loopback, 0), log.Enqueue);
        router.Start();
        return router;
    }

    private static async Task<List<byte[]>> ReceiveAsync(RouterSocket router)
    {
        using var timeout = new CancellationTokenSource(ZmtpTestPeer.Patience);
        return await router.ReceiveAsync(timeout.Token);
    }

    [Fact]
    public async Task The_server_greets_with_ZMTP_3_and_answers_READY_with_its_socket_type()
    {
        await using var router = StartRouter();
        using var client = await ZmtpTestPeer.ConnectRawAsync(router.LocalEndPoint.Port);
        var stream = client.GetStream();

        var greeting = new byte[64];
        await stream.ReadExactlyAsync(greeting);
        ZmtpGreeting.Validate(greeting);
        await stream.WriteAsync(ZmtpGreeting.Create());
        await ZmtpFrame.WriteAsync(stream, ZmtpCommand.CreateReady("DEALER", null).Encode(), false, true, default);
        var ready = ZmtpCommand.Decode((await ZmtpFrame.ReadAsync(stream, default)).Body);

        Assert.Equal("READY", ready.Name);
        Assert.Equal("ROUTER"u8.ToArray(), ZmtpCommand.DecodeProperties(ready.Data)["Socket-Type"]);
    }

    [Fact]
    public async Task Router_prefixes_the_peer_identity_and_routes_replies_back_by_it()
    {
        await using var router = StartRouter();
        using var alice = await ZmtpTestPeer.ConnectAsync(router.LocalEndPoint.Port, "DEALER", "alice"u8.ToArray());
        using var anonymous = await ZmtpTestPeer.ConnectAsync(router.LocalEndPoint.Port, "DEALER");
        var small = "hello"u8.ToArray();
        var boundary = new byte[256];
        var large = Enumerable.Range(0, 100_000).Select(i => (byte)i).ToArray();

        await alice.SendAsync([small, boundary, large]);
        var fromAlice = await ReceiveAsync(router);
        await anonymous.SendAsync([small]);
        var fromAnonymous = await ReceiveAsync(router);

        Assert.Equal("alice"u8.ToArray(), fromAlice[0]);
        Assert.Equal([small, boundary, large], fromAlice.Skip(1));
        Assert.Equal(5, fromAnonymous[0].Length);
        Assert.Equal(0, fromAnonymous[0][0]);

        Assert.True(router.Send([fromAnonymous[0], "to you"u8.ToArray()]));
        Assert.True(router.Send([fromAlice[0], large, small]));
        Assert.Equal(["to you"u8.ToArray()], await anonymous.ReceiveAsync());
        Assert.Equal([large, small], await alice.ReceiveAsync());
        Assert.False(router.Send(["nobody"u8.ToArray(), small]));
    }

    [Fact]
    public async Task A_peer_reconnecting_with_its_identity_takes_it_over_and_gets_the_replies()
    {
        await using var router = StartRouter();
        var first = await ZmtpTestPeer.ConnectAsync(router.LocalEndPoint.Port, "DEALER", "client"u8.ToArray());
        await first.SendAsync(["request"u8.ToArray()]);
        var request = await ReceiveAsync(router);

        // The client reconnects (as libzmq does after a dropped connection) before the reply is ready,
        // and the old connection goes away afterwards: the reply must still reach the client.
        using var second = await ZmtpTestPeer.ConnectAsync(router.LocalEndPoint.Port, "DEALER", "client"u8.ToArray());
        await second.SendAsync(["ping"u8.ToArray()]);
        await ReceiveAsync(router);
        var firstPort = first.LocalPort;
        first.Dispose();
        await ZmtpTestPeer.WaitUntil(() => log.Any(line => line.Contains($":{firstPort} ended")));

        Assert.True(router.Send([request[0], "reply"u8.ToArray()]));
        Assert.Equal(["reply"u8.ToArray()], await second.ReceiveAsync());
    }

    [Fact]
    public async Task Garbage_bytes_close_that_connection_only()
    {
        await using var router = StartRouter();
        using var garbage = await ZmtpTestPeer.ConnectRawAsync(router.LocalEndPoint.Port);
        await garbage.GetStream().WriteAsync("GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray().Concat(new byte[64]).ToArray());

        Assert.True(await ZmtpTestPeer.IsClosedByServerAsync(garbage.GetStream()));
        Assert.Contains(log, line => line.Contains("bad greeting signature"));

        using var good = await ZmtpTestPeer.ConnectAsync(router.LocalEndPoint.Port, "DEALER");
        await good.SendAsync(["still here"u8.ToArray()]);
        Assert.Equal("still here"u8.ToArray(), (await ReceiveAsync(router))[1]);
    }

    [Fact]
    public async Task The_log_says_when_a_peer_connects_and_why_its_connection_ended()
    {
        await using var router = StartRouter();
        var leaving = await ZmtpTestPeer.ConnectAsync(router.LocalEndPoint.Port, "DEALER");
        var port = leaving.LocalPort;
        leaving.Dispose();
        await ZmtpTestPeer.WaitUntil(() => log.Any(line => line.Contains($":{port} ended: the peer closed the connection")));

        using var resetting = await ZmtpTestPeer.ConnectRawAsync(router.LocalEndPoint.Port);
        port = ((IPEndPoint)resetting.Client.LocalEndPoint!).Port;
        await resetting.GetStream().WriteAsync(ZmtpGreeting.Create());
        resetting.Client.LingerState = new System.Net.Sockets.LingerOption(true, 0); // close with a TCP reset
        resetting.Close();
        await ZmtpTestPeer.WaitUntil(() => log.Any(line => line.Contains($":{port} ended: ") || line.Contains($":{port} closed: ")));

        Assert.Contains(log, line => line.Contains("DEALER peer 127.0.0.1:") && line.EndsWith(" connected"));
    }

    [Fact]
    public async Task A_frame_announcing_an_absurd_length_closes_the_connection()
    {
        await using var router = StartRouter();
        using var peer = await ZmtpTestPeer.ConnectAsync(router.LocalEndPoint.Port, "DEALER");

        await peer.Stream.WriteAsync(new byte[] { 0x02, 0, 0, 0x10, 0, 0, 0, 0, 0 });

        Assert.True(await ZmtpTestPeer.IsClosedByServerAsync(peer.Stream));
        Assert.Contains(log, line => line.Contains("exceeds"));
    }

    [Fact]
    public async Task An_incompatible_socket_type_gets_an_ERROR_command_and_is_disconnected()
    {
        await using var router = StartRouter();
        using var subscriber = await ZmtpTestPeer.ConnectAsync(router.LocalEndPoint.Port, "SUB");

        var (isCommand, frames) = await subscriber.ReceiveAnyAsync();

        Assert.True(isCommand);
        var error = ZmtpCommand.Decode(frames[0]);
        Assert.Equal("ERROR", error.Name);
        Assert.Contains("does not accept SUB", error.ErrorReason());
        Assert.True(await ZmtpTestPeer.IsClosedByServerAsync(subscriber.Stream));
    }

    [Fact]
    public async Task PING_is_answered_with_PONG_and_its_context()
    {
        await using var router = StartRouter();
        using var peer = await ZmtpTestPeer.ConnectAsync(router.LocalEndPoint.Port, "DEALER");

        await peer.SendCommandAsync(new ZmtpCommand(ZmtpCommand.Ping, [0, 10, (byte)'c', (byte)'t', (byte)'x']));
        var (isCommand, frames) = await peer.ReceiveAnyAsync();

        Assert.True(isCommand);
        var pong = ZmtpCommand.Decode(frames[0]);
        Assert.Equal("PONG", pong.Name);
        Assert.Equal("ctx"u8.ToArray(), pong.Data);
    }

    [Fact]
    public async Task Publisher_sends_to_subscribers_by_topic_prefix_with_both_subscription_forms()
    {
        await using var publisher = new PublisherSocket("pub", new IPEndPoint(IPAddress.Loopback, 0), log.Enqueue);
        publisher.Start();
        using var everything = await ZmtpTestPeer.ConnectAsync(publisher.LocalEndPoint.Port, "SUB");
        using var onlyA = await ZmtpTestPeer.ConnectAsync(publisher.LocalEndPoint.Port, "SUB");
        using var unsubscribed = await ZmtpTestPeer.ConnectAsync(publisher.LocalEndPoint.Port, "SUB");

        await everything.SendAsync([[1]]); // ZMTP 3.0: a message, 1 then the (empty) topic
        await onlyA.SendCommandAsync(new ZmtpCommand(ZmtpCommand.Subscribe, "a"u8.ToArray())); // ZMTP 3.1
        await ZmtpTestPeer.WaitUntil(() => publisher.SubscriberCount("a"u8.ToArray()) == 2);

        publisher.Publish(["b.topic"u8.ToArray(), "first"u8.ToArray()]);
        publisher.Publish(["a.topic"u8.ToArray(), new byte[1000]]);

        Assert.Equal("first"u8.ToArray(), (await everything.ReceiveAsync())[1]);
        Assert.Equal(1000, (await everything.ReceiveAsync())[1].Length);
        Assert.Equal("a.topic"u8.ToArray(), (await onlyA.ReceiveAsync())[0]);

        await onlyA.SendCommandAsync(new ZmtpCommand(ZmtpCommand.Cancel, "a"u8.ToArray()));
        await ZmtpTestPeer.WaitUntil(() => publisher.SubscriberCount("a"u8.ToArray()) == 1);
        Assert.Equal(1, publisher.SubscriberCount("b"u8.ToArray()));
    }

    [Fact]
    public async Task Heartbeat_echoes_what_a_REQ_peer_sends()
    {
        await using var heartbeat = new EchoSocket("hb", new IPEndPoint(IPAddress.Loopback, 0), log.Enqueue);
        heartbeat.Start();
        using var peer = await ZmtpTestPeer.ConnectAsync(heartbeat.LocalEndPoint.Port, "REQ");

        await peer.SendAsync([[], "ping"u8.ToArray()]);

        Assert.Equal([[], "ping"u8.ToArray()], await peer.ReceiveAsync());
    }

    [Fact]
    public async Task Sockets_listen_only_on_the_address_they_are_given()
    {
        await using var router = StartRouter();

        Assert.Equal(IPAddress.Loopback, router.LocalEndPoint.Address);
    }
}
