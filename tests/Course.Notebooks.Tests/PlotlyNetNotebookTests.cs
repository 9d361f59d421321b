using System.Text.Json.Nodes;

namespace Course.Notebooks.Tests;

/// <summary>Plotly.NET charts in our kernel: each is drawn as SVG by the course's renderer and keeps its plotly JSON.</summary>
public class PlotlyNetNotebookTests
{
    [Fact]
    public async Task Line_bar_and_heatmap_charts_render_as_svg_in_the_executed_copy()
    {
        var executed = await PlotlyNetNotebook.ExecuteAsync(Run.TempFolder());
        var results = PlotlyNetNotebook.ChartResults(executed);

        Assert.Equal(3, results.Count);
        string[] traceTypes = ["scatter", "bar", "heatmap"];
        for (var i = 0; i < results.Count; i++)
        {
            var html = PlotlyNetNotebook.Text(results[i]["text/html"]);
            Assert.StartsWith("<div class=\"course-figure\"><svg", html);
            // Only the picture: not also Plotly.NET's members as a table.
            Assert.DoesNotContain("<table", html);
            // The interactive form is Plotly.NET's own figure, kept as JSON for front ends that draw plotly.
            var plotly = Assert.IsType<JsonObject>(results[i]["application/vnd.plotly.v1+json"]);
            Assert.Equal(traceTypes[i], (string)plotly["data"]![0]!["type"]!);
            Assert.StartsWith($"Figure: 1 trace ({traceTypes[i]}", PlotlyNetNotebook.Text(results[i]["text/plain"]));
        }
        Assert.Contains("<rect", PlotlyNetNotebook.Text(results[1]["text/html"]));
        // Plotly.NET's template gives heatmaps a colour scale the renderer lacks: the picture says so.
        Assert.Contains("Not drawn in this picture: layout.template.data.heatmap[0].colorscale", PlotlyNetNotebook.Text(results[2]["text/html"]));
        Assert.DoesNotContain("Not drawn", PlotlyNetNotebook.Text(results[0]["text/html"]));
    }
}
