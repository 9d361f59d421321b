using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Jupyter.Protocol;
using Course.Jupyter.Zmtp;
using Course.Notebooks.Execution;

namespace Course.Jupyter.Kernel;

/// <summary>
/// A Jupyter kernel (messaging protocol 5.3) driving one <see cref="INotebookSession"/>. Shell requests
/// are handled one after another; cells run on a worker so that control requests (interrupt, shutdown)
/// are answered while a cell runs. Every incoming message must carry a valid signature: anything else is
/// logged and dropped, and the kernel carries on.
/// </summary>
public sealed class JupyterKernel : IAsyncDisposable
{
    private static readonly TimeSpan CellStopTimeout = TimeSpan.FromSeconds(5);

    private readonly WireCodec codec;
    private readonly Action<string> log;
    private readonly RouterSocket shell;
    private readonly RouterSocket control;
    private readonly RouterSocket stdin;
    private readonly PublisherSocket iopub;
    private readonly EchoSocket heartbeat;
    private readonly string session = Guid.NewGuid().ToString();
    private readonly Task<INotebookSession> notebook;
    private readonly CancellationTokenSource stopping = new();
    private readonly TaskCompletionSource<bool> shutdownRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object cellLock = new();
    private CancellationTokenSource? runningCell;
    private readonly object inputLock = new();
    private TaskCompletionSource<string>? pendingInput;
    private Task runningCellTask = Task.CompletedTask;
    private int executionCount;
    // After a cell fails with stop_on_error, the executes that were already waiting are aborted (a "Run all"
    // sent them counting on that cell). The count is taken before the failed cell's reply goes out, so a
    // request the client sends in answer to that reply is never among them, however fast it arrives.
    private int requestsWaitingAtFailure;
    private bool currentRequestWaitedThroughFailure; // set by ServeAsync for the shell request being handled
    private Task loops = Task.CompletedTask;

    private JupyterKernel(ConnectionInfo connection, Func<INotebookSession> sessionFactory, Action<string> log)
    {
        this.log = log;
        codec = new WireCodec(new MessageSigner(connection.Key));
        var address = connection.Address;
        shell = new RouterSocket("shell", new IPEndPoint(address, connection.ShellPort), log);
        control = new RouterSocket("control", new IPEndPoint(address, connection.ControlPort), log);
        stdin = new RouterSocket("stdin", new IPEndPoint(address, connection.StdinPort), log);
        iopub = new PublisherSocket("iopub", new IPEndPoint(address, connection.IopubPort), log);
        heartbeat = new EchoSocket("heartbeat", new IPEndPoint(address, connection.HeartbeatPort), log);
        if (!codec.SignsMessages) log("warning: the connection file has no key; messages are not authenticated");
        // The session (a Roslyn compiler warming up) starts in the background so kernel_info is answered at once.
        notebook = Task.Run(sessionFactory);
    }

    /// <summary>Binds the five channels to the connection file's address and ports and starts serving.</summary>
    public static JupyterKernel Start(ConnectionInfo connection, Func<INotebookSession> sessionFactory, Action<string> log)
    {
        var kernel = new JupyterKernel(connection, sessionFactory, log);
        kernel.Bound = connection with
        {
            ShellPort = kernel.Listen(kernel.shell),
            ControlPort = kernel.Listen(kernel.control),
            StdinPort = kernel.Listen(kernel.stdin),
            IopubPort = kernel.Listen(kernel.iopub),
            HeartbeatPort = kernel.Listen(kernel.heartbeat),
        };
        kernel.loops = Task.WhenAll(
            kernel.ServeAsync(kernel.shell, kernel.HandleShellAsync, abortsQueuedExecutes: true),
            kernel.ServeAsync(kernel.control, kernel.HandleControlAsync, abortsQueuedExecutes: false),
            kernel.ServeAsync(kernel.stdin, kernel.HandleStdinAsync, abortsQueuedExecutes: false));
        kernel.Broadcast(null, "status", new JsonObject { ["execution_state"] = "starting" });
        return kernel;
    }

    /// <summary>The connection as bound: the actual ports when the file asked for port 0.</summary>
    public ConnectionInfo Bound { get; private set; } = new();

    /// <summary>Shell requests received and waiting for the one being handled.</summary>
    internal int QueuedShellRequests => shell.Queued;

    /// <summary>How many iopub peers receive every message (lets a client wait until its subscription is in place).</summary>
    internal int IopubSubscribers => iopub.SubscriberCount([]);

    /// <summary>Completes when a shutdown_request arrives; the result is its restart flag.</summary>
    public Task<bool> ShutdownRequested => shutdownRequested.Task;

    private int Listen(ZmtpSocket socket)
    {
        try
        {
            socket.Start();
        }
        catch (System.Net.Sockets.SocketException exception)
        {
            throw new InvalidOperationException($"cannot bind the {socket.Name} channel to {socket.LocalEndPoint}: {exception.Message}", exception);
        }
        return socket.LocalEndPoint.Port;
    }

    private async Task ServeAsync(RouterSocket socket, Func<JupyterMessage, Task> handle, bool abortsQueuedExecutes)
    {
        while (!stopping.IsCancellationRequested)
        {
            List<byte[]> frames;
            try
            {
                frames = await socket.ReceiveAsync(stopping.Token).ConfigureAwait(false);
                if (abortsQueuedExecutes)
                {
                    currentRequestWaitedThroughFailure = requestsWaitingAtFailure > 0;
                    if (currentRequestWaitedThroughFailure) requestsWaitingAtFailure--;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            JupyterMessage message;
            try
            {
                message = codec.Parse(frames);
            }
            catch (MessageRejectedException exception)
            {
                log($"{socket.Name}: rejected a message: {exception.Message}; nothing was executed");
                continue;
            }

            try
            {
                await handle(message).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                log($"{socket.Name}: handling {message.MessageType} failed: {exception}");
            }
        }
    }

    private Task HandleShellAsync(JupyterMessage request) => request.MessageType switch
    {
        "execute_request" => ExecuteAsync(request),
        "kernel_info_request" => Busy(request, () => Reply(shell, request, "kernel_info_reply", KernelInfo.Reply())),
        "is_complete_request" => Busy(request, () => IsCompleteAsync(request)),
        "complete_request" => Busy(request, () => CompleteAsync(request)),
        "inspect_request" => Busy(request, () => InspectAsync(request)),
        "comm_info_request" => Busy(request, () => Reply(shell, request, "comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() })),
        "history_request" => Busy(request, () => Reply(shell, request, "history_reply", new JsonObject { ["status"] = "ok", ["history"] = new JsonArray() })),
        "shutdown_request" => Busy(request, () => Shutdown(shell, request)),
        _ => Unsupported(shell, request),
    };

    private Task HandleControlAsync(JupyterMessage request) => request.MessageType switch
    {
        "interrupt_request" => Busy(request, () => Interrupt(request)),
        "shutdown_request" => Busy(request, () => Shutdown(control, request)),
        "kernel_info_request" => Busy(request, () => Reply(control, request, "kernel_info_reply", KernelInfo.Reply())),
        _ => Unsupported(control, request),
    };

    private Task HandleStdinAsync(JupyterMessage message)
    {
        if (message.MessageType != "input_reply")
        {
            log($"stdin: ignoring {message.MessageType}: only input_reply is expected here");
            return Task.CompletedTask;
        }
        // jupyter_client sends input_reply without a parent header, so it answers whichever request is pending.
        TaskCompletionSource<string>? answer;
        lock (inputLock) answer = pendingInput;
        if (answer is null) log("stdin: an input_reply arrived while no input was asked for; ignored");
        else answer.TrySetResult(String(message.Content, "value") ?? "");
        return Task.CompletedTask;
    }

    /// <summary>
    /// Console.ReadLine() in a cell: an input_request on stdin to the client that sent the execute_request
    /// (Jupyter clients give their shell and stdin sockets the same identity), then the cell waits for the
    /// input_reply or the interrupt.
    /// </summary>
    private string RequestInput(JupyterMessage executeRequest, bool allowStdin, string prompt, CancellationToken cellToken)
    {
        if (!allowStdin)
            throw new InvalidOperationException("Console.ReadLine() cannot get input: the front end sent this cell with allow_stdin false, so it does not answer input requests. Set the value in the cell instead.");
        var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (inputLock) pendingInput = answer;
        try
        {
            var request = JupyterMessage.Reply(executeRequest, "input_request", new JsonObject { ["prompt"] = prompt, ["password"] = false }, session);
            if (!stdin.Send(codec.Serialize(request)))
                throw new InvalidOperationException("Console.ReadLine() cannot get input: the front end's stdin channel is not connected.");
            return answer.Task.WaitAsync(cellToken).GetAwaiter().GetResult();
        }
        finally
        {
            lock (inputLock) pendingInput = null;
        }
    }

    private Task Unsupported(ZmtpSocket socket, JupyterMessage message)
    {
        log($"{socket.Name}: {message.MessageType} is not supported; ignored");
        return Task.CompletedTask;
    }

    /// <summary>Every request is bracketed by busy and idle status messages on iopub, with the request as parent.</summary>
    private async Task Busy(JupyterMessage request, Func<Task> handle)
    {
        Broadcast(request, "status", new JsonObject { ["execution_state"] = "busy" });
        try
        {
            await handle().ConfigureAwait(false);
        }
        finally
        {
            Broadcast(request, "status", new JsonObject { ["execution_state"] = "idle" });
        }
    }

    private Task Busy(JupyterMessage request, Action handle) => Busy(request, () => { handle(); return Task.CompletedTask; });

    private async Task ExecuteAsync(JupyterMessage request)
    {
        // The request becomes the one an interrupt stops before its busy status is published: a client
        // that has seen busy (or execute_input) may interrupt at once, and that interrupt must not be
        // lost while the cell is still being prepared (publishing execute_input, waiting for the session's
        // warm-up, starting the worker).
        using var cell = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
        lock (cellLock) runningCell = cell;
        try
        {
            await Busy(request, () => ExecuteCellAsync(request, cell.Token)).ConfigureAwait(false);
        }
        finally
        {
            lock (cellLock) runningCell = null;
        }
    }

    private async Task ExecuteCellAsync(JupyterMessage request, CancellationToken cellToken)
    {
        var content = request.Content;
        if (currentRequestWaitedThroughFailure)
        {
            log($"shell: execute_request {request.MessageId} aborted: it was waiting when a cell failed with stop_on_error");
            Reply(shell, request, "execute_reply", new JsonObject { ["status"] = "aborted" });
            return;
        }
        var code = String(content, "code") ?? "";
        bool silent = Bool(content, "silent") ?? false;
        bool storeHistory = !silent && (Bool(content, "store_history") ?? true);
        bool stopOnError = Bool(content, "stop_on_error") ?? true;

        if (storeHistory) executionCount++;
        int count = executionCount;
        if (!silent) Broadcast(request, "execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count });

        bool allowStdin = Bool(content, "allow_stdin") ?? false;
        var sink = new IopubOutputSink((type, output) => Broadcast(request, type, output), count, silent,
            (prompt, token) => RequestInput(request, allowStdin, prompt, token));
        var outcome = await RunCellAsync(code, sink, cellToken).ConfigureAwait(false);
        if (outcome == CellOutcome.Cancelled && sink.LastError is null)
            sink.Error("OperationCanceledException", "The cell was interrupted.", []);

        var reply = new JsonObject { ["execution_count"] = count, ["user_expressions"] = new JsonObject(), ["payload"] = new JsonArray() };
        if (outcome == CellOutcome.Ok)
        {
            reply["status"] = "ok";
        }
        else
        {
            var (name, value, traceback) = sink.LastError ?? ("Error", "The cell failed.", []);
            reply["status"] = "error";
            foreach (var (key, node) in IopubOutputSink.ErrorContent(name, value, traceback).ToArray())
                reply[key] = node?.DeepClone();
            if (stopOnError) requestsWaitingAtFailure = shell.Queued;
        }
        Reply(shell, request, "execute_reply", reply);
    }

    private async Task<CellOutcome> RunCellAsync(string code, IopubOutputSink sink, CancellationToken cellToken)
    {
        Task<CellOutcome> running;
        try
        {
            // An interrupt while the session is still warming up (or before this point) stops the cell
            // before any of its code runs.
            var session = await notebook.WaitAsync(cellToken).ConfigureAwait(false);
            cellToken.ThrowIfCancellationRequested();
            lock (cellLock)
            {
                // On the thread pool: the session may run a cell synchronously, and control must stay responsive.
                running = Task.Run(() => session.ExecuteAsync(code, sink, cellToken), CancellationToken.None);
                runningCellTask = running;
            }
            return await running.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cellToken.IsCancellationRequested)
        {
            return CellOutcome.Cancelled;
        }
        catch (Exception exception)
        {
            // The session contract says cells report errors rather than throw; one that throws anyway
            // (or fails to start) becomes the cell's error instead of taking the kernel down.
            log($"shell: the session threw: {exception}");
            sink.Error(exception.GetType().Name, exception.Message, exception.ToString().Split('\n'));
            return CellOutcome.Error;
        }
    }

    private void Interrupt(JupyterMessage request)
    {
        bool interrupted;
        lock (cellLock)
        {
            interrupted = runningCell is not null;
            runningCell?.Cancel();
        }
        if (!interrupted) log("control: interrupt_request while no cell is running; nothing to interrupt");
        Reply(control, request, "interrupt_reply", new JsonObject { ["status"] = "ok" });
    }

    private async Task IsCompleteAsync(JupyterMessage request)
    {
        var session = await notebook.ConfigureAwait(false);
        var status = session.IsComplete(String(request.Content, "code") ?? "");
        var reply = new JsonObject { ["status"] = status.ToString().ToLowerInvariant() };
        if (status == CompletenessStatus.Incomplete) reply["indent"] = "";
        Reply(shell, request, "is_complete_reply", reply);
    }

    private async Task CompleteAsync(JupyterMessage request)
    {
        var code = String(request.Content, "code") ?? "";
        int cursor = TextPositions.CodePointsToUtf16(code, Int(request.Content, "cursor_pos") ?? code.Length);
        JsonObject reply;
        try
        {
            var session = await notebook.ConfigureAwait(false);
            var completions = await session.CompleteAsync(code, cursor, stopping.Token).ConfigureAwait(false);
            reply = new JsonObject
            {
                ["status"] = "ok",
                ["matches"] = new JsonArray(completions.Matches.Select(match => (JsonNode?)JsonValue.Create(match)).ToArray()),
                ["cursor_start"] = TextPositions.Utf16ToCodePoints(code, completions.CursorStart),
                ["cursor_end"] = TextPositions.Utf16ToCodePoints(code, completions.CursorEnd),
                ["metadata"] = new JsonObject(),
            };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            reply = ErrorReply(exception);
        }
        Reply(shell, request, "complete_reply", reply);
    }

    private async Task InspectAsync(JupyterMessage request)
    {
        var code = String(request.Content, "code") ?? "";
        int cursor = TextPositions.CodePointsToUtf16(code, Int(request.Content, "cursor_pos") ?? code.Length);
        JsonObject reply;
        try
        {
            var session = await notebook.ConfigureAwait(false);
            var documentation = await session.InspectAsync(code, cursor, stopping.Token).ConfigureAwait(false);
            reply = new JsonObject
            {
                ["status"] = "ok",
                ["found"] = documentation is not null,
                ["data"] = documentation is null ? new JsonObject() : new JsonObject { ["text/plain"] = documentation },
                ["metadata"] = new JsonObject(),
            };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            reply = ErrorReply(exception);
        }
        Reply(shell, request, "inspect_reply", reply);
    }

    private void Shutdown(RouterSocket socket, JupyterMessage request)
    {
        // Jupyter clients restart a kernel by shutting this process down and starting a fresh one, so
        // restart: true ends this process too; the new process gets a new session.
        bool restart = Bool(request.Content, "restart") ?? false;
        var content = new JsonObject { ["status"] = "ok", ["restart"] = restart };
        Reply(socket, request, "shutdown_reply", content);
        Broadcast(request, "shutdown_reply", (JsonObject)content.DeepClone());
        lock (cellLock) runningCell?.Cancel();
        shutdownRequested.TrySetResult(restart);
    }

    private static JsonObject ErrorReply(Exception exception) => new()
    {
        ["status"] = "error",
        ["ename"] = exception.GetType().Name,
        ["evalue"] = exception.Message,
        ["traceback"] = new JsonArray(),
    };

    private void Reply(RouterSocket socket, JupyterMessage request, string messageType, JsonObject content)
    {
        if (!socket.Send(codec.Serialize(JupyterMessage.Reply(request, messageType, content, session))))
            log($"{socket.Name}: the client that sent {request.MessageType} is gone; {messageType} dropped");
    }

    private void Broadcast(JupyterMessage? parent, string messageType, JsonObject content) =>
        iopub.Publish(codec.Serialize(JupyterMessage.Broadcast(parent, messageType, content, session, $"kernel.{session}.{messageType}")));

    private static string? String(JsonObject content, string name) =>
        content[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static bool? Bool(JsonObject content, string name) =>
        content[name] is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? value.GetValue<bool>() : null;

    private static int? Int(JsonObject content, string name) =>
        content[name] is JsonValue value && value.TryGetValue(out int number) ? number : null;

    /// <summary>Stops serving, gives a running cell a moment to stop, flushes queued messages, disposes the session.</summary>
    public async ValueTask DisposeAsync()
    {
        stopping.Cancel();
        await loops.ConfigureAwait(false);
        Task cellTask;
        lock (cellLock) cellTask = runningCellTask;
        await Task.WhenAny(cellTask, Task.Delay(CellStopTimeout)).ConfigureAwait(false);
        foreach (var socket in new ZmtpSocket[] { shell, control, stdin, iopub, heartbeat })
            await socket.DisposeAsync().ConfigureAwait(false);
        if (notebook.IsCompletedSuccessfully && cellTask.IsCompleted) notebook.Result.Dispose();
        stopping.Dispose();
    }
}
