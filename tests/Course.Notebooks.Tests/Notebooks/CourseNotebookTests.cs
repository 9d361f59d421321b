using Course.Notebooks.Format;
using Course.Notebooks.Runner;

namespace Course.Notebooks.Tests.Notebooks;

/// <summary>
/// Executes every notebook of the course (notebooks/*.ipynb) through the runner in quick mode, as the README's
/// "run the course" command does, so a notebook whose code or whose claims (its assertion cells) broke fails CI.
/// </summary>
public class CourseNotebookTests
{
    [Fact]
    public async Task Every_course_notebook_runs_without_an_error_in_quick_mode()
    {
        var folder = Path.Combine(RepositoryFiles.Root(), "notebooks");
        var notebooks = Directory.GetFiles(folder, "*.ipynb", SearchOption.AllDirectories)
            .Where(path => !path.Contains(".ipynb_checkpoints", StringComparison.Ordinal)).ToList();
        Assert.True(notebooks.Count > 0, $"No notebooks in {folder}.");
        using var output = new RepositoryFiles.TempFolder();

        // --keep-going runs every cell, so one run names every broken cell, not only the first.
        var log = new StringWriter();
        var exitCode = await Course.Kernel.Program.InvokeAsync(["run", folder, "--quick", "--keep-going", "--output", output.Path], log);

        var failures = new List<string>();
        foreach (var notebook in notebooks)
        {
            var executedPath = NotebookRunner.ExecutedPath(notebook, output.Path);
            if (!File.Exists(executedPath))
            {
                failures.Add($"{Path.GetRelativePath(folder, notebook)}: no executed copy at {executedPath}");
                continue;
            }
            var executed = NotebookReader.ReadFile(executedPath);
            for (var index = 0; index < executed.Cells.Count; index++)
                foreach (var error in executed.Cells[index].Outputs.Where(o => o.OutputType == NotebookOutput.ErrorType))
                    failures.Add($"{Path.GetRelativePath(folder, notebook)} cell {index + 1}: {error.Ename}: {error.Evalue}");
        }

        Assert.True(failures.Count == 0 && exitCode == 0,
            $"Exit code {exitCode}; errors:\n{string.Join("\n", failures)}\n\nRunner log:\n{log}");
    }
}
