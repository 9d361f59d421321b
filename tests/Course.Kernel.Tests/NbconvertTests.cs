using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Course.Kernel.Tests;

/// <summary>
/// The whole chain as a learner's Jupyter uses it: the kernelspec written by <c>install</c>, Jupyter
/// starting this build's kernel process with a connection file, and nbclient executing real C# cells.
/// </summary>
public class NbconvertTests(ITestOutputHelper output) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("kernel-nbconvert-test").FullName;

    [Fact]
    public async Task Nbconvert_executes_a_CSharp_notebook_with_a_display_update_and_an_error_cell()
    {
        if (await ExternalPrograms.MissingPythonAsync("jupyter_client", "nbclient", "nbconvert") is { } missing)
        {
            ExternalPrograms.Unavailable(missing, output);
            return;
        }
        var console = new StringWriter();
        Assert.True(await Program.InvokeAsync(["install", "--prefix", folder], console) == 0, console.ToString());
        var notebook = Path.Combine(AppContext.BaseDirectory, "Notebooks", "kernel-check.ipynb");
        var environment = new Dictionary<string, string>
        {
            ["JUPYTER_PATH"] = Path.Combine(folder, "share", "jupyter"),
            ["JUPYTER_RUNTIME_DIR"] = Path.Combine(folder, "runtime"),
        };

        var (exitCode, stdout, stderr) = await ExternalPrograms.RunAsync(ExternalPrograms.Python,
            ["-m", "nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=.net-csharp",
             "--ExecutePreprocessor.timeout=120", "--allow-errors", "--output-dir", folder, "--output", "executed", notebook],
            TimeSpan.FromMinutes(5), environment);
        output.WriteLine(stderr);

        Assert.True(exitCode == 0, $"nbconvert failed ({exitCode}):\n{stdout}\n{stderr}");
        var cells = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "executed.ipynb")))!["cells"]!.AsArray();

        // nbclient applies update_display_data to the displayed output in place.
        var display = Assert.Single(cells[1]!["outputs"]!.AsArray())!;
        Assert.Equal("display_data", Text(display["output_type"]));
        Assert.Contains("step 2 of 2", Text(display["data"]!["text/plain"]));

        var outputs = cells[2]!["outputs"]!.AsArray();
        Assert.Contains(outputs, o => Text(o!["output_type"]) == "stream" && Text(o["text"]).Contains("hello from C#"));
        var result = Assert.Single(outputs, o => Text(o!["output_type"]) == "execute_result")!;
        Assert.Equal("3", Text(result["data"]!["text/plain"]));

        var error = Assert.Single(cells[3]!["outputs"]!.AsArray())!;
        Assert.Equal("error", Text(error["output_type"]));
        Assert.Equal("InvalidOperationException", Text(error["ename"]));
        Assert.Contains("fails on purpose", Text(error["evalue"]));

        Assert.Contains("still running after the error: 3", Text(cells[4]!["outputs"]![0]!["text"]));
    }

    /// <summary>nbformat stores multi-line text either as a string or as a list of lines.</summary>
    private static string Text(JsonNode? node) =>
        node is JsonArray lines ? string.Concat(lines.Select(line => line!.GetValue<string>())) : node?.GetValue<string>() ?? "";

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
