using System.Numerics;
using Course.Torch.Kernels;

namespace Course.Torch;

public static partial class torch
{
    // Comparisons give Bool tensors (masks), broadcasting like arithmetic and comparing in the promoted
    // dtype (int64 vs 0.5 compares as floats). They have no gradient: a mask is piecewise constant.

    public static Tensor eq(Tensor input, Tensor other) => Compare<EqualKernel>("eq", input, other);
    public static Tensor ne(Tensor input, Tensor other) => Compare<NotEqualKernel>("ne", input, other);
    public static Tensor lt(Tensor input, Tensor other) => Compare<LessKernel>("lt", input, other);
    public static Tensor le(Tensor input, Tensor other) => Compare<LessOrEqualKernel>("le", input, other);
    public static Tensor gt(Tensor input, Tensor other) => Compare<LessKernel>("gt", other, input);
    public static Tensor ge(Tensor input, Tensor other) => Compare<LessOrEqualKernel>("ge", other, input);

    public static Tensor eq(Tensor input, double other) => input.eq(other);
    public static Tensor ne(Tensor input, double other) => input.ne(other);
    public static Tensor lt(Tensor input, double other) => input.lt(other);
    public static Tensor le(Tensor input, double other) => input.le(other);
    public static Tensor gt(Tensor input, double other) => input.gt(other);
    public static Tensor ge(Tensor input, double other) => input.ge(other);

    private static Tensor Compare<K>(string op, Tensor input, Tensor other) where K : IPredicateKernel =>
        Elementwise.Predicate<K>(op, input, other, ResultType(input, other));

    /// <summary>Elementwise AND of truth values (nonzero counts as true), with broadcasting.</summary>
    public static Tensor logical_and(Tensor input, Tensor other) => Compare<AndKernel>("logical_and", input, other);
    public static Tensor logical_or(Tensor input, Tensor other) => Compare<OrKernel>("logical_or", input, other);
    public static Tensor logical_xor(Tensor input, Tensor other) => Compare<XorKernel>("logical_xor", input, other);
    public static Tensor logical_not(Tensor input) => input.eq(0);

    /// <summary>True where an element is NaN. NaN is the only value that differs from itself.</summary>
    public static Tensor isnan(Tensor input) => input.ne(input);

    /// <summary>True where an element is neither infinite nor NaN (|x| &lt; ∞ is false for both).</summary>
    public static Tensor isfinite(Tensor input) =>
        input.is_floating_point() ? input.abs().lt(double.PositiveInfinity) : ones_like(input, ScalarType.Bool);

    /// <summary>True where an element is +∞ or −∞.</summary>
    public static Tensor isinf(Tensor input) =>
        input.is_floating_point() ? input.abs().eq(double.PositiveInfinity) : zeros_like(input, ScalarType.Bool);

    /// <summary>
    /// Elementwise |input − other| ≤ atol + rtol·|other| (the tolerance is relative to <paramref name="other"/>,
    /// as in PyTorch). Equal infinities count as close; NaNs only with <paramref name="equal_nan"/>.
    /// </summary>
    public static Tensor isclose(Tensor input, Tensor other, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false)
    {
        var a = input.detach();
        var b = other.detach();
        var close = (a - b).abs().le(b.abs() * rtol + atol) | a.eq(b);
        return equal_nan ? close | (isnan(a) & isnan(b)) : close;
    }

    /// <summary>True when every element of <paramref name="input"/> is close to <paramref name="other"/>'s (see <see cref="isclose"/>).</summary>
    public static bool allclose(Tensor input, Tensor other, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false) =>
        isclose(input, other, rtol, atol, equal_nan).all().item<bool>();

    /// <summary>True when both tensors have the same shape and the same values.</summary>
    public static bool equal(Tensor input, Tensor other) =>
        input._shape.AsSpan().SequenceEqual(other._shape) && input.eq(other).all().item<bool>();

    public partial class Tensor
    {
        public Tensor eq(Tensor other) => torch.eq(this, other);
        public Tensor ne(Tensor other) => torch.ne(this, other);
        public Tensor lt(Tensor other) => torch.lt(this, other);
        public Tensor le(Tensor other) => torch.le(this, other);
        public Tensor gt(Tensor other) => torch.gt(this, other);
        public Tensor ge(Tensor other) => torch.ge(this, other);
        public Tensor eq(double other) => torch.eq(this, ScalarLike(other, this));
        public Tensor ne(double other) => torch.ne(this, ScalarLike(other, this));
        public Tensor lt(double other) => torch.lt(this, ScalarLike(other, this));
        public Tensor le(double other) => torch.le(this, ScalarLike(other, this));
        public Tensor gt(double other) => torch.gt(this, ScalarLike(other, this));
        public Tensor ge(double other) => torch.ge(this, ScalarLike(other, this));

        // == and != are deliberately NOT overloaded: they must keep meaning "the same object", which
        // null checks (`grad == null`), dictionaries and hash sets of tensors rely on. For elementwise
        // equality use eq()/ne(), as TorchSharp does.
        public static Tensor operator <(Tensor a, Tensor b) => torch.lt(a, b);
        public static Tensor operator <=(Tensor a, Tensor b) => torch.le(a, b);
        public static Tensor operator >(Tensor a, Tensor b) => torch.gt(a, b);
        public static Tensor operator >=(Tensor a, Tensor b) => torch.ge(a, b);
        public static Tensor operator <(Tensor a, double b) => a.lt(b);
        public static Tensor operator <=(Tensor a, double b) => a.le(b);
        public static Tensor operator >(Tensor a, double b) => a.gt(b);
        public static Tensor operator >=(Tensor a, double b) => a.ge(b);
        public static Tensor operator <(double a, Tensor b) => b.gt(a);
        public static Tensor operator <=(double a, Tensor b) => b.ge(a);
        public static Tensor operator >(double a, Tensor b) => b.lt(a);
        public static Tensor operator >=(double a, Tensor b) => b.le(a);

        public Tensor logical_and(Tensor other) => torch.logical_and(this, other);
        public Tensor logical_or(Tensor other) => torch.logical_or(this, other);
        public Tensor logical_xor(Tensor other) => torch.logical_xor(this, other);
        public Tensor logical_not() => torch.logical_not(this);

        // &, |, ^, ! and ~ combine masks. PyTorch also defines them bitwise on integers; this engine
        // has no bitwise ops, so they insist on Bool tensors rather than silently meaning something else.
        public static Tensor operator &(Tensor a, Tensor b) => torch.logical_and(BoolOperand(a, "&"), BoolOperand(b, "&"));
        public static Tensor operator |(Tensor a, Tensor b) => torch.logical_or(BoolOperand(a, "|"), BoolOperand(b, "|"));
        public static Tensor operator ^(Tensor a, Tensor b) => torch.logical_xor(BoolOperand(a, "^"), BoolOperand(b, "^"));
        public static Tensor operator !(Tensor a) => torch.logical_not(BoolOperand(a, "!"));
        public static Tensor operator ~(Tensor a) => torch.logical_not(BoolOperand(a, "~"));

        private static Tensor BoolOperand(Tensor t, string op) => t.dtype == ScalarType.Bool ? t
            : throw new NotSupportedException($"operator {op}: needs Bool tensors (masks such as x > 0), this one is {t.dtype}; use logical_and/logical_or/logical_not for numbers.");

        public Tensor isnan() => torch.isnan(this);
        public Tensor isfinite() => torch.isfinite(this);
        public Tensor isinf() => torch.isinf(this);
        public Tensor isclose(Tensor other, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false) => torch.isclose(this, other, rtol, atol, equal_nan);
        public bool allclose(Tensor other, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false) => torch.allclose(this, other, rtol, atol, equal_nan);
        public bool equal(Tensor other) => torch.equal(this, other);

        /// <summary>True (as a 0-d Bool tensor) when every element is nonzero.</summary>
        public Tensor all() => eq(0).sum().eq(0);

        /// <summary>Whether all elements along <paramref name="dim"/> are nonzero.</summary>
        public Tensor all(long dim, bool keepdim = false) => eq(0).sum(dim, keepdim).eq(0);

        /// <summary>True (as a 0-d Bool tensor) when at least one element is nonzero.</summary>
        public Tensor any() => ne(0).sum().gt(0);

        /// <summary>Whether any element along <paramref name="dim"/> is nonzero.</summary>
        public Tensor any(long dim, bool keepdim = false) => ne(0).sum(dim, keepdim).gt(0);
    }

    public static Tensor all(Tensor input) => input.all();
    public static Tensor all(Tensor input, long dim, bool keepdim = false) => input.all(dim, keepdim);
    public static Tensor any(Tensor input) => input.any();
    public static Tensor any(Tensor input, long dim, bool keepdim = false) => input.any(dim, keepdim);

    private readonly struct EqualKernel : IPredicateKernel
    {
        public static void Apply<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<bool> result) where T : unmanaged, INumber<T>
        {
            for (var i = 0; i < result.Length; i++) result[i] = x[i] == y[i];
        }
    }

    private readonly struct NotEqualKernel : IPredicateKernel
    {
        public static void Apply<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<bool> result) where T : unmanaged, INumber<T>
        {
            for (var i = 0; i < result.Length; i++) result[i] = x[i] != y[i];
        }
    }

    private readonly struct LessKernel : IPredicateKernel
    {
        public static void Apply<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<bool> result) where T : unmanaged, INumber<T>
        {
            for (var i = 0; i < result.Length; i++) result[i] = x[i] < y[i];
        }
    }

    private readonly struct LessOrEqualKernel : IPredicateKernel
    {
        public static void Apply<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<bool> result) where T : unmanaged, INumber<T>
        {
            for (var i = 0; i < result.Length; i++) result[i] = x[i] <= y[i];
        }
    }

    private readonly struct AndKernel : IPredicateKernel
    {
        public static void Apply<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<bool> result) where T : unmanaged, INumber<T>
        {
            for (var i = 0; i < result.Length; i++) result[i] = x[i] != T.Zero && y[i] != T.Zero;
        }
    }

    private readonly struct OrKernel : IPredicateKernel
    {
        public static void Apply<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<bool> result) where T : unmanaged, INumber<T>
        {
            for (var i = 0; i < result.Length; i++) result[i] = x[i] != T.Zero || y[i] != T.Zero;
        }
    }

    private readonly struct XorKernel : IPredicateKernel
    {
        public static void Apply<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<bool> result) where T : unmanaged, INumber<T>
        {
            for (var i = 0; i < result.Length; i++) result[i] = x[i] != T.Zero ^ y[i] != T.Zero;
        }
    }
}
