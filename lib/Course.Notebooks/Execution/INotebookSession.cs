namespace Course.Notebooks.Execution;

/// <summary>
/// One notebook's running C# state: cells execute one after another against the same script state,
/// as in .NET Interactive. The Jupyter kernel and the headless runner both drive a session through
/// this interface; the outputs of a cell go to an <see cref="IOutputSink"/>, in order, as they happen.
/// </summary>
public interface INotebookSession : IDisposable
{
    /// <summary>The number given to the last executed cell (Jupyter's execution_count).</summary>
    int ExecutionCount { get; }

    /// <summary>
    /// Runs one cell. Compile errors and exceptions are reported to <paramref name="sink"/> as errors
    /// and give <see cref="CellOutcome.Error"/>; they do not throw. Cancelling the token interrupts
    /// the running cell (<see cref="CellOutcome.Cancelled"/>).
    /// </summary>
    Task<CellOutcome> ExecuteAsync(string code, IOutputSink sink, CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="code"/> is a complete submission (Jupyter's is_complete_request).</summary>
    CompletenessStatus IsComplete(string code);

    /// <summary>Completions at <paramref name="cursorPosition"/> (a UTF-16 offset into <paramref name="code"/>).</summary>
    Task<CompletionList> CompleteAsync(string code, int cursorPosition, CancellationToken cancellationToken);

    /// <summary>Documentation of the symbol at the cursor as plain text, or null.</summary>
    Task<string?> InspectAsync(string code, int cursorPosition, CancellationToken cancellationToken);
}

public enum CellOutcome
{
    Ok,
    Error,
    Cancelled,
}

public enum CompletenessStatus
{
    Complete,
    Incomplete,
    Invalid,
}

/// <summary>Candidate texts that replace <c>code[CursorStart..CursorEnd]</c>.</summary>
public sealed record CompletionList(IReadOnlyList<string> Matches, int CursorStart, int CursorEnd);
