namespace Course.Plots;

/// <summary>
/// Equal-width bins for a histogram: a nice bin width (1, 2 or 5 times a power of ten) chosen so
/// that there are at most the wanted number of bins, bins half-open [start, start + width).
/// </summary>
internal sealed record HistogramBins(double Start, double Size, int[] Counts)
{
    /// <summary>Bins used when the trace asks for no number: about sqrt(n), between 5 and 50.</summary>
    public static int DefaultBinCount(int valueCount) => Math.Clamp((int)Math.Ceiling(Math.Sqrt(valueCount)), 5, 50);

    public static HistogramBins? Compute(DataArray? values, int? maxBins)
    {
        if (maxBins is < 1) throw new ArgumentOutOfRangeException(nameof(maxBins), maxBins, "nbinsx must be at least 1.");
        var finite = values is null || values.IsCategorical
            ? []
            : Enumerable.Range(0, values.Count).Select(values.NumberAt).Where(double.IsFinite).ToArray();
        if (finite.Length == 0) return null;

        var min = finite.Min();
        var max = finite.Max();
        var wanted = maxBins ?? DefaultBinCount(finite.Length);
        double size, start;
        if (min == max)
        {
            size = min == 0 ? 1 : NiceTicks.Step(Math.Abs(min), 10);
            start = min - size / 2;
        }
        else
        {
            size = NiceTicks.Step(max - min, wanted);
            start = Math.Floor(min / size) * size;
            // A nice width may still need one bin more than wanted (min and max straddle edges): widen once.
            if ((int)Math.Floor((max - start) / size) + 1 > wanted)
            {
                size = NiceTicks.Step(size * 1.0001 * wanted, wanted);
                start = Math.Floor(min / size) * size;
            }
        }
        var count = (int)Math.Floor((max - start) / size) + 1;
        var counts = new int[count];
        foreach (var v in finite) counts[Math.Min(count - 1, (int)Math.Floor((v - start) / size))]++;
        return new HistogramBins(start, size, counts);
    }
}
