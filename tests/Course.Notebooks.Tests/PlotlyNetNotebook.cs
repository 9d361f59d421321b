using System.Text.Json.Nodes;
using Course.Notebooks.Runner;

namespace Course.Notebooks.Tests;

/// <summary>
/// TestNotebooks/plotly-net.ipynb: a line chart, a bar chart and a heatmap from Plotly.NET.CSharp, restored from
/// NuGet by the notebook's own <c>#r "nuget: ..."</c> and run by the runner as a course notebook is.
/// </summary>
internal static class PlotlyNetNotebook
{
    public const string Name = "plotly-net.ipynb";

    /// <summary>Runs the notebook into <paramref name="outputFolder"/> and returns the executed copy's path.</summary>
    public static async Task<string> ExecuteAsync(string outputFolder)
    {
        var result = await NotebookRunner.RunAsync(RepositoryFiles.TestNotebook(Name), new RunnerOptions { OutputDirectory = outputFolder });
        Assert.True(result.Passed, result.Error);
        return result.ExecutedPath!;
    }

    /// <summary>The results of the chart cells (every cell after the one with the #r), in order.</summary>
    public static List<JsonObject> ChartResults(string executedPath) =>
        [.. JsonNode.Parse(File.ReadAllText(executedPath))!["cells"]!.AsArray()
            .Where(c => (string?)c!["cell_type"] == "code").Skip(1)
            .Select(c => c!["outputs"]!.AsArray().Single(o => (string?)o!["output_type"] == "execute_result")!["data"]!.AsObject())];

    /// <summary>A text output as one string: notebooks store multi-line text as a list of lines.</summary>
    public static string Text(JsonNode? node) => node is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string)node!;
}
