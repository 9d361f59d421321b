namespace Course.Notebooks.Execution;

/// <summary>
/// Called at the top of every loop body in cell code (inserted by <see cref="LoopInterruptRewriter"/>), so an
/// interrupt stops a runaway <c>while (true)</c> in the cell itself. It has to be public: the compiled cell
/// calls it.
/// </summary>
public static class CellInterruption
{
    public static void ThrowIfRequested() => CellContext.Current?.Cancellation.ThrowIfCancellationRequested();
}
