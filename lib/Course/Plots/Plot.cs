using TorchSharp;

namespace Course.Plots;

/// <summary>
/// One-line figures for the plots a course draws again and again: curves, bars, histograms,
/// heatmaps and confusion matrices, and <see cref="Grid"/> to put several side by side.
/// Every helper returns an ordinary <see cref="Figure"/> that can still be changed.
/// </summary>
public static class Plot
{
    /// <summary>One curve of <paramref name="y"/> against 0, 1, 2, ...</summary>
    public static Figure Line(DataArray y, string? title = null, string? xTitle = null, string? yTitle = null) =>
        Line(DataArray.Range(y.Count), y, title, xTitle, yTitle);

    /// <summary>One curve of <paramref name="y"/> against <paramref name="x"/>.</summary>
    public static Figure Line(DataArray x, DataArray y, string? title = null, string? xTitle = null, string? yTitle = null, string? name = null) =>
        Titled(new Figure(new Scatter { X = x, Y = y, Mode = "lines", Name = name }), title, xTitle, yTitle);

    /// <summary>Several named curves over the same <paramref name="x"/>, e.g. <c>[("train", trainLoss), ("test", testLoss)]</c>.</summary>
    public static Figure Lines(DataArray x, IEnumerable<(string Name, DataArray Y)> series, string? title = null, string? xTitle = null, string? yTitle = null) =>
        Titled(new Figure(series.Select(s => new Scatter { X = x, Y = s.Y, Mode = "lines", Name = s.Name })), title, xTitle, yTitle);

    /// <summary>Points without lines.</summary>
    public static Figure Scatter(DataArray x, DataArray y, string? title = null, string? xTitle = null, string? yTitle = null, string? name = null) =>
        Titled(new Figure(new Scatter { X = x, Y = y, Mode = "markers", Name = name }), title, xTitle, yTitle);

    /// <summary>One bar per category.</summary>
    public static Figure Bar(DataArray categories, DataArray values, string? title = null, string? xTitle = null, string? yTitle = null) =>
        Titled(new Figure(new Bar { X = categories, Y = values }), title, xTitle, yTitle);

    /// <summary>Counts of <paramref name="values"/> in at most <paramref name="bins"/> bins of a nice width.</summary>
    public static Figure Histogram(DataArray values, int? bins = null, string? title = null, string? xTitle = null) =>
        Titled(new Figure(new Histogram { X = values, NBinsX = bins }), title, xTitle, "count");

    /// <summary>A matrix as coloured cells, row 0 at the top (as printed), optionally with the values written in.</summary>
    public static Figure Heatmap(double[,] z, IReadOnlyList<string>? xLabels = null, IReadOnlyList<string>? yLabels = null,
        string? title = null, string colorScale = "Viridis", bool showValues = false)
    {
        var heatmap = new Heatmap
        {
            Z = Rows(z),
            X = xLabels is null ? null : DataArray.FromLabels(xLabels),
            Y = yLabels is null ? null : DataArray.FromLabels(yLabels),
            ColorScale = colorScale,
            TextTemplate = showValues ? "%{z}" : null,
        };
        var figure = Titled(new Figure(heatmap), title, null, null);
        figure.Layout.YAxis.AutoRange = "reversed";
        return figure;
    }

    /// <summary>
    /// A confusion matrix: <paramref name="counts"/>[true class, predicted class], rows labelled with the
    /// true class from the top, darker for larger counts, each count written in its cell.
    /// </summary>
    public static Figure ConfusionMatrix(long[,] counts, IReadOnlyList<string> classNames, string? title = "confusion matrix")
    {
        if (counts.GetLength(0) != classNames.Count || counts.GetLength(1) != classNames.Count)
            throw new ArgumentException($"ConfusionMatrix: counts are {counts.GetLength(0)}x{counts.GetLength(1)} but there are {classNames.Count} class names.");
        var z = new double[counts.GetLength(0), counts.GetLength(1)];
        for (var r = 0; r < z.GetLength(0); r++)
            for (var c = 0; c < z.GetLength(1); c++) z[r, c] = counts[r, c];
        // plotly's "Blues" runs from dark to light; reversed, large counts are dark.
        var figure = Heatmap(z, classNames, classNames, title, "Blues", showValues: true);
        var heatmap = (Heatmap)figure.Data[0];
        heatmap.ReverseScale = true;
        heatmap.ZMin = 0;
        figure.Layout.XAxis.Title = "predicted";
        figure.Layout.YAxis.Title = "true";
        return figure;
    }

    /// <summary>A confusion matrix from an integer tensor [classes, classes] (e.g. computed with the engine).</summary>
    public static Figure ConfusionMatrix(torch.Tensor counts, IReadOnlyList<string> classNames, string? title = "confusion matrix")
    {
        if (counts.Dimensions != 2)
            throw new ArgumentException($"ConfusionMatrix: expected a [classes, classes] tensor, got [{string.Join(", ", counts.shape)}].");
        var (rows, columns) = ((int)counts.shape[0], (int)counts.shape[1]);
        var values = counts.to(torch.ScalarType.Int64).data<long>().ToArray();
        var matrix = new long[rows, columns];
        for (var i = 0; i < values.Length; i++) matrix[i / columns, i % columns] = values[i];
        return ConfusionMatrix(matrix, classNames, title);
    }

    /// <summary>
    /// Several figures as subplots of one, <paramref name="columns"/> per row, each keeping its axes
    /// and with its title above it. The figures themselves are left unchanged.
    /// </summary>
    public static Figure Grid(int columns, params Figure[] figures)
    {
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), columns, "A grid needs at least one column.");
        if (figures.Length == 0) throw new ArgumentException("Plot.Grid needs at least one figure.", nameof(figures));
        var rows = (figures.Length + columns - 1) / columns;
        var combined = new Figure();
        combined.Layout.Grid = new LayoutGrid { Rows = rows, Columns = Math.Min(columns, figures.Length) };
        combined.Layout.Height = Math.Max(450, 320 * rows);
        combined.Layout.Annotations = [];
        for (var i = 0; i < figures.Length; i++)
        {
            var number = i + 1;
            var suffix = number == 1 ? "" : number.ToString();
            foreach (var trace in figures[i].Data)
            {
                if (SvgRenderer.AxisNumber(trace.XAxis, 'x') != 1)
                    throw new ArgumentException($"Plot.Grid: figure {i} already has subplots; combine single-plot figures.");
                var moved = trace.CloneTrace();
                moved.XAxis = "x" + suffix;
                moved.YAxis = "y" + suffix;
                // Unnamed traces would fill the legend with "trace 0", "trace 1", ...: their subplot title names them.
                if (moved.Name is null) moved.ShowLegend = false;
                combined.Data.Add(moved);
            }
            if (figures[i].Layout.FindAxis('x', 1) is { } x) combined.Layout.SetAxis('x', number, x);
            if (figures[i].Layout.FindAxis('y', 1) is { } y) combined.Layout.SetAxis('y', number, y);
            if (figures[i].Layout.Title?.Text is { } subtitle)
                combined.Layout.Annotations.Add(new Annotation
                {
                    Text = subtitle, X = 0.5, Y = 1, XRef = $"x{suffix} domain", YRef = $"y{suffix} domain", YAnchor = "bottom",
                });
        }
        return combined;
    }

    private static Figure Titled(Figure figure, string? title, string? xTitle, string? yTitle)
    {
        if (title is not null) figure.Layout.Title = title;
        if (xTitle is not null) figure.Layout.XAxis.Title = xTitle;
        if (yTitle is not null) figure.Layout.YAxis.Title = yTitle;
        return figure;
    }

    private static double[][] Rows(double[,] z) =>
        Enumerable.Range(0, z.GetLength(0)).Select(r => Enumerable.Range(0, z.GetLength(1)).Select(c => z[r, c]).ToArray()).ToArray();
}
