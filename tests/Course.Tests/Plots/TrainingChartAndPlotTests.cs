using System.Xml.Linq;
using Course.Plots;
using static TorchSharp.torch;

namespace Course.Tests.Plots;

public sealed class TrainingChartAndPlotTests
{
    [Fact]
    public void ChartKeepsSeriesAndWritesAProgressLine()
    {
        var chart = new TrainingChart("mlp", totalEpochs: 5);
        Assert.Equal("epoch 0/5", chart.ProgressLine());
        for (var epoch = 1; epoch <= 3; epoch++)
        {
            chart.Add(epoch, "train loss", 1.0 / epoch);
            chart.Add(epoch, "test acc", 0.8 + epoch / 100.0);
        }
        chart.Epoch = 3;
        chart.SamplesPerSecond = 1234.4;
        Assert.Equal("epoch 3/5 · train loss 0.333 · test acc 0.830 · 1,234 samples/s", chart.ProgressLine());
        Assert.Equal(["train loss", "test acc"], chart.SeriesNames);
        Assert.Equal([1.0, 2, 3], chart.Points("test acc").Select(p => p.Step));
        Assert.Equal(0.83, chart.Points("test acc")[^1].Value, 12);
        Assert.Throws<KeyNotFoundException>(() => chart.Points("nope"));
    }

    [Fact]
    public void LossAndAccuracyGoToTwoSubplots()
    {
        var chart = new TrainingChart();
        chart.Add(1, "train loss", 0.9);
        chart.Add(1, "train accuracy", 0.6);
        chart.Add(1, "test loss", 1.0);
        var figure = chart.ToFigure();
        Assert.Equal(2, figure.Layout.Grid!.Columns);
        Assert.Equal(["x", "x2", "x"], figure.Data.Select(t => t.XAxis));
        var colors = figure.Data.Cast<Scatter>().Select(s => s.Line!.Color).ToList();
        Assert.Equal(colors[0], colors[1]); // same run, same colour in both plots
        Assert.NotEqual(colors[0], colors[2]);

        var svg = XDocument.Parse(chart.ToHtml());
        Assert.Equal(2, svg.Descendants().Count(e => (string?)e.Attribute("class") == "subplot"));

        var lossOnly = new TrainingChart();
        lossOnly.Add(0, "loss", 2);
        Assert.Equal(1, lossOnly.ToFigure().Layout.Grid!.Columns);
    }

    [Fact]
    public void ConfusionMatrixFromATensor()
    {
        var counts = tensor(new long[] { 5, 1, 0, 7 }, [2, 2]);
        var figure = Plot.ConfusionMatrix(counts, ["cat", "dog"]);
        var heatmap = Assert.IsType<Heatmap>(Assert.Single(figure.Data));
        Assert.Equal([[5.0, 1], [0, 7]], heatmap.Z);
        var texts = XDocument.Parse(figure.ToSvg()).Descendants().Where(e => (string?)e.Attribute("class") == "cell-text").Select(e => e.Value);
        Assert.Equal(["5", "1", "0", "7"], texts);
        Assert.Throws<ArgumentException>(() => Plot.ConfusionMatrix(counts, ["only one"]));
    }

    [Fact]
    public void GridMovesCopiesOfTracesAndLeavesTheOriginalsAlone()
    {
        var first = Plot.Line(new[] { 1.0, 2 }, "first", xTitle: "step");
        var second = Plot.Lines(new[] { 0.0, 1 }, [("train", new[] { 1.0, 0.5 }), ("test", new[] { 1.1, 0.7 })], "second");
        var grid = Plot.Grid(2, first, second);
        Assert.Equal(["x", "x2", "x2"], grid.Data.Select(t => t.XAxis));
        Assert.Equal(["y", "y2", "y2"], grid.Data.Select(t => t.YAxis));
        Assert.Null(first.Data[0].XAxis);
        Assert.Equal("step", grid.Layout.XAxis.Title?.Text);
        Assert.Equal(["first", "second"], grid.Layout.Annotations!.Select(a => a.Text));
        Assert.Throws<ArgumentException>(() => Plot.Grid(1, grid));
    }

    [Fact]
    public void HistogramBinsAreNiceAndBounded()
    {
        var values = Enumerable.Range(0, 10).Select(i => (double)i).ToArray();
        var figure = Plot.Histogram(values, bins: 10);
        var bins = XDocument.Parse(figure.ToSvg()).Descendants().Count(e => (string?)e.Attribute("class") == "bin");
        Assert.Equal(10, bins);
        Assert.Throws<ArgumentOutOfRangeException>(() => Plot.Histogram(values, bins: 0).ToSvg());
    }
}
