using Course.Notebooks.Execution;
using Course.Notebooks.Format;

namespace Course.Notebooks.Runner;

/// <summary>
/// Writes what a session reports into the notebook's cells, as a Jupyter front end keeps it: consecutive stream
/// text of the same stream joins one output, and an update replaces the content of every earlier display with
/// the same display id, in any cell.
/// </summary>
internal sealed class CellRecorder(Notebook notebook) : IOutputSink
{
    private readonly object gate = new();
    private NotebookCell? cell;

    /// <summary>The first error the current cell reported, as "Name: message".</summary>
    public string? FirstError { get; private set; }

    /// <summary>Sends outputs to <paramref name="next"/> from now on; null drops them (the notebook is done).</summary>
    public void StartCell(NotebookCell? next)
    {
        lock (gate)
        {
            cell = next;
            FirstError = null;
        }
    }

    public void Stream(string name, string text) => Add(outputs =>
    {
        if (outputs.Count > 0 && outputs[^1] is { OutputType: NotebookOutput.StreamType } last && last.Name == name) last.Text += text;
        else outputs.Add(NotebookOutput.Stream(name, text));
    });

    public void Display(DisplayOutput output) => Add(outputs => outputs.Add(NotebookOutput.Display(output)));

    public void UpdateDisplay(DisplayOutput output)
    {
        lock (gate)
        {
            foreach (var earlier in notebook.Cells.SelectMany(c => c.Outputs).Where(o => o.DisplayId == output.DisplayId))
                earlier.Data = output.Data;
        }
    }

    public void Result(DisplayOutput output, int executionCount) =>
        Add(outputs => outputs.Add(NotebookOutput.Result(output, executionCount)));

    public void Error(string name, string value, IReadOnlyList<string> traceback) => Add(outputs =>
    {
        FirstError ??= $"{name}: {value}";
        outputs.Add(NotebookOutput.Error(name, value, traceback));
    });

    private void Add(Action<List<NotebookOutput>> change)
    {
        lock (gate)
        {
            // Output from a background task that outlived its cell has nowhere sensible to go.
            if (cell is not null) change(cell.Outputs);
        }
    }
}
