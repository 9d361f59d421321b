namespace Course.Notebooks.Execution;

/// <summary>
/// Implemented by an <see cref="IOutputSink"/> whose front end can answer a cell's requests for input (Jupyter's
/// stdin channel). <c>Console.ReadLine()</c> in a cell asks it for a line; a sink without it (the headless runner)
/// makes <c>Console.ReadLine()</c> fail with a clear error instead of waiting for input nobody can give.
/// </summary>
public interface IInputSource
{
    /// <summary>Asks the front end for one line, showing <paramref name="prompt"/>; blocks the cell until the answer or the interrupt.</summary>
    /// <exception cref="InvalidOperationException">The front end does not take input now; the message says why.</exception>
    string ReadLine(string prompt, CancellationToken cancellationToken);
}
