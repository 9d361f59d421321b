using System.Text.Json.Nodes;
using Course.Notebooks.Format;
using Course.Notebooks.Runner;

namespace Course.Notebooks.Tests;

public class RunnerTests
{
    private static string WriteNotebook(string folder, string name, params string[] cells)
    {
        var notebook = new Notebook();
        notebook.Cells.Add(new NotebookCell { CellType = NotebookCell.Markdown, Source = "# A test notebook" });
        foreach (var source in cells) notebook.Cells.Add(new NotebookCell { Source = source });
        var path = Path.Combine(folder, name);
        NotebookWriter.WriteFile(notebook, path);
        return path;
    }

    [Fact]
    public async Task Passing_notebook_writes_an_executed_copy_with_outputs()
    {
        var folder = Run.TempFolder();
        var path = WriteNotebook(folder, "ok.ipynb", "var h = display(\"first\");\nConsole.WriteLine(\"out\");", "h.Update(\"second\");\n1 + 1");
        var output = Path.Combine(folder, "executed");
        var result = await NotebookRunner.RunAsync(path, new RunnerOptions { OutputDirectory = output });
        Assert.True(result.Passed, result.Error);
        var executed = NotebookReader.ReadFile(result.ExecutedPath!);
        Assert.Null(executed.Cells[0].ExecutionCount);
        // The update changed the display in the first cell, as a Jupyter front end shows it.
        Assert.Equal("second", executed.Cells[1].Outputs[0].Data!["text/plain"]);
        Assert.Equal("out\n", executed.Cells[1].Outputs[1].Text);
        Assert.Equal("2", executed.Cells[2].Outputs.Single().Data!["text/plain"]);
        Assert.Equal(2, executed.Cells[2].ExecutionCount);
    }

    [Fact]
    public async Task Cli_exits_0_for_passing_notebooks_and_1_with_an_error_cell()
    {
        var folder = Run.TempFolder();
        var good = WriteNotebook(folder, "good.ipynb", "Console.WriteLine(Environment.GetEnvironmentVariable(\"COURSE_QUICK\"));");
        var bad = WriteNotebook(folder, "bad.ipynb", "var a = 1;", "throw new Exception(\"broken\");", "Console.WriteLine(\"after\");");
        var output = Path.Combine(folder, "out");

        var log = new StringWriter();
        Assert.Equal(0, await Course.Kernel.Program.InvokeAsync(["run", good, "--output", output, "--quick"], log));
        Assert.Matches(@"PASS .*good\.ipynb \(\d+\.\d s\)", log.ToString());
        var executedGood = NotebookReader.ReadFile(Path.Combine(output, "good.ipynb"));
        Assert.Equal("1\n", executedGood.Cells[1].Outputs.Single().Text);

        log = new StringWriter();
        Assert.Equal(1, await Course.Kernel.Program.InvokeAsync(["run", bad, "--output", output], log));
        Assert.Contains("bad.ipynb cell 3: Exception: broken", log.ToString());
        var stopped = NotebookReader.ReadFile(Path.Combine(output, "bad.ipynb"));
        Assert.Empty(stopped.Cells[3].Outputs);
        Assert.Equal("error", stopped.Cells[2].Outputs.Single().OutputType);

        log = new StringWriter();
        Assert.Equal(1, await Course.Kernel.Program.InvokeAsync(["run", folder, "--output", output, "--keep-going"], log));
        var keptGoing = NotebookReader.ReadFile(Path.Combine(output, "bad.ipynb"));
        Assert.Equal("after\n", keptGoing.Cells[3].Outputs.Single().Text);
        Assert.Contains("PASS", log.ToString());
        Assert.Contains("2 notebook(s): 1 failed", log.ToString());
    }

    [Fact]
    public async Task Cell_timeout_fails_the_notebook()
    {
        var folder = Run.TempFolder();
        var path = WriteNotebook(folder, "slow.ipynb", "while (true) { }");
        var result = await NotebookRunner.RunAsync(path,
            new RunnerOptions { OutputDirectory = Path.Combine(folder, "out"), CellTimeout = TimeSpan.FromSeconds(1) });
        Assert.False(result.Passed);
        Assert.Equal("timed out after 1 s", result.Error);
    }

    [Fact]
    public async Task Malformed_notebook_fails_with_its_reason()
    {
        var folder = Run.TempFolder();
        var path = Path.Combine(folder, "broken.ipynb");
        File.WriteAllText(path, "{ \"nbformat\": 4 ");
        var log = new StringWriter();
        Assert.Equal(1, await Course.Kernel.Program.InvokeAsync(["run", path, "--output", Path.Combine(folder, "out")], log));
        Assert.Contains("is not valid JSON", log.ToString());
    }

    [Fact]
    public async Task Sample_notebook_with_every_feature_runs()
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "TestNotebooks", "features.ipynb");
        var output = Run.TempFolder();
        var result = await NotebookRunner.RunAsync(sample, new RunnerOptions { OutputDirectory = output, KeepGoing = true });
        var executed = JsonNode.Parse(File.ReadAllText(result.ExecutedPath!))!;
        var outputs = executed["cells"]!.AsArray().SelectMany(c => c!["outputs"]?.AsArray() ?? []).ToList();
        // The sample ends with a deliberate error cell; everything before it passes.
        Assert.Equal("InvalidOperationException", (string)outputs.Last()!["ename"]!);
        Assert.Single(outputs, o => (string)o!["output_type"]! == "error");
        Assert.Contains(outputs, o => o!["data"]?["text/html"] is not null);
    }
}
