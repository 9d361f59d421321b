namespace Course.Datasets;

/// <summary>
/// One measured quantity over time, e.g. the Mauna Loa CO2 record (<see cref="Data.MaunaLoaCO2"/>). Missing
/// measurements are NaN, kept in place so the dates stay regular; a model needs them filled
/// (<see cref="FillGapsLinearly"/>) or the windows that touch them left out.
/// </summary>
/// <param name="Name">What is measured, for messages and plots.</param>
/// <param name="Dates">The date of each value, increasing.</param>
/// <param name="Values">The values, one per date; NaN where the measurement is missing.</param>
public sealed record TimeSeries(string Name, IReadOnlyList<DateOnly> Dates, IReadOnlyList<double> Values)
{
    /// <summary>How many values are missing (NaN).</summary>
    public int MissingCount => Values.Count(double.IsNaN);

    /// <summary>
    /// A copy with every interior run of missing values filled on the straight line between the known values
    /// on either side, in proportion to the dates (for a regular series, to the positions). A gap at the start
    /// or end has a neighbour on one side only, and the record is not extended by guesswork: that is an error.
    /// </summary>
    public TimeSeries FillGapsLinearly()
    {
        if (Dates.Count != Values.Count)
            throw new InvalidOperationException($"{Name}: {Dates.Count} dates but {Values.Count} values; they must pair up.");
        var filled = Values.ToArray();
        var first = Array.FindIndex(filled, v => !double.IsNaN(v));
        if (first < 0)
            throw new InvalidOperationException($"{Name}: all {filled.Length} values are missing; there is nothing to interpolate from.");
        var last = Array.FindLastIndex(filled, v => !double.IsNaN(v));
        if (first > 0 || last < filled.Length - 1)
        {
            var where = first > 0
                ? $"the first {first} values ({Dates[0]} to {Dates[first - 1]}) are missing, before the first known value on {Dates[first]}"
                : $"the last {filled.Length - 1 - last} values ({Dates[last + 1]} to {Dates[^1]}) are missing, after the last known value on {Dates[last]}";
            throw new InvalidOperationException($"{Name}: cannot extrapolate: {where}. Only gaps between two known values can be filled; trim the series first.");
        }

        var before = first;
        for (var i = first + 1; i <= last; i++)
        {
            if (double.IsNaN(filled[i])) continue;
            if (i > before + 1)
            {
                double x0 = Dates[before].DayNumber, x1 = Dates[i].DayNumber;
                for (var j = before + 1; j < i; j++)
                    filled[j] = filled[before] + (filled[i] - filled[before]) * (Dates[j].DayNumber - x0) / (x1 - x0);
            }
            before = i;
        }
        return this with { Values = filled };
    }

    /// <summary>The values as float32, the precision a model trains in (missing values stay NaN).</summary>
    public float[] ToFloatArray() => [.. Values.Select(v => (float)v)];
}
