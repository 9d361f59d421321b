using System.Numerics;
using System.Numerics.Tensors;
using Course.Torch.Kernels;

namespace Course.Torch;

public static partial class torch
{
    // Each op: forward with broadcasting, then its backward right below it. Gradients of a broadcast
    // operand are summed back to its own shape (GradFor).

    /// <summary>input + alpha * other, with broadcasting.</summary>
    public static Tensor add(Tensor input, Tensor other, double alpha = 1)
    {
        if (alpha != 1) other = other * alpha;
        return Elementwise.Binary<AddKernel>("add", input, other, ResultType(input, other))
            .WithGradFn("AddBackward0", g => [g.GradFor(input), g.GradFor(other)], input, other);
    }

    /// <summary>input - alpha * other, with broadcasting.</summary>
    public static Tensor sub(Tensor input, Tensor other, double alpha = 1)
    {
        if (alpha != 1) other = other * alpha;
        return Elementwise.Binary<SubtractKernel>("sub", input, other, ResultType(input, other))
            .WithGradFn("SubBackward0", g => [g.GradFor(input), (-g).GradFor(other)], input, other);
    }

    /// <summary>Elementwise product: d(xy)/dx = y, d(xy)/dy = x.</summary>
    public static Tensor mul(Tensor input, Tensor other) =>
        Elementwise.Binary<MultiplyKernel>("mul", input, other, ResultType(input, other))
            .WithGradFn("MulBackward0", g => [(g * other).GradFor(input), (g * input).GradFor(other)], input, other);

    /// <summary>True division (integers give floats, as in PyTorch): d(x/y)/dx = 1/y, d(x/y)/dy = -x/y².</summary>
    public static Tensor div(Tensor input, Tensor other)
    {
        var dtype = ResultType(input, other);
        if (!is_floating_point(dtype)) dtype = default_dtype;
        return Elementwise.Binary<DivideKernel>("div", input, other, dtype)
            .WithGradFn("DivBackward0", g => [(g / other).GradFor(input), (-g * input / (other * other)).GradFor(other)], input, other);
    }

    public static Tensor neg(Tensor input) =>
        Elementwise.Binary<MultiplyKernel>("neg", input, ScalarLike(-1, input), input.dtype)
            .WithGradFn("NegBackward0", g => [-g], input);

    /// <summary>
    /// The dtype of a binary op's result, by PyTorch's rule: a 0-d tensor (including one made from a C#
    /// number) only decides the dtype when it is of a higher category (bool &lt; integer &lt; floating)
    /// than the operand with dimensions. So <c>x_float32 * 2.0</c> and <c>x_float32 * tensor(2.0)</c>
    /// stay float32, while <c>x_int64 * 2.5</c> becomes floating.
    /// </summary>
    internal static ScalarType ResultType(Tensor a, Tensor b)
    {
        if ((a.Dimensions == 0) == (b.Dimensions == 0)) return promote_types(a.dtype, b.dtype);
        var (dimensioned, zeroDim) = a.Dimensions > 0 ? (a, b) : (b, a);
        return Category(zeroDim.dtype) <= Category(dimensioned.dtype) ? dimensioned.dtype : zeroDim.dtype;
    }

    private static int Category(ScalarType dtype) => dtype switch
    {
        ScalarType.Bool => 0,
        ScalarType.Int64 => 1,
        _ => 2,
    };

    /// <summary>A 0-d tensor holding a C# number, typed to combine with <paramref name="like"/> as PyTorch would.</summary>
    internal static Tensor ScalarLike(double value, Tensor like)
    {
        var dtype = like.is_floating_point() ? like.dtype
            : like.dtype == ScalarType.Int64 && Math.Round(value) == value ? ScalarType.Int64
            : default_dtype;
        return full([], value, dtype);
    }

    public partial class Tensor
    {
        /// <summary>This gradient summed back over broadcast dimensions and cast to <paramref name="input"/>'s dtype.</summary>
        internal Tensor GradFor(Tensor input) => sum_to_size(input._shape).to(input.dtype);

        public Tensor add(Tensor other) => torch.add(this, other);
        public Tensor add(Tensor other, double alpha) => torch.add(this, other, alpha);
        public Tensor add(double other) => torch.add(this, ScalarLike(other, this));
        public Tensor sub(Tensor other) => torch.sub(this, other);
        public Tensor sub(double other) => torch.sub(this, ScalarLike(other, this));
        public Tensor mul(Tensor other) => torch.mul(this, other);
        public Tensor mul(double other) => torch.mul(this, ScalarLike(other, this));
        public Tensor div(Tensor other) => torch.div(this, other);
        public Tensor div(double other) => torch.div(this, ScalarLike(other, this));
        public Tensor neg() => torch.neg(this);

        public static Tensor operator +(Tensor a, Tensor b) => torch.add(a, b);
        public static Tensor operator +(Tensor a, double b) => torch.add(a, ScalarLike(b, a));
        public static Tensor operator +(double a, Tensor b) => torch.add(ScalarLike(a, b), b);
        public static Tensor operator -(Tensor a, Tensor b) => torch.sub(a, b);
        public static Tensor operator -(Tensor a, double b) => torch.sub(a, ScalarLike(b, a));
        public static Tensor operator -(double a, Tensor b) => torch.sub(ScalarLike(a, b), b);
        public static Tensor operator *(Tensor a, Tensor b) => torch.mul(a, b);
        public static Tensor operator *(Tensor a, double b) => torch.mul(a, ScalarLike(b, a));
        public static Tensor operator *(double a, Tensor b) => torch.mul(ScalarLike(a, b), b);
        public static Tensor operator /(Tensor a, Tensor b) => torch.div(a, b);
        public static Tensor operator /(Tensor a, double b) => torch.div(a, ScalarLike(b, a));
        public static Tensor operator /(double a, Tensor b) => torch.div(ScalarLike(a, b), b);
        public static Tensor operator -(Tensor a) => torch.neg(a);

        // ---- in-place forms (for updates under no_grad, e.g. in optimizers) ----------------------

        public Tensor add_(Tensor other, double alpha = 1) => CopyResult_("add_", torch.add(this, other, alpha));
        public Tensor add_(double other) => CopyResult_("add_", torch.add(this, ScalarLike(other, this)));
        public Tensor sub_(Tensor other, double alpha = 1) => CopyResult_("sub_", torch.sub(this, other, alpha));
        public Tensor sub_(double other) => CopyResult_("sub_", torch.sub(this, ScalarLike(other, this)));
        public Tensor mul_(Tensor other) => CopyResult_("mul_", torch.mul(this, other));
        public Tensor mul_(double other) => CopyResult_("mul_", torch.mul(this, ScalarLike(other, this)));
        public Tensor div_(Tensor other) => CopyResult_("div_", torch.div(this, other));
        public Tensor div_(double other) => CopyResult_("div_", torch.div(this, ScalarLike(other, this)));

        /// <summary>
        /// Stores an op's result into this tensor: the shared tail of every in-place op. The result must
        /// have exactly this shape (in-place ops may broadcast the other operand, never this one).
        /// </summary>
        internal Tensor CopyResult_(string op, Tensor result)
        {
            CheckInPlaceAllowed(op);
            if (is_grad_enabled() && result.requires_grad)
                throw new InvalidOperationException(
                    $"{op}: the other operand requires grad, and an in-place update would drop its gradient. Use the out-of-place form (e.g. `x = x.add(w)`).");
            if (!result._shape.AsSpan().SequenceEqual(_shape))
                throw new ArgumentException($"{op}: the result has shape ({result.ShapeText}) but this tensor has shape ({ShapeText}); in-place ops cannot change the shape.");
            return copy_(result);
        }
    }

    private readonly struct AddKernel : IBinaryKernel
    {
        public static void Apply<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> result) where T : unmanaged, INumber<T> => TensorPrimitives.Add(x, y, result);
    }

    private readonly struct SubtractKernel : IBinaryKernel
    {
        public static void Apply<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> result) where T : unmanaged, INumber<T> => TensorPrimitives.Subtract(x, y, result);
    }

    private readonly struct MultiplyKernel : IBinaryKernel
    {
        public static void Apply<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> result) where T : unmanaged, INumber<T> => TensorPrimitives.Multiply(x, y, result);
    }

    private readonly struct DivideKernel : IBinaryKernel
    {
        public static void Apply<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> result) where T : unmanaged, INumber<T> => TensorPrimitives.Divide(x, y, result);
    }
}
