using System.Numerics;
using System.Numerics.Tensors;
using Course.Torch.Kernels;

namespace Course.Torch;

public static partial class torch
{
    // The nonlinearities between layers. Their derivatives are cheapest in terms of the output
    // (σ' = σ(1−σ), tanh' = 1−tanh²), so the backward closures capture the output y.

    /// <summary>Hyperbolic tangent, squashing into (−1, 1). Backward: g·(1 − y²).</summary>
    public static Tensor tanh(Tensor input)
    {
        var y = Elementwise.Unary<TanhKernel>("tanh", input);
        return y.WithGradFn("TanhBackward0", g => { var t = y.detach(); return [g * (1.0 - t * t)]; }, input);
    }

    /// <summary>The logistic function σ(x) = 1/(1 + e⁻ˣ), squashing into (0, 1). Backward: g·y·(1 − y).</summary>
    public static Tensor sigmoid(Tensor input)
    {
        var y = Elementwise.Unary<SigmoidKernel>("sigmoid", input);
        return y.WithGradFn("SigmoidBackward0", g => { var s = y.detach(); return [g * s * (1.0 - s)]; }, input);
    }

    /// <summary>max(x, 0). Backward: the gradient passes where the output is positive and is 0 elsewhere (also at x = 0).</summary>
    public static Tensor relu(Tensor input)
    {
        var y = Elementwise.NumericUnary<ReluKernel>("relu", input);
        return y.WithGradFn("ReluBackward0", g => [Elementwise.Binary<PassWherePositiveKernel>("relu backward", g, y.detach(), g.dtype)], input);
    }

    /// <summary>x for x &gt; 0, negative_slope·x otherwise. Backward: g or negative_slope·g.</summary>
    public static Tensor leaky_relu(Tensor input, double negative_slope = 0.01) =>
        Elementwise.Unary<LeakyReluKernel>("leaky_relu", input, negative_slope)
            .WithGradFn("LeakyReluBackward0", g => [g * (input.gt(0).to(input.dtype) * (1 - negative_slope) + negative_slope)], input);

    /// <summary>
    /// Gaussian Error Linear Unit x·Φ(x), with Φ the standard normal CDF. PyTorch's default is the exact
    /// form Φ(x) = ½(1 + erf(x/√2)); <paramref name="approximate"/> = "tanh" selects the older
    /// approximation ½x(1 + tanh(√(2/π)(x + 0.044715x³))). Backward: g·(Φ(x) + x·φ(x)), φ the normal density.
    /// </summary>
    public static Tensor gelu(Tensor input, string approximate = "none") => approximate switch
    {
        "none" => Elementwise.Unary<GeluKernel>("gelu", input)
            .WithGradFn("GeluBackward0", g =>
            {
                var cdf = 0.5 * (1.0 + erf(input * Math.Sqrt(0.5)));
                var pdf = exp(-0.5 * input * input) * (1 / Math.Sqrt(2 * Math.PI));
                return [g * (cdf + input * pdf)];
            }, input),
        "tanh" => Elementwise.Unary<GeluTanhKernel>("gelu", input)
            .WithGradFn("GeluBackward0", g =>
            {
                var inner = GeluTanhScale * (input + GeluTanhCubic * input * input * input);
                var t = tanh(inner);
                var innerDerivative = GeluTanhScale * (1.0 + 3 * GeluTanhCubic * input * input);
                return [g * (0.5 * (1.0 + t) + 0.5 * input * (1.0 - t * t) * innerDerivative)];
            }, input),
        _ => throw new ArgumentException($"gelu: approximate must be \"none\" or \"tanh\", got \"{approximate}\"."),
    };

    private static readonly double GeluTanhScale = Math.Sqrt(2 / Math.PI);
    private const double GeluTanhCubic = 0.044715;

    public partial class Tensor
    {
        public Tensor tanh() => torch.tanh(this);
        public Tensor sigmoid() => torch.sigmoid(this);
        public Tensor relu() => torch.relu(this);
        public Tensor leaky_relu(double negative_slope = 0.01) => torch.leaky_relu(this, negative_slope);
        public Tensor gelu(string approximate = "none") => torch.gelu(this, approximate);

        public Tensor tanh_() => CopyResult_("tanh_", torch.tanh(this));
        public Tensor sigmoid_() => CopyResult_("sigmoid_", torch.sigmoid(this));
        public Tensor relu_() => CopyResult_("relu_", torch.relu(this));
    }

    private readonly struct TanhKernel : IUnaryKernel
    {
        public static void Apply<T>(ReadOnlySpan<T> x, Span<T> result) where T : unmanaged, IFloatingPointIeee754<T> => TensorPrimitives.Tanh(x, result);
    }

    private readonly struct SigmoidKernel : IUnaryKernel
    {
        public static void Apply<T>(ReadOnlySpan<T> x, Span<T> result) where T : unmanaged, IFloatingPointIeee754<T> => TensorPrimitives.Sigmoid(x, result);
    }

    private readonly struct ReluKernel : INumericUnaryKernel
    {
        public static void Apply<T>(ReadOnlySpan<T> x, Span<T> result) where T : unmanaged, INumber<T> => TensorPrimitives.Max(x, T.Zero, result);
    }

    /// <summary>result = y &gt; 0 ? g : 0, the whole of relu's backward in one SIMD pass.</summary>
    private readonly struct PassWherePositiveKernel : IBinaryKernel
    {
        public static void Apply<T>(ReadOnlySpan<T> g, ReadOnlySpan<T> y, Span<T> result) where T : unmanaged, INumber<T>
        {
            var i = 0;
            if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
                for (; i <= result.Length - Vector<T>.Count; i += Vector<T>.Count)
                {
                    var positive = Vector.GreaterThan(new Vector<T>(y[i..]), Vector<T>.Zero);
                    Vector.ConditionalSelect(positive, new Vector<T>(g[i..]), Vector<T>.Zero).CopyTo(result[i..]);
                }
            for (; i < result.Length; i++) result[i] = y[i] > T.Zero ? g[i] : T.Zero;
        }
    }

    private readonly struct LeakyReluKernel : IScalarKernel
    {
        public static void Apply<T>(ReadOnlySpan<T> x, T slope, Span<T> result) where T : unmanaged, IFloatingPointIeee754<T>
        {
            var i = 0;
            if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
                for (; i <= result.Length - Vector<T>.Count; i += Vector<T>.Count)
                {
                    var v = new Vector<T>(x[i..]);
                    Vector.ConditionalSelect(Vector.GreaterThan(v, Vector<T>.Zero), v, v * slope).CopyTo(result[i..]);
                }
            for (; i < result.Length; i++) result[i] = x[i] > T.Zero ? x[i] : x[i] * slope;
        }
    }

    private readonly struct GeluKernel : IUnaryKernel
    {
        public static void Apply<T>(ReadOnlySpan<T> x, Span<T> result) where T : unmanaged, IFloatingPointIeee754<T>
        {
            for (var i = 0; i < x.Length; i++)
            {
                var v = double.CreateTruncating(x[i]);
                result[i] = T.CreateTruncating(0.5 * v * (1 + SpecialFunctions.Erf(v * Math.Sqrt(0.5))));
            }
        }
    }

    private readonly struct GeluTanhKernel : IUnaryKernel
    {
        public static void Apply<T>(ReadOnlySpan<T> x, Span<T> result) where T : unmanaged, IFloatingPointIeee754<T>
        {
            for (var i = 0; i < x.Length; i++)
            {
                var v = double.CreateTruncating(x[i]);
                result[i] = T.CreateTruncating(0.5 * v * (1 + Math.Tanh(GeluTanhScale * (v + GeluTanhCubic * v * v * v))));
            }
        }
    }
}
