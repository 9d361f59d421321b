namespace Course.Notebooks.Execution;

/// <summary>
/// What code running inside a cell needs to reach: where its outputs go and whether it was interrupted.
/// It travels with the cell's execution context (AsyncLocal), so tasks and threads a cell starts report
/// to the same cell, and two sessions running at once (tests, several kernels in one process) never mix.
/// </summary>
internal sealed class CellContext(IOutputSink sink, CancellationToken cancellation)
{
    private static readonly AsyncLocal<CellContext?> CurrentCell = new();

    public IOutputSink Sink { get; } = sink;

    public CancellationToken Cancellation { get; } = cancellation;

    /// <summary>The rest of a line of input that Console.Read() has not handed out yet.</summary>
    public string UnreadInput { get; set; } = "";

    /// <summary>The running cell, or null outside any cell (e.g. a library called from a plain program).</summary>
    public static CellContext? Current => CurrentCell.Value;

    /// <summary>Makes this the current cell until the returned scope is disposed.</summary>
    public IDisposable Enter()
    {
        var previous = CurrentCell.Value;
        CurrentCell.Value = this;
        return new Scope(() => CurrentCell.Value = previous);
    }

    private sealed class Scope(Action exit) : IDisposable
    {
        public void Dispose() => exit();
    }
}
