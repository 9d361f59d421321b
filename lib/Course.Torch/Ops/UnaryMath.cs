using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Course.Torch.Kernels;

namespace Course.Torch;

public static partial class torch
{
    // Elementwise functions of one tensor. Each forward runs a SIMD kernel (TensorPrimitives) and its
    // backward, right below it, is the textbook derivative written with ordinary tensor ops:
    // dL/dx = dL/dy · f'(x). Where f' is easier to express through the output y = f(x), the closure
    // captures y instead of x (exp, sqrt, reciprocal), as PyTorch does.

    /// <summary>eˣ. Backward: d/dx eˣ = eˣ, so the gradient is g·y.</summary>
    public static Tensor exp(Tensor input)
    {
        var y = Elementwise.Unary<ExpKernel>("exp", input);
        return y.WithGradFn("ExpBackward0", g => [g * y.detach()], input);
    }

    /// <summary>Natural logarithm (log of a negative number is NaN, log 0 = -∞). Backward: g/x.</summary>
    public static Tensor log(Tensor input) =>
        Elementwise.Unary<LogKernel>("log", input)
            .WithGradFn("LogBackward0", g => [g / input], input);

    /// <summary>log(1 + x), accurate also when x is tiny. Backward: g/(1 + x).</summary>
    public static Tensor log1p(Tensor input) =>
        Elementwise.Unary<LogP1Kernel>("log1p", input)
            .WithGradFn("Log1PBackward0", g => [g / (input + 1.0)], input);

    /// <summary>eˣ − 1, accurate also when x is tiny. Backward: g·(y + 1).</summary>
    public static Tensor expm1(Tensor input)
    {
        var y = Elementwise.Unary<ExpM1Kernel>("expm1", input);
        return y.WithGradFn("Expm1Backward0", g => [g * (y.detach() + 1.0)], input);
    }

    /// <summary>√x. Backward: d/dx √x = 1/(2√x), so the gradient is g/(2y).</summary>
    public static Tensor sqrt(Tensor input)
    {
        var y = Elementwise.Unary<SqrtKernel>("sqrt", input);
        return y.WithGradFn("SqrtBackward0", g => [g / (2.0 * y.detach())], input);
    }

    /// <summary>1/√x. Backward: d/dx x^(-1/2) = −½·x^(-3/2) = −½·y³.</summary>
    public static Tensor rsqrt(Tensor input)
    {
        var y = Elementwise.Unary<ReciprocalSqrtKernel>("rsqrt", input);
        return y.WithGradFn("RsqrtBackward0", g => { var r = y.detach(); return [g * r * r * r * -0.5]; }, input);
    }

    /// <summary>1/x. Backward: d/dx x⁻¹ = −x⁻² = −y².</summary>
    public static Tensor reciprocal(Tensor input)
    {
        var y = Elementwise.Unary<ReciprocalKernel>("reciprocal", input);
        return y.WithGradFn("ReciprocalBackward0", g => { var r = y.detach(); return [-g * r * r]; }, input);
    }

    public static Tensor sin(Tensor input) =>
        Elementwise.Unary<SinKernel>("sin", input)
            .WithGradFn("SinBackward0", g => [g * cos(input)], input);

    public static Tensor cos(Tensor input) =>
        Elementwise.Unary<CosKernel>("cos", input)
            .WithGradFn("CosBackward0", g => [-g * sin(input)], input);

    /// <summary>|x|, also for int64. Backward: g·sign(x) (0 at x = 0, as PyTorch chooses).</summary>
    public static Tensor abs(Tensor input) =>
        Elementwise.NumericUnary<AbsKernel>("abs", input)
            .WithGradFn("AbsBackward0", g => [g * sign(input)], input);

    /// <summary>−1, 0 or +1 by the sign of each element (NaN gives 0). Its gradient is zero everywhere it exists.</summary>
    public static Tensor sign(Tensor input) =>
        Elementwise.NumericUnary<SignKernel>("sign", input)
            .WithGradFn("SignBackward0", g => [zeros_like(g)], input);

    /// <summary>
    /// xᵖ for a number p. An int64 tensor stays int64 for a whole exponent ≥ 0 (arange(4).pow(2)), as in
    /// PyTorch; other exponents need a floating-point tensor. Backward: g·p·xᵖ⁻¹.
    /// </summary>
    public static Tensor pow(Tensor input, double exponent)
    {
        if (input.dtype == ScalarType.Int64 && exponent >= 0 && Math.Round(exponent) == exponent)
            return pow(input.to(ScalarType.Float64), exponent).to(ScalarType.Int64);
        return Elementwise.Unary<PowKernel>("pow", input, exponent)
            .WithGradFn("PowBackward0", g => [exponent == 0 ? zeros_like(g) : g * exponent * pow(input, exponent - 1)], input);
    }

    /// <summary>
    /// xʸ elementwise with broadcasting. Backward: ∂/∂x = y·xʸ⁻¹ and ∂/∂y = xʸ·ln x.
    /// </summary>
    public static Tensor pow(Tensor input, Tensor exponent)
    {
        var dtype = ResultType(input, exponent);
        if (!is_floating_point(dtype))
            throw new NotSupportedException($"pow: needs floating-point tensors, these are {input.dtype} and {exponent.dtype}; convert with .to(float32) first.");
        var result = Elementwise.Binary<PowTensorKernel>("pow", input, exponent, dtype);
        return result.WithGradFn("PowBackward1", g =>
        {
            // Where x = 0, xʸ·ln x is 0·(−∞) = NaN although the limit is 0 (for y > 0); using ln 1 = 0
            // at those places gives PyTorch's answer.
            var safeLog = log(input + input.eq(0));
            return [(g * exponent * pow(input, exponent - 1.0)).GradFor(input),
                    (g * result.detach() * safeLog).GradFor(exponent)];
        }, input, exponent);
    }

    /// <summary>
    /// The error function erf(x) = 2/√π ∫₀ˣ e^(−t²) dt, which exact GELU is built on.
    /// Backward: d/dx erf(x) = 2/√π · e^(−x²).
    /// </summary>
    public static Tensor erf(Tensor input) =>
        Elementwise.Unary<ErfKernel>("erf", input)
            .WithGradFn("ErfBackward0", g => [g * exp(-input * input) * (2 / Math.Sqrt(Math.PI))], input);

    /// <summary>x². Written as x·x, so the gradient (2x·g) comes from mul's backward.</summary>
    public static Tensor square(Tensor input) => input * input;

    public partial class Tensor
    {
        public Tensor exp() => torch.exp(this);
        public Tensor log() => torch.log(this);
        public Tensor log1p() => torch.log1p(this);
        public Tensor expm1() => torch.expm1(this);
        public Tensor sqrt() => torch.sqrt(this);
        public Tensor rsqrt() => torch.rsqrt(this);
        public Tensor reciprocal() => torch.reciprocal(this);
        public Tensor sin() => torch.sin(this);
        public Tensor cos() => torch.cos(this);
        public Tensor abs() => torch.abs(this);
        public Tensor sign() => torch.sign(this);
        public Tensor pow(double exponent) => torch.pow(this, exponent);
        public Tensor pow(Tensor exponent) => torch.pow(this, exponent);
        public Tensor square() => torch.square(this);
        public Tensor erf() => torch.erf(this);

        // In-place forms, for optimizers and initialisation under no_grad.
        public Tensor exp_() => CopyResult_("exp_", torch.exp(this));
        public Tensor sqrt_() => CopyResult_("sqrt_", torch.sqrt(this));
        public Tensor pow_(double exponent) => CopyResult_("pow_", torch.pow(this, exponent));
        public Tensor abs_() => CopyResult_("abs_", torch.abs(this));
    }

    private readonly struct ExpKernel : IUnaryKernel
    {
        public static void Apply<T>(ReadOnlySpan<T> x, Span<T> result) where T : unmanaged, IFloatingPointIeee754<T> => TensorPrimitives.Exp(x, result);
    }

    private readonly struct LogKernel : IUnaryKernel
    {
        public static void Apply<T>(ReadOnlySpan<T> x, Span<T> result) where T : unmanaged, IFloatingPointIeee754<T> => TensorPrimitives.Log(x, result);
    }

    // TensorPrimitives.LogP1/ExpM1 compute log(x + 1) and eˣ − 1 directly, which loses every digit
    // for tiny x, the very case these functions exist for; SpecialFunctions does it carefully.
    private readonly struct LogP1Kernel : IUnaryKernel
    {
        public static void Apply<T>(ReadOnlySpan<T> x, Span<T> result) where T : unmanaged, IFloatingPointIeee754<T>
        {
            for (var i = 0; i < x.Length; i++) result[i] = T.CreateTruncating(SpecialFunctions.Log1p(double.CreateTruncating(x[i])));
        }
    }

    private readonly struct ExpM1Kernel : IUnaryKernel
    {
        public static void Apply<T>(ReadOnlySpan<T> x, Span<T> result) where T : unmanaged, IFloatingPointIeee754<T>
        {
            for (var i = 0; i < x.Length; i++) result[i] = T.CreateTruncating(SpecialFunctions.Expm1(double.CreateTruncating(x[i])));
        }
    }

    private readonly struct SqrtKernel : IUnaryKernel
    {
        public static void Apply<T>(ReadOnlySpan<T> x, Span<T> result) where T : unmanaged, IFloatingPointIeee754<T> => TensorPrimitives.Sqrt(x, result);
    }

    private readonly struct ReciprocalSqrtKernel : IUnaryKernel
    {
        public static void Apply<T>(ReadOnlySpan<T> x, Span<T> result) where T : unmanaged, IFloatingPointIeee754<T> => TensorPrimitives.ReciprocalSqrt(x, result);
    }

    private readonly struct ReciprocalKernel : IUnaryKernel
    {
        public static void Apply<T>(ReadOnlySpan<T> x, Span<T> result) where T : unmanaged, IFloatingPointIeee754<T> => TensorPrimitives.Reciprocal(x, result);
    }

    private readonly struct SinKernel : IUnaryKernel
    {
        public static void Apply<T>(ReadOnlySpan<T> x, Span<T> result) where T : unmanaged, IFloatingPointIeee754<T> => TensorPrimitives.Sin(x, result);
    }

    private readonly struct CosKernel : IUnaryKernel
    {
        public static void Apply<T>(ReadOnlySpan<T> x, Span<T> result) where T : unmanaged, IFloatingPointIeee754<T> => TensorPrimitives.Cos(x, result);
    }

    private readonly struct AbsKernel : INumericUnaryKernel
    {
        public static void Apply<T>(ReadOnlySpan<T> x, Span<T> result) where T : unmanaged, INumber<T> => TensorPrimitives.Abs(x, result);
    }

    private readonly struct SignKernel : INumericUnaryKernel
    {
        // TensorPrimitives.Sign writes ints and throws on NaN; PyTorch gives sign(NaN) = 0.
        public static void Apply<T>(ReadOnlySpan<T> x, Span<T> result) where T : unmanaged, INumber<T>
        {
            for (var i = 0; i < x.Length; i++)
                result[i] = x[i] > T.Zero ? T.One : x[i] < T.Zero ? -T.One : T.Zero;
        }
    }

    private readonly struct ErfKernel : IUnaryKernel
    {
        public static void Apply<T>(ReadOnlySpan<T> x, Span<T> result) where T : unmanaged, IFloatingPointIeee754<T>
        {
            for (var i = 0; i < x.Length; i++)
                result[i] = T.CreateTruncating(SpecialFunctions.Erf(double.CreateTruncating(x[i])));
        }
    }

    private readonly struct PowKernel : IScalarKernel
    {
        public static void Apply<T>(ReadOnlySpan<T> x, T exponent, Span<T> result) where T : unmanaged, IFloatingPointIeee754<T> => TensorPrimitives.Pow(x, exponent, result);
    }

    private readonly struct PowTensorKernel : IBinaryKernel
    {
        // Binary kernels are instantiated for int64 too, which has no Pow; pow(Tensor, Tensor) only runs on floats.
        public static void Apply<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> result) where T : unmanaged, INumber<T>
        {
            if (typeof(T) == typeof(float))
                TensorPrimitives.Pow(MemoryMarshal.Cast<T, float>(x), MemoryMarshal.Cast<T, float>(y), MemoryMarshal.Cast<T, float>(result));
            else
                TensorPrimitives.Pow(MemoryMarshal.Cast<T, double>(x), MemoryMarshal.Cast<T, double>(y), MemoryMarshal.Cast<T, double>(result));
        }
    }
}
