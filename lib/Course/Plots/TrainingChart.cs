using System.Globalization;
using System.Net;
using Course.Display;

namespace Course.Plots;

/// <summary>
/// Loss and accuracy curves that grow while a model trains, with a progress line
/// ("epoch 3/5 · train loss 0.412 · test acc 0.861 · 1,234 samples/s"). Display it once and update
/// the display after each step or epoch; every rendering shows the chart's current state:
/// <code>
/// var chart = new TrainingChart(totalEpochs: 5);
/// var handle = display(chart);
/// chart.Add(epoch, "train loss", loss); chart.Epoch = epoch;
/// handle.Update(chart);
/// </code>
/// Series whose name contains "acc" go to the accuracy plot (right), all others to the loss plot (left).
/// </summary>
[TypeFormatterSource(typeof(TrainingChartFormatterSource), PreferredMimeTypes = ["text/html"])]
public sealed class TrainingChart(string title = "training", int? totalEpochs = null, string xTitle = "epoch")
{
    private readonly Lock _lock = new();
    private readonly List<(string Name, List<(double Step, double Value)> Points)> _series = [];

    public string Title { get; set; } = title;

    /// <summary>What the steps count: "epoch" (default), "step", "batch", ...</summary>
    public string XTitle { get; set; } = xTitle;

    /// <summary>The current epoch for the progress line; unset, the latest step added.</summary>
    public int? Epoch { get; set; }

    public int? TotalEpochs { get; set; } = totalEpochs;

    /// <summary>Training speed for the progress line.</summary>
    public double? SamplesPerSecond { get; set; }

    /// <summary>Appends <paramref name="value"/> at <paramref name="step"/> to the series <paramref name="name"/> (created on first use).</summary>
    public void Add(double step, string name, double value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        lock (_lock)
        {
            var index = _series.FindIndex(s => s.Name == name);
            if (index < 0)
            {
                _series.Add((name, []));
                index = _series.Count - 1;
            }
            _series[index].Points.Add((step, value));
        }
    }

    public IReadOnlyList<string> SeriesNames
    {
        get { lock (_lock) return _series.Select(s => s.Name).ToList(); }
    }

    /// <summary>The points of one series so far, in the order added.</summary>
    public IReadOnlyList<(double Step, double Value)> Points(string name)
    {
        lock (_lock)
            return _series.FirstOrDefault(s => s.Name == name).Points?.ToList()
                ?? throw new KeyNotFoundException($"TrainingChart has no series '{name}'; it has: {string.Join(", ", _series.Select(s => s.Name))}.");
    }

    /// <summary>True for series drawn on the accuracy plot.</summary>
    public static bool IsAccuracy(string name) => name.Contains("acc", StringComparison.OrdinalIgnoreCase);

    /// <summary>"epoch 3/5 · train loss 0.412 · test acc 0.861 · 1,234 samples/s": the latest value of every series.</summary>
    public string ProgressLine()
    {
        lock (_lock)
        {
            var parts = new List<string>();
            var latestStep = _series.SelectMany(s => s.Points).Select(p => p.Step).DefaultIfEmpty(double.NaN).Max();
            var position = Epoch is { } epoch ? epoch.ToString(CultureInfo.InvariantCulture)
                : double.IsNaN(latestStep) ? null : NiceTicks.Compact(latestStep, 6);
            if (position is not null || TotalEpochs is not null)
                parts.Add($"{XTitle} {position ?? "0"}{(TotalEpochs is { } total ? "/" + total.ToString(CultureInfo.InvariantCulture) : "")}");
            foreach (var (name, points) in _series)
                if (points.Count > 0) parts.Add($"{name} {points[^1].Value.ToString("0.000", CultureInfo.InvariantCulture)}");
            if (SamplesPerSecond is { } speed)
                parts.Add($"{speed.ToString("N0", CultureInfo.InvariantCulture)} samples/s");
            return parts.Count == 0 ? $"{Title}: no data yet" : string.Join(" · ", parts);
        }
    }

    /// <summary>The curves as a figure: loss on the left, accuracy (when there is any) on the right.</summary>
    public Figure ToFigure()
    {
        lock (_lock)
        {
            var figure = new Figure();
            var hasAccuracy = _series.Any(s => IsAccuracy(s.Name));
            var panels = hasAccuracy ? 2 : 1;
            figure.Layout.Title = Title;
            figure.Layout.Height = 380;
            figure.Layout.Grid = new LayoutGrid { Rows = 1, Columns = panels };
            figure.Layout.Annotations = [];
            for (var panel = 1; panel <= panels; panel++)
            {
                var suffix = panel == 1 ? "" : panel.ToString(CultureInfo.InvariantCulture);
                figure.Layout.GetXAxis(panel).Title = XTitle;
                figure.Layout.Annotations.Add(new Annotation
                {
                    Text = panel == 1 ? "loss" : "accuracy", X = 0.5, Y = 1, XRef = $"x{suffix} domain", YRef = $"y{suffix} domain", YAnchor = "bottom",
                });
            }
            // "train loss" and "train acc" share a colour, so a run is recognisable in both plots.
            var runs = _series.Select(s => RunName(s.Name)).Distinct().ToList();
            foreach (var (name, points) in _series)
            {
                var onAccuracy = IsAccuracy(name);
                figure.Data.Add(new Scatter
                {
                    Name = name,
                    Mode = points.Count < 20 ? "lines+markers" : "lines",
                    X = points.Select(p => p.Step).ToArray(),
                    Y = points.Select(p => p.Value).ToArray(),
                    XAxis = onAccuracy ? "x2" : "x",
                    YAxis = onAccuracy ? "y2" : "y",
                    Line = new Line { Color = Layout.PlotlyColors[runs.IndexOf(RunName(name)) % Layout.PlotlyColors.Count] },
                });
            }
            return figure;
        }
    }

    /// <summary>The progress line above the chart's SVG.</summary>
    public string ToHtml() =>
        $"<div class=\"course-training-chart\"><div style=\"font-family:monospace;font-size:13px;margin:4px 0\">{WebUtility.HtmlEncode(ProgressLine())}</div>{ToFigure().ToHtml()}</div>";

    public override string ToString() => ProgressLine();

    private static string RunName(string seriesName)
    {
        var words = seriesName.Split(' ', '_', '-').Where(w => !IsMetricWord(w)).ToArray();
        return words.Length == 0 ? "" : string.Join(' ', words);
    }

    private static bool IsMetricWord(string word) =>
        word.Equals("loss", StringComparison.OrdinalIgnoreCase) || IsAccuracy(word);
}

/// <summary>Formatters for <see cref="TrainingChart"/>: progress line and SVG as text/html, plotly JSON, progress line as text.</summary>
public sealed class TrainingChartFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new TypeFormatter<TrainingChart>("text/html", (chart, writer) => writer.Write(chart.ToHtml())),
        new TypeFormatter<TrainingChart>(PlotlyJson.MimeType, (chart, writer) => writer.Write(chart.ToFigure().ToJson())),
        new TypeFormatter<TrainingChart>("text/plain", (chart, writer) => writer.Write(chart.ProgressLine())),
    ];
}
