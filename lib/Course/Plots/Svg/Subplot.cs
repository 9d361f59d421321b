namespace Course.Plots;

/// <summary>One cell of the figure: its traces, what their axes must show, and (once laid out) its boxes and scales.</summary>
internal sealed class Subplot(int number, Axis? xConfig, Axis? yConfig)
{
    public int Number => number;
    public Axis? XConfig => xConfig;
    public Axis? YConfig => yConfig;
    public List<Trace> Traces { get; } = [];
    public AxisExtent XExtent { get; } = new();
    public AxisExtent YExtent { get; } = new();

    /// <summary>The heatmap whose colour bar is drawn right of this cell, if any.</summary>
    public Heatmap? ColorbarSource => Traces.OfType<Heatmap>().FirstOrDefault(h => h.ShowScale != false);

    public Box Cell { get; set; }
    public Box Plot { get; set; }
    public AxisScale X { get; set; } = null!;
    public AxisScale Y { get; set; } = null!;
    public bool RotateXLabels { get; set; }
    public double XLabelBand { get; set; }
    public double YLabelWidth { get; set; }

    public string? XTitle => xConfig?.Title?.Text;
    public string? YTitle => yConfig?.Title?.Text;

    /// <summary>Bars and histograms on this subplot, in order, for grouping bars side by side.</summary>
    public IReadOnlyList<Bar> Bars(bool horizontal) =>
        Traces.OfType<Bar>().Where(b => (b.Orientation == "h") == horizontal).ToList();
}
