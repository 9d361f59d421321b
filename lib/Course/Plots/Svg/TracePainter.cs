using System.Text;
using System.Xml.Linq;

namespace Course.Plots;

/// <summary>What each trace type adds to its axes' ranges, and how it is drawn.</summary>
internal static class TracePainter
{
    private const double BarFraction = 0.8; // plotly's bargap 0.2

    public static void CollectExtents(Subplot subplot)
    {
        foreach (var trace in subplot.Traces)
        {
            switch (trace)
            {
                case Scatter scatter:
                {
                    var (x, y) = ScatterData(scatter);
                    subplot.XExtent.AddValues(x);
                    subplot.YExtent.AddValues(y);
                    subplot.YExtent.Pad(0.05);
                    if (ScatterMode(scatter, y.Count).Markers) subplot.XExtent.Pad(0.03);
                    break;
                }
                case Bar bar:
                {
                    var horizontal = bar.Orientation == "h";
                    var (positions, lengths) = BarData(bar);
                    var (positionExtent, lengthExtent) = horizontal ? (subplot.YExtent, subplot.XExtent) : (subplot.XExtent, subplot.YExtent);
                    if (positions.IsCategorical) positionExtent.AddValues(positions);
                    else
                    {
                        var unit = BarUnit(subplot, horizontal);
                        for (var i = 0; i < positions.Count; i++)
                        {
                            var countable = AxisExtent.IsWhole(positions.NumberAt(i));
                            positionExtent.AddNumber(positions.NumberAt(i) - unit / 2, countable);
                            positionExtent.AddNumber(positions.NumberAt(i) + unit / 2, countable);
                        }
                    }
                    lengthExtent.AddValues(lengths);
                    lengthExtent.IncludeZero();
                    lengthExtent.Pad(0.05);
                    break;
                }
                case Histogram histogram:
                {
                    var bins = HistogramBins.Compute(histogram.X, histogram.NBinsX);
                    if (bins is null) break;
                    subplot.XExtent.AddNumber(bins.Start);
                    subplot.XExtent.AddNumber(bins.Start + bins.Size * bins.Counts.Length);
                    subplot.YExtent.AddNumber(bins.Counts.Max());
                    subplot.YExtent.IncludeZero();
                    subplot.YExtent.Pad(0.05);
                    break;
                }
                case Heatmap heatmap:
                {
                    var (rows, columns) = HeatmapShape(heatmap);
                    AddCellExtent(subplot.XExtent, heatmap.X, columns, "x");
                    AddCellExtent(subplot.YExtent, heatmap.Y, rows, "y");
                    break;
                }
                default:
                    throw new NotSupportedException($"Trace type {trace.GetType().Name} cannot be drawn.");
            }
        }
    }

    public static XElement Draw(Trace trace, Subplot subplot, string color)
    {
        var group = Svg.El("g", Svg.A("class", "trace " + trace.Type));
        if (trace.Opacity is { } opacity) group.Add(Svg.A("opacity", Math.Clamp(opacity, 0, 1)));
        switch (trace)
        {
            case Scatter scatter: DrawScatter(scatter, subplot, color, group); break;
            case Bar bar: DrawBars(bar, subplot, color, group); break;
            case Histogram histogram: DrawHistogram(histogram, subplot, color, group); break;
            case Heatmap heatmap: DrawHeatmap(heatmap, subplot, group); break;
        }
        return group;
    }

    // ---- scatter ----

    private static (DataArray X, DataArray Y) ScatterData(Scatter scatter)
    {
        var y = scatter.Y ?? DataArray.FromNumbers([]);
        var x = scatter.X ?? DataArray.Range(y.Count);
        if (x.Count != y.Count)
            throw new ArgumentException($"Scatter '{scatter.Name}': x has {x.Count} values but y has {y.Count}.");
        return (x, y);
    }

    /// <summary>plotly's default: lines and markers below 20 points, lines only from 20 on.</summary>
    private static (bool Lines, bool Markers) ScatterMode(Scatter scatter, int count)
    {
        var mode = scatter.Mode ?? (count < 20 ? "lines+markers" : "lines");
        var parts = mode.Split('+');
        foreach (var part in parts)
            if (part is not ("lines" or "markers" or "text" or "none"))
                throw new ArgumentException($"Scatter mode '{mode}' is not one of lines, markers, lines+markers.");
        return (parts.Contains("lines"), parts.Contains("markers"));
    }

    private static void DrawScatter(Scatter scatter, Subplot subplot, string color, XElement group)
    {
        var (x, y) = ScatterData(scatter);
        var (lines, markers) = ScatterMode(scatter, y.Count);
        var points = Enumerable.Range(0, x.Count).Select(i => (X: subplot.X.PixelOf(x, i), Y: subplot.Y.PixelOf(y, i))).ToList();
        if (lines)
        {
            var path = new StringBuilder();
            var penDown = false;
            foreach (var (px, py) in points)
            {
                if (double.IsNaN(px) || double.IsNaN(py)) { penDown = false; continue; } // a gap, as plotly's connectgaps=false
                path.Append(path.Length == 0 ? "" : " ").Append(penDown ? 'L' : 'M').Append(Svg.N(px)).Append(',').Append(Svg.N(py));
                penDown = true;
            }
            if (path.Length > 0)
            {
                var width = scatter.Line?.Width ?? 2;
                group.Add(Svg.El("path", Svg.A("class", "trace-line"), Svg.A("d", path.ToString()), Svg.A("fill", "none"),
                    Svg.A("stroke", scatter.Line?.Color ?? color), Svg.A("stroke-width", width),
                    Svg.A("stroke-linejoin", "round"), Svg.A("stroke-linecap", "round"),
                    DashArray(scatter.Line?.Dash, width) is { } dash ? Svg.A("stroke-dasharray", dash) : null));
            }
        }
        if (markers)
        {
            var radius = (scatter.Marker?.Size ?? 6) / 2;
            var fill = scatter.Marker?.Color ?? color;
            foreach (var (px, py) in points)
                if (!double.IsNaN(px) && !double.IsNaN(py))
                    group.Add(Svg.El("circle", Svg.A("class", "marker"), Svg.A("cx", px), Svg.A("cy", py), Svg.A("r", radius), Svg.A("fill", fill)));
        }
    }

    /// <summary>plotly's dash patterns, which scale with the line width.</summary>
    private static string? DashArray(string? dash, double width)
    {
        var w = Math.Max(width, 3);
        return dash switch
        {
            null or "solid" => null,
            "dot" => $"{Svg.N(w)},{Svg.N(w)}",
            "dash" => $"{Svg.N(3 * w)},{Svg.N(3 * w)}",
            "longdash" => $"{Svg.N(5 * w)},{Svg.N(5 * w)}",
            "dashdot" => $"{Svg.N(3 * w)},{Svg.N(w)},{Svg.N(w)},{Svg.N(w)}",
            "longdashdot" => $"{Svg.N(5 * w)},{Svg.N(2 * w)},{Svg.N(w)},{Svg.N(2 * w)}",
            _ => throw new ArgumentException($"Line dash '{dash}' is not one of solid, dot, dash, longdash, dashdot, longdashdot."),
        };
    }

    // ---- bars ----

    private static (DataArray Positions, DataArray Lengths) BarData(Bar bar)
    {
        var horizontal = bar.Orientation switch
        {
            null or "v" => false,
            "h" => true,
            var other => throw new ArgumentException($"Bar orientation '{other}' is not \"v\" or \"h\"."),
        };
        var lengths = (horizontal ? bar.X : bar.Y) ?? DataArray.FromNumbers([]);
        var positions = (horizontal ? bar.Y : bar.X) ?? DataArray.Range(lengths.Count);
        if (positions.Count != lengths.Count)
            throw new ArgumentException($"Bar '{bar.Name}': {positions.Count} positions but {lengths.Count} lengths.");
        return (positions, lengths);
    }

    /// <summary>The space one bar group may take: 1 on a category axis, else the closest distance between positions.</summary>
    private static double BarUnit(Subplot subplot, bool horizontal)
    {
        var positions = subplot.Bars(horizontal)
            .Select(b => BarData(b).Positions)
            .Where(p => !p.IsCategorical)
            .SelectMany(p => Enumerable.Range(0, p.Count).Select(p.NumberAt))
            .Where(double.IsFinite).Distinct().Order().ToList();
        var gaps = positions.Zip(positions.Skip(1), (a, b) => b - a).ToList();
        return gaps.Count == 0 ? 1 : gaps.Min();
    }

    private static void DrawBars(Bar bar, Subplot subplot, string color, XElement group)
    {
        var horizontal = bar.Orientation == "h";
        var (positions, lengths) = BarData(bar);
        var (positionScale, lengthScale) = horizontal ? (subplot.Y, subplot.X) : (subplot.X, subplot.Y);
        var siblings = subplot.Bars(horizontal);
        var slot = siblings.ToList().IndexOf(bar);
        var unit = positions.IsCategorical ? 1 : BarUnit(subplot, horizontal);
        var width = unit * BarFraction / siblings.Count;
        var offset = -unit * BarFraction / 2 + slot * width;
        var baseline = lengthScale.Kind == AxisKind.Log ? lengthScale.UnitToPixel(lengthScale.Low) : lengthScale.ToPixel(0);
        var fill = bar.Marker?.Color ?? color;
        for (var i = 0; i < positions.Count; i++)
        {
            var center = positionScale.UnitOf(positions, i);
            var end = lengthScale.ToPixel(lengths.NumberAt(i));
            if (double.IsNaN(center) || double.IsNaN(end)) continue;
            var p0 = positionScale.UnitToPixel(center + offset);
            var p1 = positionScale.UnitToPixel(center + offset + width);
            group.Add(horizontal
                ? Svg.Rect(Math.Min(baseline, end), Math.Min(p0, p1), Math.Abs(end - baseline), Math.Abs(p1 - p0), fill, "bar")
                : Svg.Rect(Math.Min(p0, p1), Math.Min(baseline, end), Math.Abs(p1 - p0), Math.Abs(end - baseline), fill, "bar"));
        }
    }

    // ---- histogram ----

    private static void DrawHistogram(Histogram histogram, Subplot subplot, string color, XElement group)
    {
        var bins = HistogramBins.Compute(histogram.X, histogram.NBinsX);
        if (bins is null) return;
        // Several histograms on one subplot overlap; see-through fills keep each visible.
        if (histogram.Opacity is null && subplot.Traces.OfType<Histogram>().Count() > 1) group.Add(Svg.A("opacity", 0.6));
        var fill = histogram.Marker?.Color ?? color;
        var baseline = subplot.Y.Kind == AxisKind.Log ? subplot.Y.UnitToPixel(subplot.Y.Low) : subplot.Y.ToPixel(0);
        for (var i = 0; i < bins.Counts.Length; i++)
        {
            if (bins.Counts[i] == 0) continue;
            var x0 = subplot.X.ToPixel(bins.Start + i * bins.Size);
            var x1 = subplot.X.ToPixel(bins.Start + (i + 1) * bins.Size);
            var top = subplot.Y.ToPixel(bins.Counts[i]);
            if (double.IsNaN(x0) || double.IsNaN(x1) || double.IsNaN(top)) continue;
            var rect = Svg.Rect(Math.Min(x0, x1), Math.Min(top, baseline), Math.Abs(x1 - x0), Math.Abs(baseline - top), fill, "bin");
            rect.Add(Svg.A("stroke", "#fff"), Svg.A("stroke-width", 0.5));
            group.Add(rect);
        }
    }

    // ---- heatmap ----

    private static (int Rows, int Columns) HeatmapShape(Heatmap heatmap)
    {
        var z = heatmap.Z ?? [];
        return (z.Length, z.Length == 0 ? 0 : z.Max(row => row?.Length ?? 0));
    }

    private static void AddCellExtent(AxisExtent extent, DataArray? labels, int count, string axis)
    {
        if (labels is not null && labels.Count != count)
            throw new ArgumentException($"Heatmap: {labels.Count} {axis} labels for {count} {(axis == "x" ? "columns" : "rows")}.");
        if (labels is { IsCategorical: true }) { extent.AddValues(labels); return; }
        var edges = CellEdges(labels, count);
        if (edges.Length == 0) return;
        var countable = labels is null || Enumerable.Range(0, count).All(i => AxisExtent.IsWhole(labels.NumberAt(i)));
        extent.AddNumber(edges[0], countable);
        extent.AddNumber(edges[^1], countable);
    }

    /// <summary>Cell boundaries for numeric (or absent) positions: halfway between centres, half a step beyond the ends.</summary>
    private static double[] CellEdges(DataArray? centers, int count)
    {
        if (count == 0) return [];
        var c = Enumerable.Range(0, count).Select(i => centers?.NumberAt(i) ?? i).ToArray();
        var edges = new double[count + 1];
        for (var i = 1; i < count; i++) edges[i] = (c[i - 1] + c[i]) / 2;
        var firstHalf = count > 1 ? (c[1] - c[0]) / 2 : 0.5;
        var lastHalf = count > 1 ? (c[^1] - c[^2]) / 2 : 0.5;
        edges[0] = c[0] - firstHalf;
        edges[count] = c[^1] + lastHalf;
        return edges;
    }

    /// <summary>The values mapped to the ends of the colour scale: zmin/zmax, else the data's finite extremes.</summary>
    public static (double Min, double Max) ZRange(Heatmap heatmap)
    {
        var values = (heatmap.Z ?? []).Where(r => r is not null).SelectMany(r => r).Where(double.IsFinite).ToList();
        var min = heatmap.ZMin ?? (values.Count > 0 ? values.Min() : 0);
        var max = heatmap.ZMax ?? (values.Count > 0 ? values.Max() : 1);
        return min < max ? (min, max) : (min - 0.5, max + 0.5);
    }

    private static void DrawHeatmap(Heatmap heatmap, Subplot subplot, XElement group)
    {
        var z = heatmap.Z ?? [];
        var (rows, columns) = HeatmapShape(heatmap);
        var (zMin, zMax) = ZRange(heatmap);
        var xEdges = UnitEdges(heatmap.X, columns, subplot.X);
        var yEdges = UnitEdges(heatmap.Y, rows, subplot.Y);
        // Neighbouring cells must meet without anti-aliased seams.
        group.Add(Svg.A("shape-rendering", "crispEdges"));
        var texts = new List<XElement>();
        for (var r = 0; r < rows; r++)
        {
            if (z[r] is null) continue;
            for (var c = 0; c < z[r].Length; c++)
            {
                var value = z[r][c];
                if (!double.IsFinite(value)) continue;
                var (x0, x1) = (subplot.X.UnitToPixel(xEdges[c].Low), subplot.X.UnitToPixel(xEdges[c].High));
                var (y0, y1) = (subplot.Y.UnitToPixel(yEdges[r].Low), subplot.Y.UnitToPixel(yEdges[r].High));
                if (new[] { x0, x1, y0, y1 }.Any(double.IsNaN)) continue;
                var (red, green, blue) = Colorscales.RgbAt(heatmap.ColorScale, (value - zMin) / (zMax - zMin), heatmap.ReverseScale == true);
                var box = new Box(Math.Min(x0, x1), Math.Min(y0, y1), Math.Abs(x1 - x0), Math.Abs(y1 - y0));
                group.Add(Svg.Rect(box.Left, box.Top, box.Width, box.Height, $"#{red:x2}{green:x2}{blue:x2}", "cell"));
                if (heatmap.TextTemplate is { } template)
                {
                    var text = template.Replace("%{z}", NiceTicks.Compact(value, 4))
                        .Replace("%{x}", heatmap.X?.LabelAt(c) ?? c.ToString())
                        .Replace("%{y}", heatmap.Y?.LabelAt(r) ?? r.ToString());
                    var size = Math.Min(12, Math.Min(box.Height * 0.6, box.Width / Math.Max(1, text.Length * 0.6)));
                    if (size < 6) continue;
                    var light = 0.299 * red + 0.587 * green + 0.114 * blue > 140;
                    texts.Add(Svg.Text(box.CenterX, box.CenterY + size * 0.35, text, Math.Round(size, 1), "middle", "cell-text", light ? "#222" : "#fff"));
                }
            }
        }
        group.Add(texts);
    }

    /// <summary>Each cell's [low, high] along one axis in axis units.</summary>
    private static (double Low, double High)[] UnitEdges(DataArray? labels, int count, AxisScale scale)
    {
        if (labels is { IsCategorical: true })
            return Enumerable.Range(0, count).Select(i => scale.UnitOf(labels, i)).Select(u => (u - 0.5, u + 0.5)).ToArray();
        var edges = CellEdges(labels, count);
        double Unit(double v) => scale.Kind == AxisKind.Log ? (v > 0 ? Math.Log10(v) : double.NaN) : v;
        return Enumerable.Range(0, count).Select(i => (Unit(edges[i]), Unit(edges[i + 1]))).ToArray();
    }

    // ---- legend ----

    /// <summary>The small picture before a legend entry: a line, a dot, both, or a filled square.</summary>
    public static XElement LegendSymbol(Trace trace, string color, double left, double centerY)
    {
        var group = Svg.El("g", Svg.A("class", "legend-symbol"));
        if (trace is Scatter scatter)
        {
            var (lines, markers) = ScatterMode(scatter, ScatterData(scatter).Y.Count);
            if (lines)
            {
                var line = Svg.Line(left, centerY, left + 28, centerY, scatter.Line?.Color ?? color, scatter.Line?.Width ?? 2);
                if (DashArray(scatter.Line?.Dash, scatter.Line?.Width ?? 2) is { } dash) line.Add(Svg.A("stroke-dasharray", dash));
                group.Add(line);
            }
            if (markers)
                group.Add(Svg.El("circle", Svg.A("cx", left + 14), Svg.A("cy", centerY), Svg.A("r", 3), Svg.A("fill", scatter.Marker?.Color ?? color)));
        }
        else
            group.Add(Svg.Rect(left + 7, centerY - 7, 14, 14, color));
        return group;
    }
}
