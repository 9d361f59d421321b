using System.Xml.Linq;

namespace Course.Plots;

/// <summary>
/// Draws a <see cref="Figure"/> as a static SVG the way plotly.js would roughly lay it out: a title,
/// a grid of subplots with nice ticks and gridlines, traces clipped to their plot areas, colour bars
/// for heatmaps, a legend right of (or below) the plots. No scripts, fonts or links: the same figure
/// always gives the same text.
/// </summary>
internal static class SvgRenderer
{
    private const double TitleBand = 44;
    private const double OuterMargin = 10;
    private const double TickFont = 12;
    private const double AxisTitleFont = 14;
    private const double TitleFont = 17;
    private const double ColorbarBand = 80;

    public static string Render(Figure figure) => Build(figure).ToString(SaveOptions.DisableFormatting);

    internal static XElement Build(Figure figure)
    {
        var layout = figure.Layout;
        var width = Positive(layout.Width ?? 700, "width");
        var height = Positive(layout.Height ?? 450, "height");
        // Ids of clip paths and gradients must not collide when several figures share one HTML page;
        // a hash of the figure keeps them unique and the output deterministic.
        var idPrefix = "fig" + Fnv1a(figure.ToJson()).ToString("x8");

        var colors = TraceColors(figure);
        var subplots = AssignSubplots(figure);
        foreach (var subplot in subplots) TracePainter.CollectExtents(subplot);

        var legend = LegendEntries(figure, colors);
        var showLegend = (layout.ShowLegend ?? legend.Count >= 2) && legend.Count > 0;
        var horizontalLegend = layout.Legend?.Orientation == "h";
        var legendWidth = showLegend && !horizontalLegend ? legend.Max(e => Svg.TextWidth(e.Name, TickFont)) + 50 : 0;
        var legendHeight = showLegend && horizontalLegend ? 30 : 0;
        var title = layout.Title?.Text;
        var titleBand = string.IsNullOrEmpty(title) ? 0 : TitleBand;

        var area = new Box(OuterMargin, OuterMargin + titleBand,
            Math.Max(50, width - 2 * OuterMargin - legendWidth),
            Math.Max(50, height - 2 * OuterMargin - titleBand - legendHeight));
        var (rows, columns) = GridShape(layout, subplots.Count);
        var cellWidth = area.Width / columns;
        var cellHeight = area.Height / rows;
        for (var i = 0; i < subplots.Count; i++)
        {
            subplots[i].Cell = new Box(area.Left + i % columns * cellWidth, area.Top + i / columns * cellHeight, cellWidth, cellHeight);
            LayOut(subplots[i], topPadding: subplots.Count > 1 ? 26 : 8);
        }

        var defs = Svg.El("defs");
        var svg = Svg.El("svg",
            Svg.A("width", width), Svg.A("height", height), Svg.A("viewBox", $"0 0 {Svg.N(width)} {Svg.N(height)}"),
            Svg.A("font-family", Svg.FontFamily), Svg.A("role", "img"),
            // Narrow notebook columns shrink the picture instead of cutting it off.
            Svg.A("style", "max-width:100%;height:auto"),
            defs,
            Svg.Rect(0, 0, width, height, "#fff", "background"));
        if (!string.IsNullOrEmpty(title))
            svg.Add(Svg.Text(width / 2.0, OuterMargin + 28, title, TitleFont, cssClass: "title"));

        foreach (var subplot in subplots)
            svg.Add(DrawSubplot(subplot, colors, defs, $"{idPrefix}-{subplot.Number}"));
        foreach (var annotation in layout.Annotations ?? [])
            svg.Add(DrawAnnotation(annotation, area, subplots));
        if (showLegend)
            svg.Add(horizontalLegend
                ? DrawHorizontalLegend(legend, area.Left, area.Bottom + 20, area.Right)
                : DrawVerticalLegend(legend, area.Right + 12, area.Top + 6));
        if (!defs.HasElements) defs.Remove();
        return svg;
    }

    private static int Positive(int value, string name) =>
        value > 0 ? value : throw new ArgumentException($"layout.{name} must be positive, got {value}.");

    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return hash;
    }

    /// <summary>Colour of every trace that is not a heatmap: its own, or the next of the layout's colorway.</summary>
    private static Dictionary<Trace, string> TraceColors(Figure figure)
    {
        var colorway = figure.Layout.Colorway is { Count: > 0 } given ? given : [.. Layout.PlotlyColors];
        var colors = new Dictionary<Trace, string>(ReferenceEqualityComparer.Instance);
        var next = 0;
        foreach (var trace in figure.Data)
        {
            if (trace is Heatmap) continue;
            var own = trace switch
            {
                Scatter s => s.Line?.Color ?? s.Marker?.Color,
                Bar b => b.Marker?.Color,
                Histogram h => h.Marker?.Color,
                _ => null,
            };
            colors[trace] = own ?? colorway[next % colorway.Count];
            next++;
        }
        return colors;
    }

    private static List<Subplot> AssignSubplots(Figure figure)
    {
        var layout = figure.Layout;
        var numbers = figure.Data.Select(t => AxisNumber(t.XAxis, 'x')).ToList();
        var count = layout.Grid is { } grid
            ? CheckedGridSize(grid)
            : Math.Max(1, numbers.DefaultIfEmpty(1).Max());
        var subplots = Enumerable.Range(1, count)
            .Select(n => new Subplot(n, layout.FindAxis('x', n), layout.FindAxis('y', n))).ToList();
        for (var i = 0; i < figure.Data.Count; i++)
        {
            if (numbers[i] > count)
                throw new ArgumentException($"Trace {i} is on axis {figure.Data[i].XAxis}, but the layout's grid has only {count} subplots.");
            subplots[numbers[i] - 1].Traces.Add(figure.Data[i]);
        }
        return subplots;
    }

    private static int CheckedGridSize(LayoutGrid grid) =>
        grid.Rows >= 1 && grid.Columns >= 1
            ? grid.Rows * grid.Columns
            : throw new ArgumentException($"layout.grid needs at least one row and one column, got {grid.Rows}x{grid.Columns}.");

    private static (int Rows, int Columns) GridShape(Layout layout, int count) =>
        layout.Grid is { } grid ? (grid.Rows, grid.Columns) : (1, count);

    /// <summary>"x" is 1, "x2" is 2 (plotly's axis references); a trace without one is on axis 1.</summary>
    internal static int AxisNumber(string? reference, char letter)
    {
        if (reference is null || reference == letter.ToString()) return 1;
        if (reference.Length > 1 && reference[0] == letter && int.TryParse(reference.AsSpan(1), out var number) && number >= 1)
            return number;
        throw new ArgumentException($"'{reference}' is not a {letter} axis reference (\"{letter}\", \"{letter}2\", \"{letter}3\", ...).");
    }

    /// <summary>Places the plot area inside its cell: room for tick labels (measured), axis titles and a colour bar.</summary>
    private static void LayOut(Subplot subplot, double topPadding)
    {
        var cell = subplot.Cell;
        var xKind = subplot.XExtent.KindFor(subplot.XConfig);
        var yKind = subplot.YExtent.KindFor(subplot.YConfig);
        var (xLow, xHigh) = subplot.XExtent.RangeFor(subplot.XConfig, xKind);
        var (yLow, yHigh) = subplot.YExtent.RangeFor(subplot.YConfig, yKind);
        var xReversed = subplot.XConfig?.AutoRange == "reversed";
        var yReversed = subplot.YConfig?.AutoRange == "reversed";

        var right = 12 + (subplot.ColorbarSource is null ? 0 : ColorbarBand);
        var xTitleBand = subplot.XTitle is null ? 0 : 22;
        var yTitleBand = subplot.YTitle is null ? 0 : 22;
        var xLabelBand = 22.0;
        Box plot = default;
        // Two passes: the y labels' width sets the plot width, which decides whether x labels must be
        // turned, which takes height from the plot and so may change the y ticks.
        for (var pass = 0; pass < 2; pass++)
        {
            var plotHeight = Math.Max(10, cell.Height - topPadding - xLabelBand - xTitleBand);
            var yScale = new AxisScale(yKind, yLow, yHigh, yReversed ? 0 : plotHeight, yReversed ? plotHeight : 0, subplot.YExtent.Categories, subplot.YExtent.WholeNumberTicks);
            var yLabelWidth = yScale.Ticks(YTickSpacing).Select(t => Svg.TextWidth(t.Label, TickFont)).DefaultIfEmpty(0).Max();
            subplot.YLabelWidth = yLabelWidth;
            var left = yLabelWidth + 10 + yTitleBand;
            var plotWidth = Math.Max(10, cell.Width - left - right);
            plot = new Box(cell.Left + left, cell.Top + topPadding, plotWidth, plotHeight);
            if (pass == 1 || xKind != AxisKind.Category) break;

            var categories = subplot.XExtent.Categories;
            var widest = categories.Select(c => Svg.TextWidth(c, TickFont)).DefaultIfEmpty(0).Max();
            if (categories.Count == 0 || widest + 8 <= plotWidth / categories.Count) break;
            subplot.RotateXLabels = true;
            xLabelBand = 14 + Math.Min(widest * 0.5, cell.Height * 0.3);
        }
        subplot.XLabelBand = xLabelBand;
        subplot.Plot = plot;
        subplot.X = new AxisScale(xKind, xLow, xHigh, xReversed ? plot.Right : plot.Left, xReversed ? plot.Left : plot.Right, subplot.XExtent.Categories, subplot.XExtent.WholeNumberTicks);
        subplot.Y = new AxisScale(yKind, yLow, yHigh, yReversed ? plot.Top : plot.Bottom, yReversed ? plot.Bottom : plot.Top, subplot.YExtent.Categories, subplot.YExtent.WholeNumberTicks);
    }

    private const double XTickSpacing = 80;
    private const double YTickSpacing = 45;

    private static XElement DrawSubplot(Subplot subplot, Dictionary<Trace, string> colors, XElement defs, string id)
    {
        var plot = subplot.Plot;
        var group = Svg.El("g", Svg.A("class", "subplot"));
        var xTicks = subplot.X.Ticks(XTickSpacing, subplot.RotateXLabels ? 16 : 14);
        var yTicks = subplot.Y.Ticks(YTickSpacing);

        if (subplot.XConfig?.ShowGrid != false)
            foreach (var (pixel, _) in xTicks)
                group.Add(Svg.Line(pixel, plot.Top, pixel, plot.Bottom, "#eee", 1, "grid"));
        if (subplot.YConfig?.ShowGrid != false)
            foreach (var (pixel, _) in yTicks)
                group.Add(Svg.Line(plot.Left, pixel, plot.Right, pixel, "#eee", 1, "grid"));
        if (subplot.X.Kind == AxisKind.Linear && subplot.X.Low < 0 && subplot.X.High > 0)
            group.Add(Svg.Line(subplot.X.UnitToPixel(0), plot.Top, subplot.X.UnitToPixel(0), plot.Bottom, "#444", 1, "zeroline"));
        if (subplot.Y.Kind == AxisKind.Linear && subplot.Y.Low < 0 && subplot.Y.High > 0)
            group.Add(Svg.Line(plot.Left, subplot.Y.UnitToPixel(0), plot.Right, subplot.Y.UnitToPixel(0), "#444", 1, "zeroline"));

        defs.Add(Svg.El("clipPath", Svg.A("id", id + "-clip"), Svg.Rect(plot.Left, plot.Top, plot.Width, plot.Height, "#fff")));
        var traces = Svg.El("g", Svg.A("class", "traces"), Svg.A("clip-path", $"url(#{id}-clip)"));
        foreach (var trace in subplot.Traces)
            traces.Add(TracePainter.Draw(trace, subplot, colors.GetValueOrDefault(trace, "#444")));
        group.Add(traces);

        foreach (var (pixel, label) in xTicks)
        {
            var y = plot.Bottom + 16;
            group.Add(subplot.RotateXLabels
                ? Svg.Text(pixel + 4, y, label, TickFont, "end", "tick-label", transform: $"rotate(-30 {Svg.N(pixel + 4)} {Svg.N(y)})")
                : Svg.Text(pixel, y, label, TickFont, "middle", "tick-label"));
        }
        foreach (var (pixel, label) in yTicks)
            group.Add(Svg.Text(plot.Left - 6, pixel + 4, label, TickFont, "end", "tick-label"));

        if (subplot.XTitle is { } xTitle)
            group.Add(Svg.Text(plot.CenterX, plot.Bottom + subplot.XLabelBand + 16, xTitle, AxisTitleFont, cssClass: "axis-title"));
        if (subplot.YTitle is { } yTitle)
        {
            var x = plot.Left - subplot.YLabelWidth - 16;
            group.Add(Svg.Text(x, plot.CenterY, yTitle, AxisTitleFont, cssClass: "axis-title",
                transform: $"rotate(-90 {Svg.N(x)} {Svg.N(plot.CenterY)})"));
        }
        if (subplot.ColorbarSource is { } heatmap)
            group.Add(DrawColorbar(heatmap, plot, defs, id + "-colorbar"));
        return group;
    }

    private static XElement DrawColorbar(Heatmap heatmap, Box plot, XElement defs, string id)
    {
        var (zMin, zMax) = TracePainter.ZRange(heatmap);
        var gradient = Svg.El("linearGradient", Svg.A("id", id), Svg.A("x1", "0"), Svg.A("y1", "1"), Svg.A("x2", "0"), Svg.A("y2", "0"));
        const int stops = 32;
        for (var i = 0; i <= stops; i++)
        {
            var fraction = i / (double)stops;
            gradient.Add(Svg.El("stop", Svg.A("offset", fraction), Svg.A("stop-color", Colorscales.ColorAt(heatmap.ColorScale, fraction, heatmap.ReverseScale == true))));
        }
        defs.Add(gradient);

        var left = plot.Right + 16;
        var group = Svg.El("g", Svg.A("class", "colorbar"),
            Svg.El("rect", Svg.A("x", left), Svg.A("y", plot.Top), Svg.A("width", 14), Svg.A("height", plot.Height),
                Svg.A("fill", $"url(#{id})"), Svg.A("class", "colorbar-fill")));
        var scale = new AxisScale(AxisKind.Linear, zMin, zMax, plot.Bottom, plot.Top, []);
        foreach (var (pixel, label) in scale.Ticks(YTickSpacing))
            group.Add(Svg.Text(left + 18, pixel + 4, label, TickFont, "start", "colorbar-label"));
        return group;
    }

    private static XElement DrawAnnotation(Annotation annotation, Box area, List<Subplot> subplots)
    {
        var x = Place(annotation.X, annotation.XRef, 'x', area, subplots);
        var y = Place(annotation.Y, annotation.YRef, 'y', area, subplots);
        var anchor = annotation.XAnchor switch { "left" => "start", "right" => "end", _ => "middle" };
        var baseline = annotation.YAnchor switch { "top" => y + 12, "bottom" => y - 4, _ => y + 4 };
        return Svg.Text(x, baseline, annotation.Text ?? "", 14, anchor, "annotation");
    }

    /// <summary>An annotation coordinate in pixels: "paper" (0..1 of the plotting area), "x2 domain" (0..1 of that subplot), "x2" (data).</summary>
    private static double Place(double value, string reference, char letter, Box area, List<Subplot> subplots)
    {
        if (reference == "paper")
            return letter == 'x' ? area.Left + value * area.Width : area.Bottom - value * area.Height;
        var domain = reference.EndsWith(" domain", StringComparison.Ordinal);
        var number = AxisNumber(domain ? reference[..^" domain".Length] : reference, letter);
        if (number > subplots.Count)
            throw new ArgumentException($"An annotation refers to {reference}, but the figure has {subplots.Count} subplots.");
        var subplot = subplots[number - 1];
        if (domain)
            return letter == 'x' ? subplot.Plot.Left + value * subplot.Plot.Width : subplot.Plot.Bottom - value * subplot.Plot.Height;
        var position = (letter == 'x' ? subplot.X : subplot.Y).ToPixel(value);
        return double.IsNaN(position) ? (letter == 'x' ? subplot.Plot.Left : subplot.Plot.Bottom) : position;
    }

    internal sealed record LegendEntry(string Name, string Color, Trace Trace);

    private static List<LegendEntry> LegendEntries(Figure figure, Dictionary<Trace, string> colors) =>
        figure.Data
            .Select((trace, index) => (trace, index))
            .Where(t => t.trace is not Heatmap && t.trace.ShowLegend != false)
            .Select(t => new LegendEntry(t.trace.Name ?? $"trace {t.index}", colors[t.trace], t.trace))
            .ToList();

    private static XElement DrawVerticalLegend(List<LegendEntry> entries, double left, double top)
    {
        var group = Svg.El("g", Svg.A("class", "legend"));
        for (var i = 0; i < entries.Count; i++)
        {
            var y = top + 10 + i * 20;
            group.Add(TracePainter.LegendSymbol(entries[i].Trace, entries[i].Color, left, y));
            group.Add(Svg.Text(left + 36, y + 4, entries[i].Name, TickFont, "start", "legend-text"));
        }
        return group;
    }

    private static XElement DrawHorizontalLegend(List<LegendEntry> entries, double left, double top, double right)
    {
        var group = Svg.El("g", Svg.A("class", "legend"));
        var (x, y) = (left, top);
        foreach (var entry in entries)
        {
            var width = 46 + Svg.TextWidth(entry.Name, TickFont);
            if (x + width > right && x > left) (x, y) = (left, y + 20);
            group.Add(TracePainter.LegendSymbol(entry.Trace, entry.Color, x, y));
            group.Add(Svg.Text(x + 36, y + 4, entry.Name, TickFont, "start", "legend-text"));
            x += width;
        }
        return group;
    }
}
