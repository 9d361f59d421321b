using Course.Sequences;

namespace Course.Tests.Sequences;

public class SeriesWindowsTests
{
    private static readonly float[] Series = [.. Enumerable.Range(0, 10).Select(i => (float)i)];

    [Fact]
    public void Windows_end_where_the_targets_would_leave_the_range()
    {
        var (inputs, targets) = SeriesWindows.Make(Series, inputLength: 3, horizon: 2, firstTarget: 4, endTarget: 8);
        Assert.Equal(new long[] { 3, 3, 1 }, inputs.shape);           // t = 4, 5, 6
        Assert.Equal(new long[] { 3, 2 }, targets.shape);
        Assert.Equal(new float[] { 1, 2, 3 }, inputs[0].flatten().data<float>().ToArray());   // reaches back before firstTarget
        Assert.Equal(new float[] { 4, 5 }, targets[0].data<float>().ToArray());
        Assert.Equal(new float[] { 3, 4, 5 }, inputs[2].flatten().data<float>().ToArray());
        Assert.Equal(new float[] { 6, 7 }, targets[2].data<float>().ToArray());            // the last target is 7 < endTarget
    }

    [Fact]
    public void Bad_windows_are_refused_saying_why()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SeriesWindows.Make(Series, 0, 1, 3, 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => SeriesWindows.Make(Series, 2, 0, 3, 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => SeriesWindows.Make(Series, 2, 1, 3, 11));
        Assert.Contains("before the series begins", Assert.Throws<ArgumentException>(() => SeriesWindows.Make(Series, 4, 1, 3, 8)).Message);
        Assert.Contains("no window fits", Assert.Throws<ArgumentException>(() => SeriesWindows.Make(Series, 2, 4, 3, 5)).Message);
        var gap = (float[])Series.Clone();
        gap[2] = float.NaN;
        Assert.Contains("value 2 is NaN", Assert.Throws<ArgumentException>(() => SeriesWindows.Make(gap, 2, 1, 3, 8)).Message);
    }
}
