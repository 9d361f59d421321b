using System.Globalization;

namespace Course.Plots;

/// <summary>
/// Tick values people read easily: steps of 1, 2 or 5 times a power of ten, labelled with just the
/// decimals the step needs ("0.2, 0.4", "20k, 40k"), and for log axes powers of ten.
/// </summary>
public static class NiceTicks
{
    /// <summary>The smallest step of 1, 2 or 5 times a power of ten that splits <paramref name="span"/> into at most <paramref name="maxCount"/> intervals.</summary>
    public static double Step(double span, int maxCount)
    {
        if (!(span > 0) || !double.IsFinite(span)) return 1;
        var raw = span / Math.Max(1, maxCount);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var normalized = raw / magnitude;
        // The small tolerance keeps an exact 2 (say) at 2 despite rounding in raw / magnitude.
        var nice = normalized <= 1 + 1e-9 ? 1 : normalized <= 2 + 1e-9 ? 2 : normalized <= 5 + 1e-9 ? 5 : 10;
        return nice * magnitude;
    }

    /// <summary>
    /// The nice step closest to splitting <paramref name="span"/> into <paramref name="count"/> intervals
    /// (rounding 2.4 to 2 rather than up to 5), so that a short axis still gets several ticks.
    /// </summary>
    public static double TickStep(double span, int count)
    {
        if (!(span > 0) || !double.IsFinite(span)) return 1;
        var raw = span / Math.Max(1, count);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var normalized = raw / magnitude;
        // Boundaries are the geometric means of neighbouring nice steps: sqrt(1*2), sqrt(2*5), sqrt(5*10).
        var nice = normalized < 1.414 ? 1 : normalized < 3.162 ? 2 : normalized < 7.071 ? 5 : 10;
        return nice * magnitude;
    }

    /// <summary>The multiples of a nice step (about <paramref name="count"/> intervals) inside [<paramref name="from"/>, <paramref name="to"/>] (either order), ascending.</summary>
    public static double[] Linear(double from, double to, int count)
    {
        var (low, high) = from <= to ? (from, to) : (to, from);
        if (!double.IsFinite(low) || !double.IsFinite(high)) return [];
        if (low == high) return [low];
        var step = TickStep(high - low, count);
        var first = Math.Ceiling(low / step - 1e-9);
        var last = Math.Floor(high / step + 1e-9);
        var ticks = new List<double>();
        for (var k = first; k <= last; k++) ticks.Add(Clean(k * step, step));
        return [.. ticks];
    }

    /// <summary>
    /// Ticks for a log axis whose range is given in powers of ten (as plotly's): every power of ten
    /// (or every few, when there are many), plus 2x and 5x between them when the range holds few decades.
    /// Returns the tick values themselves (not their logarithms).
    /// </summary>
    public static double[] Log(double fromExponent, double toExponent, int maxCount)
    {
        var (low, high) = fromExponent <= toExponent ? (fromExponent, toExponent) : (toExponent, fromExponent);
        if (!double.IsFinite(low) || !double.IsFinite(high)) return [];
        var firstDecade = (int)Math.Ceiling(low - 1e-9);
        var lastDecade = (int)Math.Floor(high + 1e-9);
        var decades = lastDecade - firstDecade + 1;
        if (decades < 1)
            return Linear(Math.Pow(10, low), Math.Pow(10, high), maxCount);

        var every = Math.Max(1, (int)Math.Ceiling(decades / (double)Math.Max(1, maxCount)));
        var ticks = new List<double>();
        for (var e = firstDecade - 1; e <= lastDecade; e++)
        {
            if (e >= firstDecade && (e - firstDecade) % every == 0) ticks.Add(Math.Pow(10, e));
            if (decades > 2) continue;
            foreach (var factor in new[] { 2.0, 5.0 })
            {
                var value = factor * Math.Pow(10, e);
                var exponent = Math.Log10(value);
                if (exponent >= low - 1e-9 && exponent <= high + 1e-9) ticks.Add(value);
            }
        }
        ticks.Sort();
        return [.. ticks];
    }

    /// <summary>
    /// Labels for ticks <paramref name="step"/> apart: as many decimals as the step needs, k/M/G for
    /// large values, a true minus sign. Pass step 0 for ticks that are not evenly spaced (log axes).
    /// </summary>
    public static string[] Labels(IReadOnlyList<double> ticks, double step)
    {
        var largest = ticks.Count == 0 ? 0 : ticks.Max(Math.Abs);
        var (divisor, suffix) = largest >= 1e10 ? (1e9, "G") : largest >= 1e7 ? (1e6, "M") : largest >= 1e4 ? (1e3, "k") : (1.0, "");
        return ticks.Select(t => (step > 0 ? Format(t / divisor, step / divisor) : FormatAlone(t / divisor)) + (t == 0 ? "" : suffix)).ToArray();
    }

    /// <summary>A single number shown with <paramref name="significantDigits"/> digits, for progress lines and cell texts.</summary>
    public static string Compact(double value, int significantDigits = 3)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsInfinity(value)) return value > 0 ? "∞" : "−∞";
        if (value == 0) return "0";
        var text = value.ToString("G" + significantDigits, CultureInfo.InvariantCulture);
        if (text.Contains('E'))
            text = Math.Round(value, Math.Max(0, significantDigits - 1 - (int)Math.Floor(Math.Log10(Math.Abs(value))))).ToString("0.##########", CultureInfo.InvariantCulture);
        return text.Replace('-', '−');
    }

    /// <summary>A value with the decimals it has (up to 12 significant digits), for unevenly spaced ticks.</summary>
    private static string FormatAlone(double value)
    {
        var text = double.Parse(value.ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            .ToString("0.###############", CultureInfo.InvariantCulture);
        return text.StartsWith('-') ? "−" + text[1..] : text;
    }

    private static string Format(double value, double step)
    {
        var decimals = Math.Clamp(-(int)Math.Floor(Math.Log10(step) + 1e-9), 0, 15);
        var text = Clean(value, step).ToString("F" + decimals, CultureInfo.InvariantCulture);
        return text.StartsWith('-') ? "−" + text[1..] : text;
    }

    /// <summary>Rounds away the binary noise of k * step (0.30000000000000004) and negative zero.</summary>
    private static double Clean(double value, double step)
    {
        var decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(step) + 1e-9) + 1);
        var rounded = decimals > 15 ? value : Math.Round(value, decimals);
        return rounded == 0 ? 0 : rounded;
    }
}
