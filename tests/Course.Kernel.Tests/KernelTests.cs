using System.Text.Json.Nodes;
using Course.Jupyter.Protocol;

namespace Course.Kernel.Tests;

public class KernelTests
{
    private static string? Text(JsonNode? node) => node?.GetValue<string>();

    [Fact]
    public async Task Kernel_info_describes_a_CSharp_kernel_on_protocol_5_3_between_busy_and_idle()
    {
        await using var harness = KernelHarness.Start();
        using var client = await harness.ConnectAsync();

        var reply = await client.RequestAsync(client.Shell, "kernel_info_request");
        var iopub = await client.IopubUntilIdleAsync(new JupyterMessage([], reply.ParentHeader, [], [], [], []));

        Assert.Equal("kernel_info_reply", reply.MessageType);
        Assert.Equal("5.3", Text(reply.Content["protocol_version"]));
        var language = reply.Content["language_info"]!;
        Assert.Equal("C#", Text(language["name"]));
        Assert.Equal("text/x-csharp", Text(language["mimetype"]));
        Assert.Equal(".cs", Text(language["file_extension"]));
        Assert.Equal("csharp", Text(language["pygments_lexer"]));
        Assert.NotEmpty(reply.Content["help_links"]!.AsArray());
        Assert.Equal(["busy", "idle"], iopub.Select(m => Text(m.Content["execution_state"])));
    }

    [Fact]
    public async Task Execute_publishes_input_streams_displays_updates_and_the_result_then_replies()
    {
        await using var harness = KernelHarness.Start();
        using var client = await harness.ConnectAsync();

        var request = await client.SendAsync(client.Shell, "execute_request", JupyterTestClient.Execute(
            "print hello\neprint warn\ndisplay d1 one\nupdate d1 two\nresult 42"));
        var reply = await client.ReceiveAsync(client.Shell);
        var iopub = await client.IopubUntilIdleAsync(request);

        Assert.Equal("ok", Text(reply.Content["status"]));
        Assert.Equal(1, reply.Content["execution_count"]!.GetValue<int>());
        Assert.Equal(
            ["status", "execute_input", "stream", "stream", "display_data", "update_display_data", "execute_result", "status"],
            iopub.Select(m => m.MessageType));
        Assert.Equal("print hello\neprint warn\ndisplay d1 one\nupdate d1 two\nresult 42", Text(iopub[1].Content["code"]));
        Assert.Equal(("stdout", "hello\n"), (Text(iopub[2].Content["name"]), Text(iopub[2].Content["text"])));
        Assert.Equal("stderr", Text(iopub[3].Content["name"]));
        Assert.Equal("d1", Text(iopub[4].Content["transient"]!["display_id"]));
        Assert.Equal("<b>one</b>", Text(iopub[4].Content["data"]!["text/html"]));
        Assert.Equal("d1", Text(iopub[5].Content["transient"]!["display_id"]));
        Assert.Equal("two", Text(iopub[5].Content["data"]!["text/plain"]));
        Assert.Equal(1, iopub[6].Content["execution_count"]!.GetValue<int>());
        Assert.Equal("42", Text(iopub[6].Content["data"]!["application/json"]!["value"])); // JSON embedded as JSON
        Assert.All(iopub, m => Assert.Equal(request.MessageId, Text(m.ParentHeader["msg_id"])));
    }

    [Fact]
    public async Task An_error_is_published_and_replied_with_ename_evalue_and_traceback()
    {
        await using var harness = KernelHarness.Start();
        using var client = await harness.ConnectAsync();

        var request = await client.SendAsync(client.Shell, "execute_request", JupyterTestClient.Execute("print before\nfail boom"));
        var reply = await client.ReceiveAsync(client.Shell);
        var iopub = await client.IopubUntilIdleAsync(request);

        Assert.Equal("error", Text(reply.Content["status"]));
        Assert.Equal("FakeError", Text(reply.Content["ename"]));
        Assert.Equal("boom", Text(reply.Content["evalue"]));
        Assert.Equal(2, reply.Content["traceback"]!.AsArray().Count);
        var error = Assert.Single(iopub, m => m.MessageType == "error");
        Assert.Equal("boom", Text(error.Content["evalue"]));

        // The kernel carries on: the next cell runs and is counted.
        var next = await client.RequestAsync(client.Shell, "execute_request", JupyterTestClient.Execute("print after"));
        Assert.Equal("ok", Text(next.Content["status"]));
        Assert.Equal(2, next.Content["execution_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_session_that_throws_gives_an_error_reply_not_a_dead_kernel()
    {
        await using var harness = KernelHarness.Start();
        using var client = await harness.ConnectAsync();

        var reply = await client.RequestAsync(client.Shell, "execute_request", JupyterTestClient.Execute("throw"));

        Assert.Equal("InvalidOperationException", Text(reply.Content["ename"]));
        Assert.Equal("ok", Text((await client.RequestAsync(client.Shell, "execute_request", JupyterTestClient.Execute("print x"))).Content["status"]));
    }

    [Fact]
    public async Task After_a_failed_cell_with_stop_on_error_the_queued_executes_are_aborted()
    {
        await using var harness = KernelHarness.Start();
        using var client = await harness.ConnectAsync();

        var failing = await client.SendAsync(client.Shell, "execute_request", JupyterTestClient.Execute("wait\nfail stop"));
        await harness.Session.Blocking.Task.WaitAsync(ZmtpTestPeer.Patience);
        var queued = await client.SendAsync(client.Shell, "execute_request", JupyterTestClient.Execute("print never"));
        var info = await client.SendAsync(client.Shell, "kernel_info_request", []);
        await ZmtpTestPeer.WaitUntil(() => harness.Kernel.QueuedShellRequests == 2);
        harness.Session.Gate.Release();

        var replies = new[] { await client.ReceiveAsync(client.Shell), await client.ReceiveAsync(client.Shell), await client.ReceiveAsync(client.Shell) };

        Assert.Equal([failing.MessageId, queued.MessageId, info.MessageId], replies.Select(r => Text(r.ParentHeader["msg_id"])));
        Assert.Equal(["error", "aborted", "ok"], replies.Select(r => Text(r.Content["status"])));
        Assert.DoesNotContain("print never", harness.Session.Executed);
        await harness.WaitForLogAsync($"execute_request {queued.MessageId} aborted");

        // Executes sent after the queue drained run again.
        var later = await client.RequestAsync(client.Shell, "execute_request", JupyterTestClient.Execute("print later"));
        Assert.Equal("ok", Text(later.Content["status"]));
    }

    [Fact]
    public async Task An_execute_sent_after_the_error_reply_runs_even_when_it_arrives_at_once()
    {
        // A client that answers a failed cell's reply with its next cell at once (jupyter_client after an
        // interrupt does) must have it run: only requests already waiting when the cell failed are aborted.
        await using var harness = KernelHarness.Start();
        using var client = await harness.ConnectAsync();

        for (int attempt = 0; attempt < 100; attempt++)
        {
            var failed = await client.RequestAsync(client.Shell, "execute_request", JupyterTestClient.Execute("fail stop"));
            var next = await client.RequestAsync(client.Shell, "execute_request", JupyterTestClient.Execute("print next"));
            Assert.Equal(("error", "ok"), (Text(failed.Content["status"]), Text(next.Content["status"])));
        }
    }

    [Fact]
    public async Task Silent_and_unstored_executions_publish_nothing_and_keep_the_count()
    {
        await using var harness = KernelHarness.Start();
        using var client = await harness.ConnectAsync();

        var silent = await client.SendAsync(client.Shell, "execute_request", JupyterTestClient.Execute("print hidden", silent: true));
        var silentReply = await client.ReceiveAsync(client.Shell);
        var silentIopub = await client.IopubUntilIdleAsync(silent);
        var unstored = await client.RequestAsync(client.Shell, "execute_request", JupyterTestClient.Execute("print shown", storeHistory: false));
        var stored = await client.RequestAsync(client.Shell, "execute_request", JupyterTestClient.Execute("print counted"));

        Assert.Equal(["status", "status"], silentIopub.Select(m => m.MessageType));
        Assert.Equal(0, silentReply.Content["execution_count"]!.GetValue<int>());
        Assert.Equal(0, unstored.Content["execution_count"]!.GetValue<int>());
        Assert.Equal(1, stored.Content["execution_count"]!.GetValue<int>());
        Assert.Equal(3, harness.Session.Executed.Count);
    }

    [Fact]
    public async Task Interrupt_on_control_cancels_a_running_cell()
    {
        await using var harness = KernelHarness.Start();
        using var client = await harness.ConnectAsync();

        var running = await client.SendAsync(client.Shell, "execute_request", JupyterTestClient.Execute("print start\nsleep\nprint unreachable"));
        await harness.Session.Blocking.Task.WaitAsync(ZmtpTestPeer.Patience);
        var interrupt = await client.RequestAsync(client.Control, "interrupt_request");
        var reply = await client.ReceiveAsync(client.Shell);
        var iopub = await client.IopubUntilIdleAsync(running);

        Assert.Equal("ok", Text(interrupt.Content["status"]));
        Assert.Equal("error", Text(reply.Content["status"]));
        Assert.Equal("OperationCanceledException", Text(reply.Content["ename"]));
        Assert.DoesNotContain(iopub, m => m.MessageType == "stream" && Text(m.Content["text"]) == "unreachable\n");
        Assert.Contains(iopub, m => m.MessageType == "error");
    }

    [Fact]
    public async Task An_interrupt_sent_after_busy_stops_a_cell_that_has_not_started_yet()
    {
        // The session is still warming up, so the cell waits for it; the client has seen the cell's
        // execute_input and interrupts. The interrupt used to find no running cell and be dropped, and the
        // cell then ran (KernelManagerTests' endless cell never ended: a Jupyter client that interrupts
        // right after sending a cell hit this window whenever the machine was loaded).
        var warmedUp = new TaskCompletionSource();
        await using var harness = KernelHarness.Start(warmedUp: warmedUp.Task);
        using var client = await harness.ConnectAsync();

        var running = await client.SendAsync(client.Shell, "execute_request", JupyterTestClient.Execute("sleep"));
        await client.IopubUntilAsync(running, "execute_input");
        var interrupt = await client.RequestAsync(client.Control, "interrupt_request");
        warmedUp.SetResult();
        var reply = await client.ReceiveAsync(client.Shell);

        Assert.Equal("ok", Text(interrupt.Content["status"]));
        Assert.Equal(running.MessageId, Text(reply.ParentHeader["msg_id"]));
        Assert.Equal("error", Text(reply.Content["status"]));
        Assert.Equal("OperationCanceledException", Text(reply.Content["ename"]));
        Assert.Empty(harness.Session.Executed);
    }

    [Fact]
    public async Task An_interrupt_while_idle_is_logged_and_does_not_stop_the_next_cell()
    {
        await using var harness = KernelHarness.Start();
        using var client = await harness.ConnectAsync();

        var interrupt = await client.RequestAsync(client.Control, "interrupt_request");
        var next = await client.RequestAsync(client.Shell, "execute_request", JupyterTestClient.Execute("print after"));

        Assert.Equal("ok", Text(interrupt.Content["status"]));
        Assert.Contains(harness.Log, line => line.Contains("interrupt_request while no cell is running"));
        Assert.Equal("ok", Text(next.Content["status"]));
    }

    [Fact]
    public async Task A_cell_asks_for_input_on_stdin_and_gets_the_reply_when_allow_stdin_is_true()
    {
        await using var harness = KernelHarness.Start();
        using var client = await harness.ConnectAsync();

        var running = await client.SendAsync(client.Shell, "execute_request", JupyterTestClient.Execute("input Name: ", allowStdin: true));
        var inputRequest = await client.ReceiveAsync(client.Stdin);
        // jupyter_client answers without a parent header.
        await client.SendAsync(client.Stdin, "input_reply", new JsonObject { ["value"] = "Ada" });
        var reply = await client.ReceiveAsync(client.Shell);
        var iopub = await client.IopubUntilIdleAsync(running);

        Assert.Equal("input_request", inputRequest.MessageType);
        Assert.Equal(running.MessageId, Text(inputRequest.ParentHeader["msg_id"]));
        Assert.Equal("Name:", Text(inputRequest.Content["prompt"]));
        Assert.False(inputRequest.Content["password"]!.GetValue<bool>());
        Assert.Equal("ok", Text(reply.Content["status"]));
        Assert.Contains(iopub, m => m.MessageType == "stream" && Text(m.Content["text"]) == "got Ada\n");
    }

    [Fact]
    public async Task Asking_for_input_when_allow_stdin_is_false_is_a_clear_error()
    {
        await using var harness = KernelHarness.Start();
        using var client = await harness.ConnectAsync();

        var reply = await client.RequestAsync(client.Shell, "execute_request", JupyterTestClient.Execute("input Name: "));

        Assert.Equal("error", Text(reply.Content["status"]));
        Assert.Equal("InvalidOperationException", Text(reply.Content["ename"]));
        Assert.Contains("allow_stdin false", Text(reply.Content["evalue"]));
    }

    [Fact]
    public async Task An_interrupt_stops_a_cell_waiting_for_input()
    {
        await using var harness = KernelHarness.Start();
        using var client = await harness.ConnectAsync();

        var running = await client.SendAsync(client.Shell, "execute_request", JupyterTestClient.Execute("input Name: ", allowStdin: true));
        await client.ReceiveAsync(client.Stdin);
        await client.RequestAsync(client.Control, "interrupt_request");
        var reply = await client.ReceiveAsync(client.Shell);

        Assert.Equal(running.MessageId, Text(reply.ParentHeader["msg_id"]));
        Assert.Equal("OperationCanceledException", Text(reply.Content["ename"]));
        // A late answer finds nothing waiting and is only logged.
        await client.SendAsync(client.Stdin, "input_reply", new JsonObject { ["value"] = "late" });
        await harness.WaitForLogAsync("no input was asked for");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Shutdown_replies_and_ends_the_kernel_whether_or_not_a_restart_follows(bool restart)
    {
        var harness = KernelHarness.Start();
        using var client = await harness.ConnectAsync();

        var reply = await client.RequestAsync(client.Control, "shutdown_request", new JsonObject { ["restart"] = restart });

        Assert.Equal("ok", Text(reply.Content["status"]));
        Assert.Equal(restart, reply.Content["restart"]!.GetValue<bool>());
        Assert.Equal(restart, await harness.Kernel.ShutdownRequested.WaitAsync(ZmtpTestPeer.Patience));
        await harness.DisposeAsync();
        Assert.True(harness.Session.Disposed);
    }

    [Fact]
    public async Task Messages_with_a_wrong_or_missing_signature_are_logged_and_nothing_runs()
    {
        await using var harness = KernelHarness.Start();
        using var forger = await harness.ConnectAsync(key: "not-the-key");
        using var unsigned = await harness.ConnectAsync(key: "");
        using var client = await harness.ConnectAsync();

        await forger.SendAsync(forger.Shell, "execute_request", JupyterTestClient.Execute("print forged"));
        await harness.WaitForLogAsync("the signature is wrong");
        await unsigned.SendAsync(unsigned.Shell, "execute_request", JupyterTestClient.Execute("print unsigned"));
        await harness.WaitForLogAsync("the message is not signed");
        await forger.SendAsync(forger.Control, "shutdown_request", []);
        await ZmtpTestPeer.WaitUntil(() => harness.Log.Count(line => line.Contains("rejected")) == 3);

        var reply = await client.RequestAsync(client.Shell, "kernel_info_request");
        Assert.Equal("kernel_info_reply", reply.MessageType);
        Assert.Empty(harness.Session.Executed);
        Assert.False(harness.Kernel.ShutdownRequested.IsCompleted);
    }

    [Fact]
    public async Task A_replayed_message_is_rejected()
    {
        await using var harness = KernelHarness.Start();
        using var client = await harness.ConnectAsync();
        var codec = new WireCodec(new MessageSigner(KernelHarness.Key));
        var frames = codec.Serialize(client.NewRequest("execute_request", JupyterTestClient.Execute("print once")));

        await client.Shell.SendAsync(frames);
        await client.ReceiveAsync(client.Shell);
        await client.Shell.SendAsync(frames);
        await harness.WaitForLogAsync("replayed");

        Assert.Equal(["print once"], harness.Session.Executed);
    }

    [Fact]
    public async Task Garbage_on_a_channel_does_not_stop_the_kernel()
    {
        await using var harness = KernelHarness.Start();
        using (var garbage = await ZmtpTestPeer.ConnectRawAsync(harness.Kernel.Bound.ShellPort))
            await garbage.GetStream().WriteAsync(Enumerable.Range(0, 200).Select(i => (byte)(i * 31)).ToArray());
        using var junkFrames = await ZmtpTestPeer.ConnectAsync(harness.Kernel.Bound.ShellPort, "DEALER");
        await junkFrames.SendAsync(["not a jupyter message"u8.ToArray()]);
        await harness.WaitForLogAsync("no <IDS|MSG> delimiter");

        using var client = await harness.ConnectAsync();
        Assert.Equal("kernel_info_reply", (await client.RequestAsync(client.Shell, "kernel_info_request")).MessageType);
    }

    [Fact]
    public async Task Is_complete_complete_and_inspect_are_answered_from_the_session()
    {
        await using var harness = KernelHarness.Start();
        using var client = await harness.ConnectAsync();

        var complete = await client.RequestAsync(client.Shell, "is_complete_request", new JsonObject { ["code"] = "print x" });
        var incomplete = await client.RequestAsync(client.Shell, "is_complete_request", new JsonObject { ["code"] = "{" });
        var invalid = await client.RequestAsync(client.Shell, "is_complete_request", new JsonObject { ["code"] = "!!" });
        // "😀 pr": the cursor after "pr" is code point 4 but UTF-16 offset 5.
        var completion = await client.RequestAsync(client.Shell, "complete_request", new JsonObject { ["code"] = "😀 pr", ["cursor_pos"] = 4 });
        var inspection = await client.RequestAsync(client.Shell, "inspect_request", new JsonObject { ["code"] = "print", ["cursor_pos"] = 2, ["detail_level"] = 0 });
        var nothing = await client.RequestAsync(client.Shell, "inspect_request", new JsonObject { ["code"] = "zzz", ["cursor_pos"] = 1 });

        Assert.Equal("complete", Text(complete.Content["status"]));
        Assert.Equal(("incomplete", ""), (Text(incomplete.Content["status"]), Text(incomplete.Content["indent"])));
        Assert.Equal("invalid", Text(invalid.Content["status"]));
        Assert.Equal(["print"], completion.Content["matches"]!.AsArray().Select(m => Text(m)));
        Assert.Equal((2, 4), (completion.Content["cursor_start"]!.GetValue<int>(), completion.Content["cursor_end"]!.GetValue<int>()));
        Assert.True(inspection.Content["found"]!.GetValue<bool>());
        Assert.Contains("stdout", Text(inspection.Content["data"]!["text/plain"]));
        Assert.False(nothing.Content["found"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Comm_info_and_history_are_empty()
    {
        await using var harness = KernelHarness.Start();
        using var client = await harness.ConnectAsync();

        var comms = await client.RequestAsync(client.Shell, "comm_info_request");
        var history = await client.RequestAsync(client.Shell, "history_request", new JsonObject { ["hist_access_type"] = "tail", ["n"] = 10 });

        Assert.Empty(comms.Content["comms"]!.AsObject());
        Assert.Empty(history.Content["history"]!.AsArray());
    }

    [Fact]
    public async Task Heartbeat_echoes()
    {
        await using var harness = KernelHarness.Start();
        using var heartbeat = await ZmtpTestPeer.ConnectAsync(harness.Kernel.Bound.HeartbeatPort, "REQ");

        await heartbeat.SendAsync([[], "ping"u8.ToArray()]);

        Assert.Equal("ping"u8.ToArray(), (await heartbeat.ReceiveAsync())[1]);
    }
}
