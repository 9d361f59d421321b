using System.Numerics;
using System.Numerics.Tensors;
using Course.Torch.Kernels;

namespace Course.Torch;

public static partial class torch
{
    /// <summary>
    /// Limits every element to [min, max]; either bound may be left out. An int64 tensor clamped to a
    /// fractional bound becomes floating point, as in PyTorch. Backward: the gradient passes where
    /// min ≤ x ≤ max and is 0 where the bound took over.
    /// </summary>
    public static Tensor clamp(Tensor input, double? min = null, double? max = null)
    {
        if (min is null && max is null)
            throw new ArgumentException("clamp: give at least one of min and max.");
        var lower = min is { } lo ? ScalarLike(lo, input) : null;
        var upper = max is { } hi ? ScalarLike(hi, input) : null;
        var dtype = input.dtype;
        if (lower is not null) dtype = ResultType(input, lower);
        if (upper is not null) dtype = promote_types(dtype, ResultType(input, upper));
        var result = input.detach();
        // Applying max(x, min) before min(·, max) means min > max gives max everywhere, as in PyTorch.
        if (lower is not null) result = Elementwise.Binary<MaximumKernel>("clamp", result, lower, dtype);
        if (upper is not null) result = Elementwise.Binary<MinimumKernel>("clamp", result, upper, dtype);
        return result.WithGradFn("ClampBackward1", g =>
        {
            var inside = lower is null ? input.le(upper!) : upper is null ? input.ge(lower) : input.ge(lower) & input.le(upper);
            return [g * inside.to(g.dtype)];
        }, input);
    }

    public static Tensor clamp_min(Tensor input, double min) => clamp(input, min, null);
    public static Tensor clamp_max(Tensor input, double max) => clamp(input, null, max);

    /// <summary>Another name for <see cref="clamp"/> (NumPy's).</summary>
    public static Tensor clip(Tensor input, double? min = null, double? max = null) => clamp(input, min, max);

    /// <summary>
    /// The elementwise larger of two tensors, with broadcasting (NaN wins, as in PyTorch). Backward: the
    /// gradient goes to whichever was larger; at ties each receives half.
    /// </summary>
    public static Tensor maximum(Tensor input, Tensor other) =>
        Elementwise.Binary<MaximumKernel>("maximum", input, other, ResultType(input, other))
            .WithGradFn("MaximumBackward0", g => SplitBetween(g, input, other, input.gt(other)), input, other);

    /// <summary>The elementwise smaller of two tensors, with broadcasting. Backward as <see cref="maximum"/>.</summary>
    public static Tensor minimum(Tensor input, Tensor other) =>
        Elementwise.Binary<MinimumKernel>("minimum", input, other, ResultType(input, other))
            .WithGradFn("MinimumBackward0", g => SplitBetween(g, input, other, input.lt(other)), input, other);

    /// <summary>Sends g to <paramref name="input"/> where it won, to <paramref name="other"/> where it lost, half each at ties.</summary>
    private static Tensor?[] SplitBetween(Tensor g, Tensor input, Tensor other, Tensor inputWins)
    {
        var share = inputWins.to(g.dtype) + input.eq(other).to(g.dtype) * 0.5;
        return [(g * share).GradFor(input), (g * (1.0 - share)).GradFor(other)];
    }

    public partial class Tensor
    {
        public Tensor clamp(double? min = null, double? max = null) => torch.clamp(this, min, max);
        public Tensor clamp_min(double min) => torch.clamp(this, min, null);
        public Tensor clamp_max(double max) => torch.clamp(this, null, max);
        public Tensor clip(double? min = null, double? max = null) => torch.clamp(this, min, max);
        public Tensor maximum(Tensor other) => torch.maximum(this, other);
        public Tensor minimum(Tensor other) => torch.minimum(this, other);

        public Tensor clamp_(double? min = null, double? max = null) => CopyResult_("clamp_", torch.clamp(this, min, max));
        public Tensor clamp_min_(double min) => CopyResult_("clamp_min_", torch.clamp(this, min, null));
        public Tensor clamp_max_(double max) => CopyResult_("clamp_max_", torch.clamp(this, null, max));
    }

    private readonly struct MaximumKernel : IBinaryKernel
    {
        public static void Apply<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> result) where T : unmanaged, INumber<T> => TensorPrimitives.Max(x, y, result);
    }

    private readonly struct MinimumKernel : IBinaryKernel
    {
        public static void Apply<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> result) where T : unmanaged, INumber<T> => TensorPrimitives.Min(x, y, result);
    }
}
