using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests;

/// <summary>
/// Checks autograd against central finite differences in float64: for a random projection
/// L = Σ w ⊙ f(inputs), the analytic dL/dx from backward() must equal (L(x+ε) − L(x−ε)) / 2ε
/// for every element of every input that requires grad.
/// </summary>
public static class GradCheck
{
    public const double Epsilon = 1e-6;
    public const double AbsoluteTolerance = 1e-6;
    public const double RelativeTolerance = 1e-5;

    public static void Check(Func<Tensor[], Tensor> function, params Tensor[] inputs)
    {
        foreach (var input in inputs)
            if (input.requires_grad && input.dtype != float64)
                throw new ArgumentException("GradCheck needs float64 inputs: float32 finite differences are too noisy.");

        Tensor output;
        using (no_grad()) output = function(inputs);
        var weights = randn(output.shape, dtype: output.dtype, generator: new Generator(1234));

        foreach (var input in inputs) input.grad = null;
        (function(inputs) * weights).sum().backward();

        for (var i = 0; i < inputs.Length; i++)
        {
            var input = inputs[i];
            if (!input.requires_grad) continue;
            var analytic = input.grad?.data<double>().ToArray() ?? new double[input.numel()];
            var values = input.data<double>();
            for (long e = 0; e < input.numel(); e++)
            {
                var original = values[e];
                values[e] = original + Epsilon;
                var plus = Projected(function, inputs, weights);
                values[e] = original - Epsilon;
                var minus = Projected(function, inputs, weights);
                values[e] = original;
                var numeric = (plus - minus) / (2 * Epsilon);
                var tolerance = AbsoluteTolerance + RelativeTolerance * Math.Abs(numeric);
                Assert.True(Math.Abs(analytic[e] - numeric) <= tolerance,
                    $"input {i} element {e}: autograd gives {analytic[e]:G10}, finite differences {numeric:G10}");
            }
        }
    }

    private static double Projected(Func<Tensor[], Tensor> function, Tensor[] inputs, Tensor weights)
    {
        using (no_grad()) return (function(inputs) * weights).sum().item<double>();
    }

    /// <summary>A float64 leaf with values in a range where every op under test is smooth.</summary>
    public static Tensor Input(params long[] shape) =>
        (rand(shape, dtype: float64, generator: new Generator(shape.Sum() + shape.Length)) + 0.5).detach().requires_grad_();
}
