using Course.Datasets;

namespace Course.Tests.Datasets;

public class TimeSeriesTests
{
    private static readonly DateOnly Start = new(2001, 1, 6);

    private static TimeSeries Weekly(params double[] values) =>
        new("test", [.. values.Select((_, i) => Start.AddDays(7 * i))], values);

    [Fact]
    public void Interior_gaps_are_filled_on_the_line_between_their_neighbours()
    {
        var series = Weekly(1, double.NaN, double.NaN, 7, 8, double.NaN, 6);
        Assert.Equal(3, series.MissingCount);
        var filled = series.FillGapsLinearly();
        Assert.Equal(new double[] { 1, 3, 5, 7, 8, 7, 6 }, filled.Values);
        Assert.Equal(0, filled.MissingCount);
        Assert.Equal(series.Dates, filled.Dates);
        Assert.Equal(3, series.MissingCount); // the original is left as it was
    }

    [Fact]
    public void Uneven_dates_interpolate_in_proportion_to_time()
    {
        // Day 0 = 0, day 1 missing, day 4 = 8: day 1 lies a quarter of the way, 2.
        var series = new TimeSeries("uneven", [Start, Start.AddDays(1), Start.AddDays(4)], [0, double.NaN, 8]);
        Assert.Equal(new double[] { 0, 2, 8 }, series.FillGapsLinearly().Values);
    }

    [Fact]
    public void Gaps_at_either_end_cannot_be_extrapolated()
    {
        var leading = Assert.Throws<InvalidOperationException>(() => Weekly(double.NaN, double.NaN, 3, 4).FillGapsLinearly());
        Assert.Contains("cannot extrapolate", leading.Message);
        Assert.Contains("first 2 values", leading.Message);
        var trailing = Assert.Throws<InvalidOperationException>(() => Weekly(3, 4, double.NaN).FillGapsLinearly());
        Assert.Contains("cannot extrapolate", trailing.Message);
        Assert.Contains("last 1 values", trailing.Message);
        Assert.Contains("all 2 values are missing", Assert.Throws<InvalidOperationException>(() => Weekly(double.NaN, double.NaN).FillGapsLinearly()).Message);
    }

    [Fact]
    public void ToFloatArray_keeps_missing_values_as_NaN()
    {
        Assert.Equal(new[] { 1.5f, float.NaN, 2f }, Weekly(1.5, double.NaN, 2).ToFloatArray());
    }
}
