using System.Text.Json;
using Course.Plots;

namespace Course.Tests.Plots;

public sealed class PlotlyJsonTests
{
    [Fact]
    public void SmallFigureMatchesPlotlySchemaSnapshot()
    {
        var figure = new Figure(
            new Scatter { X = new[] { 1, 2, 3 }, Y = new[] { 2.5, double.NaN, 4 }, Mode = "lines+markers", Name = "loss", Line = new Line { Color = "#636efa", Width = 3, Dash = "dash" }, Marker = new Marker { Size = 8 } },
            new Bar { X = new[] { "a", "b" }, Y = new[] { 1, 2 }, Orientation = "v", XAxis = "x2", YAxis = "y2" },
            new Heatmap { Z = [[1, 2], [3, 4]], ColorScale = "Viridis", ShowScale = false },
            new Histogram { X = new[] { 1.0, 2, 2 }, NBinsX = 5, ShowLegend = false });
        figure.Layout.Title = "A <small> & simple figure";
        figure.Layout.Width = 600;
        figure.Layout.ShowLegend = true;
        figure.Layout.Grid = new LayoutGrid { Rows = 1, Columns = 2 };
        figure.Layout.Colorway = ["#636efa"];
        figure.Layout.XAxis.Title = "epoch";
        figure.Layout.YAxis.Type = "log";
        figure.Layout.YAxis.Range = [-1, 1];
        figure.Layout.GetYAxis(2).AutoRange = "reversed";

        // One line per trace, then the layout; joined without the line breaks.
        const string expected = """
            {"data":[
            {"type":"scatter","mode":"lines+markers","x":[1,2,3],"y":[2.5,null,4],"line":{"color":"#636efa","width":3,"dash":"dash"},"marker":{"size":8},"name":"loss"},
            {"type":"bar","x":["a","b"],"y":[1,2],"orientation":"v","xaxis":"x2","yaxis":"y2"},
            {"type":"heatmap","z":[[1,2],[3,4]],"colorscale":"Viridis","showscale":false},
            {"type":"histogram","x":[1,2,2],"nbinsx":5,"showlegend":false}],
            "layout":{"title":{"text":"A <small> & simple figure"},"width":600,"showlegend":true,"grid":{"rows":1,"columns":2,"pattern":"independent"},"colorway":["#636efa"],
            "xaxis":{"title":{"text":"epoch"}},"yaxis":{"type":"log","range":[-1,1]},"yaxis2":{"autorange":"reversed"}}}
            """;
        Assert.Equal(expected.ReplaceLineEndings(""), figure.ToJson());
    }

    [Fact]
    public void JsonParsesAndUsesOnlyLowerCaseNames()
    {
        var figure = Plot.ConfusionMatrix(new long[,] { { 5, 1 }, { 0, 7 } }, ["cat", "dog"]);
        using var document = JsonDocument.Parse(figure.ToJson());
        Assert.Equal(["data", "layout"], document.RootElement.EnumerateObject().Select(p => p.Name));
        foreach (var name in AllPropertyNames(document.RootElement))
            Assert.Equal(name.ToLowerInvariant(), name);
        var heatmap = document.RootElement.GetProperty("data")[0];
        Assert.Equal("heatmap", heatmap.GetProperty("type").GetString());
        Assert.True(heatmap.GetProperty("reversescale").GetBoolean());
        Assert.Equal("%{z}", heatmap.GetProperty("texttemplate").GetString());
        Assert.Equal("reversed", document.RootElement.GetProperty("layout").GetProperty("yaxis").GetProperty("autorange").GetString());
    }

    [Fact]
    public void InfinitiesAreWrittenAsNullLikeNaN()
    {
        var json = new Figure(new Scatter { Y = new[] { double.PositiveInfinity, 1, double.NegativeInfinity } }).ToJson();
        Assert.Contains("\"y\":[null,1,null]", json);
    }

    [Fact]
    public void WidenedFloatsAreWrittenWithTheirShortFloatDigits()
    {
        var json = new Figure(new Scatter { X = new[] { 0.1f, 2.5f }, Y = new[] { 0.1, 1.0 / 3 } }).ToJson();

        Assert.Contains("\"x\":[0.1,2.5]", json);
        Assert.Contains("\"y\":[0.1,0.3333333333333333]", json);
    }

    [Fact]
    public void PlainTextNamesTheTitleAndTheTraces()
    {
        var figure = Plot.Lines(new[] { 1.0, 2 }, [("train", new[] { 0.5, 0.4 }), ("test", new[] { 0.6, 0.5 })], title: "loss");

        Assert.Equal("Figure \"loss\": 2 traces (scatter 'train', scatter 'test')", figure.ToString());
    }

    private static IEnumerable<string> AllPropertyNames(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => AllPropertyNames(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(AllPropertyNames),
        _ => [],
    };
}
