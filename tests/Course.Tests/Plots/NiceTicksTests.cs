using Course.Plots;

namespace Course.Tests.Plots;

public sealed class NiceTicksTests
{
    [Theory]
    [InlineData(0, 1, 5, new[] { 0, 0.2, 0.4, 0.6, 0.8, 1 })]
    [InlineData(0, 10, 5, new[] { 0.0, 2, 4, 6, 8, 10 })]
    [InlineData(-3.6, 3.6, 3, new[] { -2.0, 0, 2 })]
    [InlineData(0.1, 0.35, 5, new[] { 0.1, 0.15, 0.2, 0.25, 0.3, 0.35 })]
    [InlineData(3, 97, 4, new[] { 20.0, 40, 60, 80 })]
    [InlineData(10, 0, 2, new[] { 0.0, 5, 10 })]
    [InlineData(1, 1, 5, new[] { 1.0 })]
    public void LinearTicksStepByOneTwoOrFive(double from, double to, int count, double[] expected) =>
        Assert.Equal(expected, NiceTicks.Linear(from, to, count));

    [Theory]
    [InlineData(7.0, 5, 2.0)]
    [InlineData(10.0, 5, 2.0)]
    [InlineData(11.0, 5, 5.0)]
    [InlineData(0.9, 1, 1.0)]
    [InlineData(0.03, 3, 0.01)]
    public void StepIsTheSmallestNiceStepWithinTheCount(double span, int maxCount, double expected) =>
        Assert.Equal(expected, NiceTicks.Step(span, maxCount), 12);

    [Fact]
    public void LabelsUseTheStepsDecimalsSuffixesAndATrueMinus()
    {
        Assert.Equal(["0.0", "0.5", "1.0"], NiceTicks.Labels([0, 0.5, 1], 0.5));
        Assert.Equal(["−2", "0", "2"], NiceTicks.Labels([-2, 0, 2], 2));
        Assert.Equal(["0", "20k", "40k"], NiceTicks.Labels([0, 20000, 40000], 20000));
        Assert.Equal(["1", "1.5", "2"], NiceTicks.Labels([1, 1.5, 2], 0)); // uneven ticks: decimals per value
        Assert.Equal(["0.3"], NiceTicks.Labels([0.1 + 0.2], 0.1));
    }

    [Fact]
    public void LogTicksArePowersOfTenOrOneTwoFive()
    {
        Assert.Equal([0.01, 0.1, 1, 10, 100], NiceTicks.Log(-2, 2, 10));
        Assert.Equal([1, 100, 10000, 1e6], NiceTicks.Log(0, 6.2, 4));
        Assert.Equal([0.1, 0.2, 0.5, 1, 2], NiceTicks.Log(-1.2, 0.4, 8));
    }

    [Fact]
    public void CompactNumbersForCellsAndProgress()
    {
        Assert.Equal("1234", NiceTicks.Compact(1234, 4));
        Assert.Equal("0.412", NiceTicks.Compact(0.41234));
        Assert.Equal("−3", NiceTicks.Compact(-3));
        Assert.Equal("NaN", NiceTicks.Compact(double.NaN));
    }
}
