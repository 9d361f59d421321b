using System.Diagnostics;
using Course.Notebooks.Execution;
using Course.Notebooks.Format;

namespace Course.Notebooks.Runner;

/// <summary>How <see cref="NotebookRunner"/> runs notebooks.</summary>
public sealed record RunnerOptions
{
    /// <summary>Where executed copies are written (the notebook's path relative to the current folder is kept).</summary>
    public string OutputDirectory { get; init; } = Path.Combine("artifacts", "executed");

    /// <summary>Run the cells after a failing one (and the notebooks after a failing one) instead of stopping.</summary>
    public bool KeepGoing { get; init; }

    /// <summary>Longest time one cell may run before it is interrupted and counted as failed; null for no limit.</summary>
    public TimeSpan? CellTimeout { get; init; }
}

/// <summary>The outcome of one notebook: where its executed copy is, how long it took, and its first failure.</summary>
public sealed record NotebookRunResult(string NotebookPath, string? ExecutedPath, TimeSpan Elapsed, int? FailedCell, string? Error)
{
    public bool Passed => Error is null;
}

/// <summary>
/// Executes notebooks headlessly: each in a session of its own, code cells in order (markdown and raw cells
/// are skipped), outputs written into an executed copy in nbformat 4.5.
/// </summary>
public static class NotebookRunner
{
    /// <summary>The notebooks named, folders searched recursively (checkpoints and <paramref name="exclude"/> left out), in path order.</summary>
    public static IReadOnlyList<string> FindNotebooks(IEnumerable<string> pathsOrFolders, string? exclude = null)
    {
        var excluded = exclude is null ? null : Path.GetFullPath(exclude) + Path.DirectorySeparatorChar;
        var found = new List<string>();
        foreach (var path in pathsOrFolders)
        {
            if (Directory.Exists(path))
            {
                found.AddRange(Directory.EnumerateFiles(path, "*.ipynb", SearchOption.AllDirectories)
                    .Where(f => !f.Contains(".ipynb_checkpoints", StringComparison.Ordinal)
                                && (excluded is null || !Path.GetFullPath(f).StartsWith(excluded, StringComparison.Ordinal)))
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path)) found.Add(path);
            else throw new FileNotFoundException($"No notebook or folder at {path}.", path);
        }
        return found;
    }

    public static async Task<NotebookRunResult> RunAsync(string path, RunnerOptions options, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        Notebook notebook;
        try
        {
            notebook = NotebookReader.ReadFile(path);
        }
        catch (NotebookFormatException e)
        {
            return new NotebookRunResult(path, null, clock.Elapsed, null, e.Message);
        }

        foreach (var cell in notebook.Cells.Where(c => c.IsCode))
        {
            cell.Outputs.Clear();
            cell.ExecutionCount = null;
        }
        var recorder = new CellRecorder(notebook);
        int? failedCell = null;
        string? error = null;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        using (var session = new ScriptSession(new ScriptSessionOptions { BaseDirectory = folder }))
        {
            for (var i = 0; i < notebook.Cells.Count; i++)
            {
                var cell = notebook.Cells[i];
                if (!cell.IsCode || string.IsNullOrWhiteSpace(cell.Source)) continue;
                recorder.StartCell(cell);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                if (options.CellTimeout is { } limit) timeout.CancelAfter(limit);
                var outcome = await session.ExecuteAsync(cell.Source, recorder, timeout.Token);
                cell.ExecutionCount = session.ExecutionCount;
                if (outcome == CellOutcome.Ok) continue;
                if (error is null)
                {
                    failedCell = i + 1;
                    error = outcome == CellOutcome.Cancelled && !cancellationToken.IsCancellationRequested
                        ? $"timed out after {options.CellTimeout?.TotalSeconds:0.#} s"
                        : FirstLine(recorder.FirstError ?? "failed");
                }
                if (!options.KeepGoing || cancellationToken.IsCancellationRequested) break;
            }
            recorder.StartCell(null);
        }

        var executedPath = ExecutedPath(path, options.OutputDirectory);
        NotebookWriter.WriteFile(notebook, executedPath);
        return new NotebookRunResult(path, executedPath, clock.Elapsed, failedCell, error);
    }

    /// <summary>The executed copy keeps the notebook's path below the current folder, or just its name when outside it.</summary>
    public static string ExecutedPath(string notebookPath, string outputDirectory)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), Path.GetFullPath(notebookPath));
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)) relative = Path.GetFileName(notebookPath);
        return Path.Combine(outputDirectory, relative);
    }

    private static string FirstLine(string text) => text.Split('\n')[0].TrimEnd('\r');
}
