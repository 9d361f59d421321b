using System.Text.Json.Serialization;

namespace Course.Plots;

/// <summary>
/// The figure's layout (plotly's <c>layout</c>): title, size, legend, axes and subplot grid.
/// Axes are plotly's <c>xaxis</c>, <c>xaxis2</c>, ... : <see cref="XAxis"/> is the first, and
/// <see cref="GetXAxis"/> reaches the others (one pair per subplot).
/// </summary>
public sealed class Layout
{
    /// <summary>plotly's own default trace colours ("plotly" template), written to JSON as <c>colorway</c> so interactive front ends colour traces as the SVG does.</summary>
    public static readonly IReadOnlyList<string> PlotlyColors =
        ["#636efa", "#EF553B", "#00cc96", "#ab63fa", "#FFA15A", "#19d3f3", "#FF6692", "#B6E880", "#FF97FF", "#FECB52"];

    private readonly SortedDictionary<int, Axis> _xAxes = new();
    private readonly SortedDictionary<int, Axis> _yAxes = new();

    public Title? Title { get; set; }

    /// <summary>Width in pixels (plotly's default is 700).</summary>
    public int? Width { get; set; }

    /// <summary>Height in pixels (plotly's default is 450).</summary>
    public int? Height { get; set; }

    /// <summary>Unset, the legend shows when at least two traces would appear in it.</summary>
    public bool? ShowLegend { get; set; }

    public Legend? Legend { get; set; }

    /// <summary>Subplots: a rows x columns grid whose cells, in reading order, hold axes x/y, x2/y2, ...</summary>
    public LayoutGrid? Grid { get; set; }

    public List<Annotation>? Annotations { get; set; }

    /// <summary>The colours given to traces that set none, in turn.</summary>
    public List<string> Colorway { get; set; } = [.. PlotlyColors];

    /// <summary>The first x axis (plotly's <c>xaxis</c>).</summary>
    [JsonIgnore]
    public Axis XAxis => GetXAxis(1);

    /// <summary>The first y axis (plotly's <c>yaxis</c>).</summary>
    [JsonIgnore]
    public Axis YAxis => GetYAxis(1);

    /// <summary>x axis number <paramref name="number"/> (1 is <c>xaxis</c>, 2 is <c>xaxis2</c>), created when first asked for.</summary>
    public Axis GetXAxis(int number) => GetOrAdd(_xAxes, number);

    /// <summary>y axis number <paramref name="number"/> (1 is <c>yaxis</c>, 2 is <c>yaxis2</c>), created when first asked for.</summary>
    public Axis GetYAxis(int number) => GetOrAdd(_yAxes, number);

    /// <summary>Puts <paramref name="axis"/> in place of axis <paramref name="number"/> ('x' or 'y').</summary>
    internal void SetAxis(char letter, int number, Axis axis) => (letter == 'x' ? _xAxes : _yAxes)[number] = axis;

    /// <summary>The axis a trace names ("x", "x2", "y3"), or null when the layout does not configure it.</summary>
    internal Axis? FindAxis(char letter, int number) =>
        (letter == 'x' ? _xAxes : _yAxes).GetValueOrDefault(number);

    /// <summary>The configured axes with their plotly layout keys, x axes first, each in number order.</summary>
    internal IEnumerable<(string Key, Axis Axis)> ConfiguredAxes() =>
        _xAxes.Select(a => (AxisKey('x', a.Key), a.Value)).Concat(_yAxes.Select(a => (AxisKey('y', a.Key), a.Value)));

    private static string AxisKey(char letter, int number) => number == 1 ? $"{letter}axis" : $"{letter}axis{number}";

    private static Axis GetOrAdd(SortedDictionary<int, Axis> axes, int number)
    {
        if (number < 1) throw new ArgumentOutOfRangeException(nameof(number), number, "Axes are numbered from 1.");
        if (!axes.TryGetValue(number, out var axis)) axes[number] = axis = new Axis();
        return axis;
    }
}

/// <summary>A title (plotly's <c>{ "text": ... }</c>); a string converts to it.</summary>
public sealed class Title
{
    public string? Text { get; set; }

    public static implicit operator Title(string text) => new() { Text = text };
}

/// <summary>One axis of a subplot (plotly's <c>layout.xaxis</c>, <c>layout.yaxis2</c>, ...).</summary>
public sealed class Axis
{
    public Title? Title { get; set; }

    /// <summary>"linear" (default), "log" or "category".</summary>
    public string? Type { get; set; }

    /// <summary>[from, to] in data units; for a log axis, as in plotly, in powers of ten ([0, 3] is 1 to 1000).</summary>
    public double[]? Range { get; set; }

    /// <summary>"reversed" turns the axis around (a heatmap's row 0 at the top).</summary>
    public string? AutoRange { get; set; }

    /// <summary>False hides the gridlines.</summary>
    public bool? ShowGrid { get; set; }
}

/// <summary>Where the legend goes (plotly's <c>layout.legend</c>); unset, it sits right of the plot.</summary>
public sealed class Legend
{
    /// <summary>"v" (default, entries stacked right of the plot) or "h" (entries in a row below the plot).</summary>
    public string? Orientation { get; set; }
}

/// <summary>A subplot grid (plotly's <c>layout.grid</c>), filled row by row from the top.</summary>
public sealed class LayoutGrid
{
    public int Rows { get; set; } = 1;

    public int Columns { get; set; } = 1;

    /// <summary>"independent": every cell has its own x and y axes (the only pattern drawn here).</summary>
    public string Pattern { get; set; } = "independent";
}

/// <summary>Text placed on the figure (plotly's <c>layout.annotations[i]</c>), e.g. subplot titles.</summary>
public sealed class Annotation
{
    public string? Text { get; set; }

    public double X { get; set; }

    public double Y { get; set; }

    /// <summary>"paper" (0..1 across the plotting area, the default here) or an x axis such as "x2" (data units).</summary>
    public string XRef { get; set; } = "paper";

    /// <summary>"paper" (0..1 up the plotting area) or a y axis such as "y2" (data units).</summary>
    public string YRef { get; set; } = "paper";

    /// <summary>"left", "center" (default) or "right": which side of the text sits at <see cref="X"/>.</summary>
    public string? XAnchor { get; set; }

    /// <summary>"top", "middle" (default) or "bottom": which side of the text sits at <see cref="Y"/>.</summary>
    public string? YAnchor { get; set; }

    public bool ShowArrow { get; set; }
}
