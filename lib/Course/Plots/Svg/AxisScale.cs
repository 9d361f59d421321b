namespace Course.Plots;

internal enum AxisKind { Linear, Log, Category }

/// <summary>
/// Collects what the traces of one axis need to show (numbers, categories, zero for bars), then
/// fixes the axis range: plotly's autorange, or the range the layout gives.
/// </summary>
internal sealed class AxisExtent
{
    private readonly List<string> _categories = [];
    private double _min = double.PositiveInfinity, _max = double.NegativeInfinity, _minPositive = double.PositiveInfinity;
    private bool _includeZero;
    private bool _onlyCountable = true;
    private double _padding;

    public IReadOnlyList<string> Categories => _categories;

    public bool HasCategories => _categories.Count > 0;

    /// <summary>Records the values of a data array: labels as categories, numbers as extent.</summary>
    public void AddValues(DataArray values)
    {
        if (values.IsCategorical)
            for (var i = 0; i < values.Count; i++) AddCategory(values.LabelAt(i));
        else
            for (var i = 0; i < values.Count; i++) AddNumber(values.NumberAt(i), IsWhole(values.NumberAt(i)));
    }

    public void AddCategory(string label)
    {
        if (!_categories.Contains(label)) _categories.Add(label);
    }

    public void AddNumber(double value) => AddNumber(value, countable: false);

    public static bool IsWhole(double value) => double.IsFinite(value) && value == Math.Floor(value);

    /// <summary>
    /// Records a number; <paramref name="countable"/> says it stands for something counted (an epoch,
    /// a row index, a bar at a whole position): when all are, ticks step by whole numbers (no "epoch 1.5").
    /// </summary>
    public void AddNumber(double value, bool countable)
    {
        if (!double.IsFinite(value)) return;
        _onlyCountable &= countable;
        _min = Math.Min(_min, value);
        _max = Math.Max(_max, value);
        if (value > 0) _minPositive = Math.Min(_minPositive, value);
    }

    /// <summary>Bars and histograms grow from zero, so zero must be inside the range.</summary>
    public void IncludeZero() => _includeZero = true;

    /// <summary>Leaves <paramref name="fraction"/> of the span free at both ends (lines and markers should not touch the frame).</summary>
    public void Pad(double fraction) => _padding = Math.Max(_padding, fraction);

    /// <summary>True when every number on the axis counts something: ticks then step by whole numbers.</summary>
    public bool WholeNumberTicks => _onlyCountable && double.IsFinite(_min);

    public AxisKind KindFor(Axis? config) => config?.Type switch
    {
        "log" => AxisKind.Log,
        "category" => AxisKind.Category,
        null or "linear" or "-" => HasCategories ? AxisKind.Category : AxisKind.Linear,
        var other => throw new ArgumentException($"Axis type '{other}' is not drawn here; use \"linear\", \"log\" or \"category\"."),
    };

    /// <summary>The range [low, high] in axis units (powers of ten on log axes; category indices on category axes).</summary>
    public (double Low, double High) RangeFor(Axis? config, AxisKind kind)
    {
        if (config?.Range is { Length: 2 } given && double.IsFinite(given[0]) && double.IsFinite(given[1]) && given[0] != given[1])
            return (Math.Min(given[0], given[1]), Math.Max(given[0], given[1]));
        if (config?.Range is { } bad && (bad.Length != 2 || bad[0] == bad[1]))
            throw new ArgumentException($"An axis range needs two different numbers, got [{string.Join(", ", bad)}].");

        if (kind == AxisKind.Category)
        {
            var count = Math.Max(1, _categories.Count);
            var low = Math.Min(-0.5, double.IsFinite(_min) ? _min : -0.5);
            var high = Math.Max(count - 0.5, double.IsFinite(_max) ? _max : count - 0.5);
            return (low, high);
        }

        double from, to;
        if (kind == AxisKind.Log)
        {
            if (!double.IsFinite(_minPositive)) return (0, 1);
            (from, to) = (Math.Log10(_minPositive), Math.Log10(_max));
            if (from == to) (from, to) = (from - 0.5, to + 0.5);
        }
        else
        {
            if (!double.IsFinite(_min)) return (0, 1);
            (from, to) = (_min, _max);
            if (_includeZero) (from, to) = (Math.Min(from, 0), Math.Max(to, 0));
            if (from == to) (from, to) = from == 0 ? (-1, 1) : (from - Math.Abs(from) * 0.1, to + Math.Abs(to) * 0.1);
        }
        var pad = (to - from) * _padding;
        // Padding never pushes a bar's baseline below zero.
        var padLow = _includeZero && from == 0 ? 0 : pad;
        var padHigh = _includeZero && to == 0 ? 0 : pad;
        return (from - padLow, to + padHigh);
    }
}

/// <summary>Maps data values of one axis to pixels, and gives its ticks.</summary>
internal sealed class AxisScale(AxisKind kind, double low, double high, double pixelAtLow, double pixelAtHigh, IReadOnlyList<string> categories, bool wholeNumberTicks = false)
{
    public AxisKind Kind => kind;
    public double Low => low;
    public double High => high;
    public IReadOnlyList<string> Categories => categories;

    /// <summary>Axis units (after log10 on a log axis) to pixels.</summary>
    public double UnitToPixel(double unit) => pixelAtLow + (unit - low) / (high - low) * (pixelAtHigh - pixelAtLow);

    /// <summary>A data value to pixels; NaN when it cannot be shown (NaN, or not positive on a log axis).</summary>
    public double ToPixel(double value)
    {
        if (!double.IsFinite(value)) return double.NaN;
        if (kind == AxisKind.Log) return value > 0 ? UnitToPixel(Math.Log10(value)) : double.NaN;
        return UnitToPixel(value);
    }

    /// <summary>The position (in axis units) of element <paramref name="index"/> of <paramref name="values"/>.</summary>
    public double UnitOf(DataArray values, int index)
    {
        if (values.IsCategorical)
        {
            var at = -1;
            var label = values.LabelAt(index);
            for (var i = 0; i < categories.Count; i++)
                if (categories[i] == label) { at = i; break; }
            return at < 0 ? double.NaN : at;
        }
        var number = values.NumberAt(index);
        if (kind == AxisKind.Log) return number > 0 ? Math.Log10(number) : double.NaN;
        return number;
    }

    public double PixelOf(DataArray values, int index)
    {
        var unit = UnitOf(values, index);
        return double.IsNaN(unit) ? double.NaN : UnitToPixel(unit);
    }

    /// <summary>Pixel length of one axis unit (positive).</summary>
    public double PixelsPerUnit => Math.Abs(pixelAtHigh - pixelAtLow) / (high - low);

    /// <summary>
    /// Tick positions in pixels with their labels: about one numeric tick per <paramref name="pixelsPerTick"/>;
    /// on a category axis every category, or every n-th when they are closer than <paramref name="minCategorySpacing"/>.
    /// </summary>
    public IReadOnlyList<(double Pixel, string Label)> Ticks(double pixelsPerTick, double minCategorySpacing = 14)
    {
        var length = Math.Abs(pixelAtHigh - pixelAtLow);
        var maxCount = Math.Max(3, (int)(length / pixelsPerTick));
        switch (kind)
        {
            case AxisKind.Category:
            {
                var visible = Enumerable.Range(0, categories.Count).Where(i => i >= low && i <= high).ToList();
                var spacing = length / Math.Max(1, visible.Count);
                var every = Math.Max(1, (int)Math.Ceiling(minCategorySpacing / spacing - 1e-9));
                return visible.Where((_, n) => n % every == 0).Select(i => (UnitToPixel(i), categories[i])).ToList();
            }
            case AxisKind.Log:
            {
                var values = NiceTicks.Log(low, high, maxCount);
                var labels = NiceTicks.Labels(values, 0);
                return values.Select((v, i) => (UnitToPixel(Math.Log10(v)), labels[i])).ToList();
            }
            default:
            {
                var values = NiceTicks.Linear(low, high, wholeNumberTicks ? Math.Min(maxCount, Math.Max(1, (int)(high - low))) : maxCount);
                var labels = NiceTicks.Labels(values, values.Length > 1 ? values[1] - values[0] : NiceTicks.TickStep(high - low, maxCount));
                return values.Select((v, i) => (UnitToPixel(v), labels[i])).ToList();
            }
        }
    }
}
