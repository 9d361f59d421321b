using Course.Notebooks.Execution;

namespace Course.Kernel.Tests;

/// <summary>
/// A stand-in for the C# session: each line of a cell is a command of a tiny language, so kernel tests
/// can produce every kind of output without a compiler. `print x` (stdout), `eprint x` (stderr),
/// `display ID x`, `update ID x`, `result x`, `fail message`, `throw` (the session itself throws),
/// `sleep` (waits until cancelled), `wait` (waits until <see cref="Gate"/> is released), `input prompt` (asks the
/// front end for a line and prints "got " and the answer).
/// </summary>
public sealed class FakeNotebookSession : INotebookSession
{
    private static readonly string[] Words = ["display", "eprint", "fail", "input", "print", "result", "sleep", "update", "wait"];

    public int ExecutionCount { get; private set; }

    public List<string> Executed { get; } = [];

    public SemaphoreSlim Gate { get; } = new(0);

    /// <summary>Completes when a cell starts running `sleep` or `wait`.</summary>
    public TaskCompletionSource Blocking { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Disposed { get; private set; }

    public async Task<CellOutcome> ExecuteAsync(string code, IOutputSink sink, CancellationToken cancellationToken)
    {
        lock (Executed) Executed.Add(code);
        ExecutionCount++;
        foreach (var line in code.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var (command, argument) = Split(line);
            switch (command)
            {
                case "print": sink.Stream("stdout", argument + "\n"); break;
                case "eprint": sink.Stream("stderr", argument + "\n"); break;
                case "display":
                case "update":
                    var (id, text) = Split(argument);
                    var output = new DisplayOutput(new Dictionary<string, string> { ["text/plain"] = text, ["text/html"] = $"<b>{text}</b>" }, DisplayId: id);
                    if (command == "display") sink.Display(output); else sink.UpdateDisplay(output);
                    break;
                case "result":
                    sink.Result(new DisplayOutput(new Dictionary<string, string> { ["text/plain"] = argument, ["application/json"] = $"{{\"value\": \"{argument}\"}}" }), ExecutionCount);
                    break;
                case "fail":
                    sink.Error("FakeError", argument, ["FakeError: " + argument, "   at line 1"]);
                    return CellOutcome.Error;
                case "throw":
                    throw new InvalidOperationException("the fake session broke");
                case "sleep":
                    Blocking.TrySetResult();
                    try
                    {
                        await Task.Delay(Timeout.Infinite, cancellationToken);
                    }
                    catch (OperationCanceledException)
                    {
                        return CellOutcome.Cancelled;
                    }
                    break;
                case "input":
                    try
                    {
                        sink.Stream("stdout", "got " + ((IInputSource)sink).ReadLine(argument, cancellationToken) + "\n");
                    }
                    catch (InvalidOperationException exception)
                    {
                        sink.Error(nameof(InvalidOperationException), exception.Message, []);
                        return CellOutcome.Error;
                    }
                    catch (OperationCanceledException)
                    {
                        return CellOutcome.Cancelled;
                    }
                    break;
                case "wait":
                    Blocking.TrySetResult();
                    await Gate.WaitAsync(cancellationToken);
                    break;
                default:
                    sink.Error("UnknownCommand", command, []);
                    return CellOutcome.Error;
            }
        }
        return CellOutcome.Ok;
    }

    public CompletenessStatus IsComplete(string code) =>
        code.Contains("!!") ? CompletenessStatus.Invalid
        : code.EndsWith('\\') || code.Count(c => c == '{') > code.Count(c => c == '}') ? CompletenessStatus.Incomplete
        : CompletenessStatus.Complete;

    public Task<CompletionList> CompleteAsync(string code, int cursorPosition, CancellationToken cancellationToken)
    {
        int start = cursorPosition;
        while (start > 0 && char.IsLetter(code[start - 1])) start--;
        var prefix = code[start..cursorPosition];
        return Task.FromResult(new CompletionList(Words.Where(word => word.StartsWith(prefix, StringComparison.Ordinal)).ToArray(), start, cursorPosition));
    }

    public Task<string?> InspectAsync(string code, int cursorPosition, CancellationToken cancellationToken) =>
        Task.FromResult(code.Contains("print") ? "print x: writes x to stdout" : null);

    public void Dispose() => Disposed = true;

    private static (string Head, string Tail) Split(string text)
    {
        text = text.Trim();
        int space = text.IndexOf(' ');
        return space < 0 ? (text, "") : (text[..space], text[(space + 1)..]);
    }
}
