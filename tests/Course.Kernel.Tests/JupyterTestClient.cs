using System.Text.Json.Nodes;
using Course.Jupyter.Kernel;
using Course.Jupyter.Protocol;

namespace Course.Kernel.Tests;

/// <summary>
/// A minimal Jupyter client over <see cref="ZmtpTestPeer"/>: DEALER-like shell, stdin (with the shell's
/// identity, as Jupyter clients do) and control, a SUB on iopub subscribed to everything, signing with the connection key.
/// </summary>
public sealed class JupyterTestClient : IDisposable
{
    private readonly WireCodec codec;
    private readonly string session = Guid.NewGuid().ToString();

    private JupyterTestClient(string key, ZmtpTestPeer shell, ZmtpTestPeer stdin, ZmtpTestPeer control, ZmtpTestPeer iopub)
    {
        codec = new WireCodec(new MessageSigner(key));
        Shell = shell;
        Stdin = stdin;
        Control = control;
        Iopub = iopub;
    }

    public ZmtpTestPeer Shell { get; }
    public ZmtpTestPeer Stdin { get; }
    public ZmtpTestPeer Control { get; }
    public ZmtpTestPeer Iopub { get; }

    public static async Task<JupyterTestClient> ConnectAsync(JupyterKernel kernel, string key)
    {
        var identity = System.Text.Encoding.ASCII.GetBytes($"client-{Guid.NewGuid():N}");
        var shell = await ZmtpTestPeer.ConnectAsync(kernel.Bound.ShellPort, "DEALER", identity);
        var stdin = await ZmtpTestPeer.ConnectAsync(kernel.Bound.StdinPort, "DEALER", identity);
        var control = await ZmtpTestPeer.ConnectAsync(kernel.Bound.ControlPort, "DEALER");
        int subscribersBefore = kernel.IopubSubscribers;
        var iopub = await ZmtpTestPeer.ConnectAsync(kernel.Bound.IopubPort, "SUB");
        await iopub.SendAsync([[1]]);
        // PUB drops messages for peers whose subscription has not arrived yet, so wait for it.
        await ZmtpTestPeer.WaitUntil(() => kernel.IopubSubscribers != subscribersBefore, "the iopub subscription never arrived");
        return new JupyterTestClient(key, shell, stdin, control, iopub);
    }

    public JupyterMessage NewRequest(string messageType, JsonObject content) =>
        new([], JupyterMessage.CreateHeader(messageType, session, "tester"), [], [], content, []);

    public async Task<JupyterMessage> SendAsync(ZmtpTestPeer channel, string messageType, JsonObject content)
    {
        var request = NewRequest(messageType, content);
        await channel.SendAsync(codec.Serialize(request));
        return request;
    }

    public async Task<JupyterMessage> ReceiveAsync(ZmtpTestPeer channel) => codec.Parse(await channel.ReceiveAsync());

    public async Task<JupyterMessage> RequestAsync(ZmtpTestPeer channel, string messageType, JsonObject? content = null)
    {
        var request = await SendAsync(channel, messageType, content ?? []);
        var reply = await ReceiveAsync(channel);
        Assert.Equal(request.MessageId, reply.ParentHeader["msg_id"]?.GetValue<string>());
        return reply;
    }

    /// <summary>The iopub messages caused by <paramref name="request"/>, up to and including its idle status.</summary>
    public async Task<List<JupyterMessage>> IopubUntilIdleAsync(JupyterMessage request)
    {
        var messages = new List<JupyterMessage>();
        while (true)
        {
            var message = await ReceiveAsync(Iopub);
            if (message.ParentHeader["msg_id"]?.GetValue<string>() != request.MessageId) continue;
            messages.Add(message);
            if (message.MessageType == "status" && message.Content["execution_state"]?.GetValue<string>() == "idle") return messages;
        }
    }

    /// <summary>Reads iopub until the message of type <paramref name="messageType"/> caused by <paramref name="request"/>.</summary>
    public async Task<JupyterMessage> IopubUntilAsync(JupyterMessage request, string messageType)
    {
        while (true)
        {
            var message = await ReceiveAsync(Iopub);
            if (message.ParentHeader["msg_id"]?.GetValue<string>() == request.MessageId && message.MessageType == messageType) return message;
        }
    }

    public static JsonObject Execute(string code, bool silent = false, bool storeHistory = true, bool stopOnError = true, bool allowStdin = false) => new()
    {
        ["code"] = code,
        ["silent"] = silent,
        ["store_history"] = storeHistory,
        ["user_expressions"] = new JsonObject(),
        ["allow_stdin"] = allowStdin,
        ["stop_on_error"] = stopOnError,
    };

    public void Dispose()
    {
        Shell.Dispose();
        Stdin.Dispose();
        Control.Dispose();
        Iopub.Dispose();
    }
}
