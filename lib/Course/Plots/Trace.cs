using System.Text.Json.Serialization;

namespace Course.Plots;

/// <summary>
/// One trace of a figure (plotly's <c>data[i]</c>). Property names follow plotly.js and are written
/// in lower case to JSON (<c>ShowLegend</c> becomes <c>showlegend</c>); unset properties are left out
/// so plotly's defaults apply.
/// </summary>
public abstract class Trace
{
    /// <summary>plotly's trace type: "scatter", "bar", "heatmap" or "histogram".</summary>
    [JsonPropertyOrder(-1)]
    public abstract string Type { get; }

    /// <summary>The legend entry (and hover label) of the trace.</summary>
    public string? Name { get; set; }

    /// <summary>False hides the trace from the legend.</summary>
    public bool? ShowLegend { get; set; }

    /// <summary>The x axis the trace is drawn on: "x" (default), "x2", "x3", ... (one per subplot).</summary>
    public string? XAxis { get; set; }

    /// <summary>The y axis the trace is drawn on: "y" (default), "y2", "y3", ...</summary>
    public string? YAxis { get; set; }

    /// <summary>0 (transparent) to 1 (opaque).</summary>
    public double? Opacity { get; set; }

    /// <summary>A shallow copy, so that <c>Plot.Grid</c> can move it to another subplot without changing the original.</summary>
    internal Trace CloneTrace() => (Trace)MemberwiseClone();
}

/// <summary>plotly's <c>line</c> attribute of a scatter trace.</summary>
public sealed class Line
{
    /// <summary>A CSS colour such as "#636efa" or "rgb(99,110,250)".</summary>
    public string? Color { get; set; }

    /// <summary>Width in pixels (plotly's default is 2).</summary>
    public double? Width { get; set; }

    /// <summary>"solid", "dot", "dash", "longdash", "dashdot" or "longdashdot".</summary>
    public string? Dash { get; set; }
}

/// <summary>plotly's <c>marker</c> attribute: scatter points, bar and histogram fills.</summary>
public sealed class Marker
{
    /// <summary>A CSS colour.</summary>
    public string? Color { get; set; }

    /// <summary>Diameter in pixels (plotly's default is 6).</summary>
    public double? Size { get; set; }
}

/// <summary>Points joined by lines, or drawn as markers, or both (plotly's <c>scatter</c>).</summary>
public sealed class Scatter : Trace
{
    public override string Type => "scatter";

    /// <summary>"lines", "markers" or "lines+markers". Unset, plotly draws lines+markers for fewer than 20 points and lines otherwise.</summary>
    public string? Mode { get; set; }

    /// <summary>The x values; unset, they are 0, 1, 2, ...</summary>
    public DataArray? X { get; set; }

    public DataArray? Y { get; set; }

    public Line? Line { get; set; }

    public Marker? Marker { get; set; }
}

/// <summary>Bars (plotly's <c>bar</c>); several bar traces on one axis are grouped side by side.</summary>
public sealed class Bar : Trace
{
    public override string Type => "bar";

    /// <summary>Categories (vertical bars) or lengths (horizontal bars).</summary>
    public DataArray? X { get; set; }

    /// <summary>Lengths (vertical bars) or categories (horizontal bars).</summary>
    public DataArray? Y { get; set; }

    /// <summary>"v" (default) or "h".</summary>
    public string? Orientation { get; set; }

    public Marker? Marker { get; set; }
}

/// <summary>
/// Values on a grid drawn as coloured cells (plotly's <c>heatmap</c>): <c>Z[row][column]</c>, row 0
/// at the bottom unless the y axis has <c>AutoRange = "reversed"</c> (as for confusion matrices).
/// </summary>
public sealed class Heatmap : Trace
{
    public override string Type => "heatmap";

    public double[][]? Z { get; set; }

    /// <summary>Column labels or positions; unset, columns are 0, 1, 2, ...</summary>
    public DataArray? X { get; set; }

    /// <summary>Row labels or positions; unset, rows are 0, 1, 2, ...</summary>
    public DataArray? Y { get; set; }

    /// <summary>A plotly colour scale name: "Viridis", "Greys", "Blues", "Reds", "RdBu", "Hot", ...</summary>
    public string? ColorScale { get; set; }

    /// <summary>True flips the colour scale.</summary>
    public bool? ReverseScale { get; set; }

    /// <summary>False hides the colour bar (plotly shows it by default).</summary>
    public bool? ShowScale { get; set; }

    /// <summary>The value mapped to the first colour of the scale; unset, the smallest value.</summary>
    public double? ZMin { get; set; }

    /// <summary>The value mapped to the last colour of the scale; unset, the largest value.</summary>
    public double? ZMax { get; set; }

    /// <summary>Text drawn in every cell, with <c>%{z}</c>, <c>%{x}</c> and <c>%{y}</c> replaced by the cell's value and labels (plotly's texttemplate).</summary>
    public string? TextTemplate { get; set; }
}

/// <summary>The distribution of values as counts per bin (plotly's <c>histogram</c>).</summary>
public sealed class Histogram : Trace
{
    public override string Type => "histogram";

    public DataArray? X { get; set; }

    /// <summary>The largest number of bins wanted; the bin width is rounded to a nice number, so there may be fewer.</summary>
    public int? NBinsX { get; set; }

    public Marker? Marker { get; set; }
}
