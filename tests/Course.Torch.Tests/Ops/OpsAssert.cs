using static Course.Torch.torch;

namespace Course.Torch.Tests.Ops;

/// <summary>Compares a tensor's values (any floating dtype) with expected numbers.</summary>
internal static class OpsAssert
{
    public static void Close(double[] expected, Tensor actual, double tolerance = 1e-6)
    {
        var values = actual.to(float64).data<double>().ToArray();
        Assert.Equal(expected.Length, values.Length);
        for (var i = 0; i < values.Length; i++)
            Assert.True(Math.Abs(expected[i] - values[i]) <= tolerance || expected[i].Equals(values[i]),
                $"element {i}: expected {expected[i]:G10}, got {values[i]:G10}");
    }
}
