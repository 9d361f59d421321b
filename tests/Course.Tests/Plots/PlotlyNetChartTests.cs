using System.Reflection;
using System.Text.Json.Nodes;
using Course.Plots;
using Course.Plots.PlotlyNet;

namespace Course.Tests.Plots;

/// <summary>
/// Plotly.NET's figure JSON (in the shape Plotly.NET 6 writes it) read into the course's figure, and the naming
/// of what the renderer does not draw. The real Plotly.NET runs in the notebook tests (plotly-net.ipynb).
/// </summary>
public sealed class PlotlyNetChartTests
{
    private const string Template = """{"layout":{"colorway":["rgba(99, 110, 250, 1.0)","rgba(239, 85, 59, 1.0)"]},"data":{"heatmap":[{"type":"heatmap","colorscale":[[0.0,"#0d0887"],[1.0,"#f0f921"]]}]}}""";

    private static ReadFigure Read(string data, string layout = """{"width":600,"height":600}""") =>
        PlotlyFigureReader.Read($$"""{"data":{{data}},"layout":{{layout}},"frames":[]}""");

    [Fact]
    public void Line_chart_becomes_a_scatter_with_its_points_and_name()
    {
        var read = Read("""[{"type":"scatter","name":"loss","mode":"lines","x":[0.0,1.0,2.0],"y":[1.0,null,2.5],"marker":{},"line":{"color":"#ff0000","width":3.0}}]""");
        var scatter = Assert.IsType<Scatter>(Assert.Single(read.Figure.Data));
        Assert.Equal(("loss", "lines"), (scatter.Name, scatter.Mode));
        Assert.Equal([0.0, 1, 2], Enumerable.Range(0, 3).Select(scatter.X!.NumberAt));
        Assert.True(double.IsNaN(scatter.Y!.NumberAt(1)));
        Assert.Equal(("#ff0000", 3.0), (scatter.Line!.Color, scatter.Line.Width));
        Assert.Null(scatter.Marker); // an empty marker sets nothing
        Assert.Equal((600, 600), (read.Figure.Layout.Width, read.Figure.Layout.Height));
        Assert.False(read.NotDrawn.Any, read.NotDrawn.ToString());
        Assert.StartsWith("<div class=\"course-figure\"><svg", read.ToHtml());
        Assert.DoesNotContain("course-figure-note", read.ToHtml());
    }

    [Fact]
    public void Bar_chart_keeps_its_categories_and_heatmap_its_grid()
    {
        var read = Read("""
            [{"type":"bar","name":"count","x":["cat","dog"],"y":[5,3],"orientation":"v","marker":{"pattern":{}}},
             {"type":"heatmap","x":["a","b"],"y":["r0","r1"],"z":[[1.0,2.0],[3.0,null]],"colorscale":"Viridis","zmin":0}]
            """);
        var bar = Assert.IsType<Bar>(read.Figure.Data[0]);
        Assert.True(bar.X!.IsCategorical);
        Assert.Equal(["cat", "dog"], [bar.X.LabelAt(0), bar.X.LabelAt(1)]);
        Assert.Equal("v", bar.Orientation);
        var heatmap = Assert.IsType<Heatmap>(read.Figure.Data[1]);
        Assert.Equal(2, heatmap.Z![1].Length);
        Assert.True(double.IsNaN(heatmap.Z[1][1]));
        Assert.Equal(("Viridis", 0.0), (heatmap.ColorScale, heatmap.ZMin));
        Assert.False(read.NotDrawn.Any, read.NotDrawn.ToString());
    }

    [Fact]
    public void Layout_title_axes_and_legend_are_read()
    {
        var read = Read("""[{"type":"scatter","y":[1,2]}]""",
            """{"title":{"text":"Loss"},"showlegend":true,"legend":{"orientation":"h"},"xaxis":{"title":{"text":"epoch"},"type":"log","range":[0,2]},"yaxis2":{"autorange":"reversed","showgrid":false}}""");
        var layout = read.Figure.Layout;
        Assert.Equal(("Loss", true, "h"), (layout.Title!.Text, layout.ShowLegend, layout.Legend!.Orientation));
        Assert.Equal(("epoch", "log"), (layout.XAxis.Title!.Text, layout.XAxis.Type));
        Assert.Equal([0.0, 2], layout.XAxis.Range!);
        Assert.Equal(("reversed", false), (layout.GetYAxis(2).AutoRange, layout.GetYAxis(2).ShowGrid));
        Assert.False(read.NotDrawn.Any, read.NotDrawn.ToString());
    }

    [Fact]
    public void Traces_and_properties_the_renderer_does_not_draw_are_named()
    {
        var read = Read("""
            [{"type":"scatter","y":[1,2],"fill":"tozeroy","marker":{"color":["red","blue"],"symbol":"x"}},
             {"type":"pie","values":[1,2]},
             {"type":"heatmap","z":[[1]],"colorscale":[[0,"#000000"],[1,"#ffffff"]]}]
            """,
            """{"bargap":0.1,"xaxis":{"tickformat":".2f","range":["a","b"]},"annotations":[{"text":"note","x":1,"y":1}],"margin":{}}""");
        Assert.Equal(["scatter", "heatmap"], read.Figure.Data.Select(t => t.Type));
        Assert.Equal(
            ["data[0].marker.color", "data[0].marker.symbol", "data[0].fill", "data[1] (pie)", "data[2].colorscale",
             "layout.annotations[0].showarrow", "layout.xaxis.range", "layout.xaxis.tickformat", "layout.bargap"],
            read.NotDrawn.Names);
        // The note is in what every front end shows: under the picture and in the text.
        Assert.Contains("Not drawn in this picture: data[0].marker.color, data[0].marker.symbol", read.ToHtml());
        Assert.Contains("<p class=\"course-figure-note\">", read.ToHtml());
        Assert.EndsWith("layout.bargap.", read.ToString());
    }

    [Fact]
    public void Dates_are_drawn_as_categories_and_say_so()
    {
        var read = Read("""[{"type":"scatter","x":["2026-12-01T00:00:00","2026-12-07T00:00:00"],"y":[1,2]},{"type":"bar","x":["cat","2026-12-07"],"y":[1,2]}]""");
        Assert.True(((Scatter)read.Figure.Data[0]).X!.IsCategorical);
        Assert.Equal(["data[0].x (dates, drawn as categories)"], read.NotDrawn.Names);
    }

    [Fact]
    public void Default_template_is_drawn_with_its_colorway_and_another_is_named()
    {
        var layout = $$"""{"template":{{Template}}}""";
        var data = """[{"type":"scatter","y":[1,2]},{"type":"heatmap","z":[[1]]}]""";
        var json = $$"""{"data":{{data}},"layout":{{layout}}}""";

        var asDefault = PlotlyFigureReader.Read(json, JsonNode.Parse(Template));
        Assert.Equal(["rgba(99, 110, 250, 1.0)", "rgba(239, 85, 59, 1.0)"], asDefault.Figure.Layout.Colorway);
        // The heatmap takes its colour scale from the template, which the renderer cannot draw.
        Assert.Equal(["layout.template.data.heatmap[0].colorscale (drawn with RdBu instead)"], asDefault.NotDrawn.Names);

        var other = PlotlyFigureReader.Read(json, JsonNode.Parse(Template.Replace("99, 110", "1, 2")));
        Assert.Equal("layout.template", other.NotDrawn.Names[0]);
    }

    [Theory]
    [InlineData("not json", "Not plotly figure JSON")]
    [InlineData("[1, 2]", "is a JSON object")]
    [InlineData("""{"data": {"type": "scatter"}}""", "must be a list of traces")]
    [InlineData("""{"data": [3]}""", "data[0] of a plotly figure must be an object")]
    public void Json_that_is_not_a_figure_is_refused_with_a_reason(string json, string reason)
    {
        var error = Assert.Throws<FormatException>(() => PlotlyFigureReader.Read(json));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Charts_are_recognised_by_type_name_and_read_through_their_own_json()
    {
        Assert.False(PlotlyNetChart.IsChart(new object()));
        var chart = new Plotly.NET.GenericChart.Chart("""{"data":[{"type":"bar","x":["a"],"y":[1]}],"layout":{}}""");
        Assert.True(PlotlyNetChart.IsChart(chart));
        Assert.Equal(chart.Json, PlotlyNetChart.FigureJson(chart));
        Assert.IsType<Bar>(Assert.Single(PlotlyNetChart.Read(chart).Figure.Data));
        Assert.Throws<ArgumentException>(() => PlotlyNetChart.FigureJson("a string"));
    }

    [Fact]
    public void Formatter_source_on_the_assembly_shows_charts_as_svg_plotly_json_and_text()
    {
        var attribute = typeof(Figure).Assembly.GetCustomAttributes(inherit: false)
            .Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        var formatters = (IEnumerable<object>)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(Activator.CreateInstance(sourceType), null)!;
        var chart = new Plotly.NET.GenericChart.Chart("""{"data":[{"type":"scatter","y":[1,2]},{"type":"pie"}],"layout":{}}""");

        var outputs = new Dictionary<string, string>();
        foreach (var formatter in formatters)
        {
            var type = formatter.GetType();
            var format = type.GetMethod("Format", BindingFlags.Public | BindingFlags.Instance)!;
            Assert.False((bool)format.Invoke(formatter, [new Figure(), new StringWriter()])!);
            using var writer = new StringWriter();
            Assert.True((bool)format.Invoke(formatter, [chart, writer])!);
            outputs.Add((string)type.GetProperty("MimeType")!.GetValue(formatter)!, writer.ToString());
        }
        Assert.StartsWith("<div class=\"course-figure\"><svg", outputs["text/html"]);
        Assert.Contains("Not drawn in this picture: data[1] (pie).", outputs["text/html"]);
        Assert.Equal(chart.Json, outputs[PlotlyJson.MimeType]);
        Assert.Equal("Figure: 1 trace (scatter)\nNot drawn in this picture: data[1] (pie).", outputs["text/plain"]);
    }
}
