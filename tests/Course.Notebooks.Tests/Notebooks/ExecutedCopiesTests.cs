using Course.Notebooks.Format;

namespace Course.Notebooks.Tests.Notebooks;

/// <summary>
/// docs/executed/notebooks/ holds every course notebook as the README's first command left it (full mode, real
/// data): what a reader sees without running anything. This fails when a notebook changed and its executed copy
/// was not refreshed, when a cell was never run, or when the copy holds an error.
/// </summary>
public class ExecutedCopiesTests
{
    private const string Refresh = "dotnet run -c Release --project tools/Course.Kernel -- run notebooks --output docs/executed";

    [Fact]
    public void Every_notebook_has_a_current_executed_copy_without_errors()
    {
        var root = RepositoryFiles.Root();
        var sources = Directory.GetFiles(Path.Combine(root, "notebooks"), "*.ipynb");
        Assert.NotEmpty(sources);
        var problems = new List<string>();
        foreach (var source in sources)
        {
            var name = Path.GetFileName(source);
            var copyPath = Path.Combine(root, "docs", "executed", "notebooks", name);
            if (!File.Exists(copyPath))
            {
                problems.Add($"{name}: no executed copy at docs/executed/notebooks/{name}");
                continue;
            }
            problems.AddRange(Differences(NotebookReader.ReadFile(source), NotebookReader.ReadFile(copyPath)).Select(problem => $"{name}: {problem}"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems) + $"\nRefresh the executed copies with: {Refresh}");
    }

    private static IEnumerable<string> Differences(Notebook source, Notebook copy)
    {
        if (source.Cells.Count != copy.Cells.Count)
        {
            yield return $"{source.Cells.Count} cells, its executed copy {copy.Cells.Count}";
            yield break;
        }
        for (var i = 0; i < source.Cells.Count; i++)
        {
            var (cell, executed) = (source.Cells[i], copy.Cells[i]);
            if (cell.CellType != executed.CellType || cell.Source != executed.Source)
                yield return $"cell {i + 1} differs from its executed copy";
            else if (cell.CellType == NotebookCell.Code && cell.Source.Trim().Length > 0 && executed.ExecutionCount is null)
                yield return $"cell {i + 1} was not run in the executed copy";
            foreach (var error in executed.Outputs.Where(output => output.OutputType == NotebookOutput.ErrorType))
                yield return $"cell {i + 1} of the executed copy failed: {error.Ename}: {error.Evalue}";
        }
    }
}
