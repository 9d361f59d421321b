using System.Xml.Linq;
using Course.Plots;

namespace Course.Tests.Plots;

public sealed class SvgRendererTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XDocument Parse(Figure figure) => XDocument.Parse(figure.ToSvg());

    private static List<XElement> WithClass(XDocument svg, string name, string cssClass) =>
        svg.Descendants(Svg + name).Where(e => ((string?)e.Attribute("class"))?.Split(' ').Contains(cssClass) == true).ToList();

    private static List<string> TickLabels(XDocument svg) => WithClass(svg, "text", "tick-label").Select(t => t.Value).ToList();

    [Fact]
    public void LinesAreOnePathPerTraceWithNiceTickLabels()
    {
        var figure = new Figure(
            new Scatter { X = new[] { 0.0, 1, 2, 3, 4, 5 }, Y = new[] { 0.0, 1, 4, 9, 16, 25 }, Mode = "lines", Name = "squares" },
            new Scatter { X = new[] { 0.0, 5 }, Y = new[] { 0.0, 25 }, Mode = "lines", Name = "straight" });
        var svg = Parse(figure);

        Assert.Equal("svg", svg.Root!.Name.LocalName);
        Assert.Equal(2, WithClass(svg, "path", "trace-line").Count);
        Assert.Empty(WithClass(svg, "circle", "marker"));
        var labels = TickLabels(svg);
        Assert.Contains("0", labels);
        Assert.Contains("5", labels);
        Assert.Contains("20", labels);
        Assert.All(labels, l => Assert.Matches(@"^−?\d+(\.\d+)?$", l));
        Assert.Equal(["squares", "straight"], WithClass(svg, "text", "legend-text").Select(t => t.Value));
    }

    [Fact]
    public void DefaultColoursFollowPlotlysCycle()
    {
        var figure = new Figure(Enumerable.Range(0, 3).Select(i => new Scatter { Y = new[] { i, i + 1.0 } }));
        var strokes = WithClass(Parse(figure), "path", "trace-line").Select(p => (string?)p.Attribute("stroke"));
        Assert.Equal(["#636efa", "#EF553B", "#00cc96"], strokes);
    }

    [Fact]
    public void BarsHistogramBinsAndHeatmapCellsAreRects()
    {
        var bars = Parse(new Figure(new Bar { X = new[] { "a", "b", "c" }, Y = new[] { 3, 1, 2 } }, new Bar { X = new[] { "a", "b", "c" }, Y = new[] { 1, 1, double.NaN } }));
        Assert.Equal(5, WithClass(bars, "rect", "bar").Count); // the NaN bar is skipped
        Assert.Equal(["a", "b", "c"], TickLabels(bars).Take(3));

        var histogram = Parse(new Figure(new Histogram { X = new[] { 0.5, 1.5, 1.6, 2.5, 2.6, 2.7 }, NBinsX = 3 }));
        var bins = WithClass(histogram, "rect", "bin");
        Assert.Equal(3, bins.Count);
        var heights = bins.Select(b => double.Parse((string)b.Attribute("height")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.InRange(heights[1] / heights[0], 1.99, 2.01); // counts 1, 2, 3
        Assert.InRange(heights[2] / heights[0], 2.99, 3.01);

        var heatmap = Parse(new Figure(new Heatmap { Z = [[1, 2, 3], [4, double.NaN, 6]], ColorScale = "Greys" }));
        Assert.Equal(5, WithClass(heatmap, "rect", "cell").Count);
        Assert.Single(WithClass(heatmap, "g", "colorbar"));
        var fills = WithClass(heatmap, "rect", "cell").Select(c => (string?)c.Attribute("fill")).ToList();
        Assert.Equal("#000000", fills[0]); // the smallest value is the first colour of Greys
        Assert.Equal("#ffffff", fills[^1]);
    }

    [Fact]
    public void TitlesWithMarkupCharactersAreEscaped()
    {
        var figure = new Figure(new Scatter { Y = new[] { 1.0, 2 }, Name = "a<b" });
        figure.Layout.Title = "x < y & z > w";
        figure.Layout.XAxis.Title = "<script>alert(1)</script>";
        figure.Layout.ShowLegend = true;
        var text = figure.ToSvg();

        Assert.DoesNotContain("<script>", text);
        Assert.Contains("x &lt; y &amp; z &gt; w", text);
        var svg = XDocument.Parse(text);
        Assert.Equal("x < y & z > w", WithClass(svg, "text", "title").Single().Value);
        Assert.Equal("<script>alert(1)</script>", WithClass(svg, "text", "axis-title").Single().Value);
        Assert.Equal("a<b", WithClass(svg, "text", "legend-text").Single().Value);
    }

    [Fact]
    public void NaNBreaksTheLineAndEmptyDataStillDraws()
    {
        var svg = Parse(new Figure(new Scatter { Y = new[] { 1, 2, double.NaN, 3, 4 }, Mode = "lines" }));
        var path = (string)WithClass(svg, "path", "trace-line").Single().Attribute("d")!;
        Assert.Equal(2, path.Count(c => c == 'M'));

        var empty = Parse(new Figure(new Scatter { X = Array.Empty<double>(), Y = Array.Empty<double>() }, new Histogram { X = new[] { double.NaN } }));
        Assert.Empty(WithClass(empty, "path", "trace-line"));
        Assert.NotEmpty(TickLabels(empty));
        Assert.NotEmpty(TickLabels(Parse(new Figure())));
    }

    [Fact]
    public void SameFigureGivesTheSameSvg()
    {
        static Figure Make() => Plot.Grid(2,
            Plot.Line(new[] { 0.5, 0.25, 0.125 }, "loss"),
            Plot.Heatmap(new double[,] { { 1, 2 }, { 3, 4 } }, ["a", "b"], ["c", "d"], "cells", showValues: true));
        Assert.Equal(Make().ToSvg(), Make().ToSvg());
        Assert.Equal(Make().ToJson(), Make().ToJson());
    }

    [Fact]
    public void SubplotsDrawOneGroupPerCellWithTitles()
    {
        var figure = Plot.Grid(2,
            Plot.Line(new[] { 1.0, 2, 3 }, "first"),
            Plot.Bar(new[] { "x", "y" }, new[] { 1, 2 }, "second"),
            Plot.Histogram(new[] { 1.0, 2, 3 }, title: "third"));
        var svg = Parse(figure);
        Assert.Equal(4, WithClass(svg, "g", "subplot").Count); // a 2x2 grid, the last cell empty
        Assert.Equal(["first", "second", "third"], WithClass(svg, "text", "annotation").Select(a => a.Value));
        Assert.Equal(4, svg.Descendants(Svg + "clipPath").Count());
        Assert.Equal(4, svg.Descendants(Svg + "clipPath").Select(c => (string?)c.Attribute("id")).Distinct().Count());
    }

    [Fact]
    public void LogAxisTicksArePowersOfTen()
    {
        var figure = new Figure(new Scatter { X = new[] { 1.0, 2, 3 }, Y = new[] { 0.01, 1, 100 } });
        figure.Layout.YAxis.Type = "log";
        var labels = TickLabels(Parse(figure));
        Assert.Contains("0.01", labels);
        Assert.Contains("1", labels);
        Assert.Contains("100", labels);
    }

    [Fact]
    public void BadInputGetsAClearError()
    {
        var wrongAxis = new Figure(new Scatter { Y = new[] { 1.0 }, XAxis = "x3" });
        wrongAxis.Layout.Grid = new LayoutGrid { Rows = 1, Columns = 2 };
        Assert.Contains("x3", Assert.Throws<ArgumentException>(wrongAxis.ToSvg).Message);

        Assert.Contains("not a x axis reference", Assert.Throws<ArgumentException>(() => new Figure(new Scatter { Y = new[] { 1.0 }, XAxis = "y" }).ToSvg()).Message);
        Assert.Contains("x has 2 values but y has 1", Assert.Throws<ArgumentException>(() => new Figure(new Scatter { X = new[] { 1.0, 2 }, Y = new[] { 1.0 } }).ToSvg()).Message);
        Assert.Contains("Unknown colour scale", Assert.Throws<ArgumentException>(() => new Figure(new Heatmap { Z = [[1.0]], ColorScale = "Nope" }).ToSvg()).Message);
        Assert.Contains("mode", Assert.Throws<ArgumentException>(() => new Figure(new Scatter { Y = new[] { 1.0 }, Mode = "dots" }).ToSvg()).Message);
    }

    [Fact]
    public void HtmlIsADivAroundTheSvg()
    {
        var html = Plot.Line(new[] { 1.0, 2 }).ToHtml();
        Assert.StartsWith("<div", html);
        Assert.Contains("<svg", html);
        Assert.DoesNotContain("<script", html);
        XDocument.Parse(html);
    }
}
