using System.Numerics;
using static Course.Torch.torch;

namespace Course.Torch.Kernels;

/// <summary>An elementwise operation on two dense spans of equal length, for every numeric dtype.</summary>
internal interface IBinaryKernel
{
    static abstract void Apply<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> result) where T : unmanaged, INumber<T>;
}

/// <summary>An elementwise operation on one dense span, for floating-point dtypes.</summary>
internal interface IUnaryKernel
{
    static abstract void Apply<T>(ReadOnlySpan<T> x, Span<T> result) where T : unmanaged, IFloatingPointIeee754<T>;
}

/// <summary>An elementwise operation on one dense span that also makes sense for integers (abs, relu, sign).</summary>
internal interface INumericUnaryKernel
{
    static abstract void Apply<T>(ReadOnlySpan<T> x, Span<T> result) where T : unmanaged, INumber<T>;
}

/// <summary>An elementwise operation with one scalar parameter (an exponent, a slope), for floating-point dtypes.</summary>
internal interface IScalarKernel
{
    static abstract void Apply<T>(ReadOnlySpan<T> x, T scalar, Span<T> result) where T : unmanaged, IFloatingPointIeee754<T>;
}

/// <summary>An elementwise test of two dense spans (a comparison, a logical op) that writes true/false.</summary>
internal interface IPredicateKernel
{
    static abstract void Apply<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<bool> result) where T : unmanaged, INumber<T>;
}

/// <summary>
/// Runs elementwise kernels over tensors of any layout. The kernels themselves only ever see dense
/// spans (so they can be SIMD loops, here mostly TensorPrimitives); this class turns broadcasting and
/// strided views into such spans, one output row at a time.
/// </summary>
internal static class Elementwise
{
    /// <summary>result = K(a, b) with broadcasting, computed in <paramref name="dtype"/>. No autograd here.</summary>
    public static Tensor Binary<K>(string op, Tensor a, Tensor b, ScalarType dtype) where K : IBinaryKernel
    {
        var shape = Tensor.BroadcastShapes(op, a, b);
        var x = a.detach().to(dtype).expand(shape);
        var y = b.detach().to(dtype).expand(shape);
        var result = new Tensor(Tensor.AllocateUninitialized(dtype, Tensor.ShapeNumel(shape)), shape, dtype);
        switch (dtype)
        {
            case ScalarType.Float32: BinaryRows<float, float, Arithmetic<float, K>>(x, y, result); break;
            case ScalarType.Float64: BinaryRows<double, double, Arithmetic<double, K>>(x, y, result); break;
            case ScalarType.Int64: BinaryRows<long, long, Arithmetic<long, K>>(x, y, result); break;
            default: throw new NotSupportedException($"{op}: not defined for {dtype} tensors; convert with .to(float32) or use logical ops.");
        }
        return result;
    }

    /// <summary>
    /// A Bool tensor K(a, b) with broadcasting; the operands are compared in <paramref name="dtype"/>
    /// (Bool operands as 0/1 integers). No autograd here: the result has no gradient.
    /// </summary>
    public static Tensor Predicate<K>(string op, Tensor a, Tensor b, ScalarType dtype) where K : IPredicateKernel
    {
        if (dtype == ScalarType.Bool) dtype = ScalarType.Int64;
        var shape = Tensor.BroadcastShapes(op, a, b);
        var x = a.detach().to(dtype).expand(shape);
        var y = b.detach().to(dtype).expand(shape);
        var result = new Tensor(new bool[Tensor.ShapeNumel(shape)], shape, ScalarType.Bool);
        switch (dtype)
        {
            case ScalarType.Float32: BinaryRows<float, bool, Test<float, K>>(x, y, result); break;
            case ScalarType.Float64: BinaryRows<double, bool, Test<double, K>>(x, y, result); break;
            default: BinaryRows<long, bool, Test<long, K>>(x, y, result); break;
        }
        return result;
    }

    /// <summary>result = K(x), in x's floating-point dtype. No autograd here.</summary>
    public static Tensor Unary<K>(string op, Tensor x) where K : IUnaryKernel
    {
        var (input, result) = Prepare(x);
        switch (x.dtype)
        {
            case ScalarType.Float32: K.Apply<float>(input.ContiguousSpan<float>(), result.ContiguousSpan<float>()); break;
            case ScalarType.Float64: K.Apply<double>(input.ContiguousSpan<double>(), result.ContiguousSpan<double>()); break;
            default: throw NeedsFloat(op, x);
        }
        return result;
    }

    /// <summary>result = K(x, scalar), in x's floating-point dtype. No autograd here.</summary>
    public static Tensor Unary<K>(string op, Tensor x, double scalar) where K : IScalarKernel
    {
        var (input, result) = Prepare(x);
        switch (x.dtype)
        {
            case ScalarType.Float32: K.Apply(input.ContiguousSpan<float>(), (float)scalar, result.ContiguousSpan<float>()); break;
            case ScalarType.Float64: K.Apply(input.ContiguousSpan<double>(), scalar, result.ContiguousSpan<double>()); break;
            default: throw NeedsFloat(op, x);
        }
        return result;
    }

    /// <summary>result = K(x), in x's dtype, which may also be Int64. No autograd here.</summary>
    public static Tensor NumericUnary<K>(string op, Tensor x) where K : INumericUnaryKernel
    {
        var (input, result) = Prepare(x);
        switch (x.dtype)
        {
            case ScalarType.Float32: K.Apply<float>(input.ContiguousSpan<float>(), result.ContiguousSpan<float>()); break;
            case ScalarType.Float64: K.Apply<double>(input.ContiguousSpan<double>(), result.ContiguousSpan<double>()); break;
            case ScalarType.Int64: K.Apply<long>(input.ContiguousSpan<long>(), result.ContiguousSpan<long>()); break;
            default: throw new NotSupportedException($"{op}: not defined for Bool tensors; convert with .to(int64) or .to(float32) first.");
        }
        return result;
    }

    private static (Tensor Input, Tensor Result) Prepare(Tensor x) =>
        (x.detach().contiguous(), new Tensor(Tensor.AllocateUninitialized(x.dtype, x.numel()), x.shape, x.dtype));

    private static NotSupportedException NeedsFloat(string op, Tensor x) =>
        new($"{op}: needs a floating-point tensor, this one is {x.dtype}; convert with .to(float32) first.");

    /// <summary>What one output row of a binary op computes; adapts the kernel interfaces to one row walker.</summary>
    private interface IRowKernel<T, TResult>
    {
        static abstract void Apply(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<TResult> result);
    }

    private readonly struct Arithmetic<T, K> : IRowKernel<T, T> where T : unmanaged, INumber<T> where K : IBinaryKernel
    {
        public static void Apply(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> result) => K.Apply(x, y, result);
    }

    private readonly struct Test<T, K> : IRowKernel<T, bool> where T : unmanaged, INumber<T> where K : IPredicateKernel
    {
        public static void Apply(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<bool> result) => K.Apply(x, y, result);
    }

    private static void BinaryRows<T, TResult, R>(Tensor x, Tensor y, Tensor result) where R : IRowKernel<T, TResult>
    {
        var output = result.ContiguousSpan<TResult>();
        if (x.is_contiguous() && y.is_contiguous())
        {
            R.Apply(x.ContiguousSpan<T>(), y.ContiguousSpan<T>(), output);
            return;
        }
        // Walk the output row by row (a row = the last dimension). An operand row with stride 1 is used
        // in place; stride 0 (broadcast) or any other stride is first gathered into a small buffer.
        var shape = result._shape;
        var rank = shape.Length;
        var rowLength = (int)shape[rank - 1];
        var rows = output.Length / Math.Max(rowLength, 1);
        var bufferX = new T[rowLength];
        var bufferY = new T[rowLength];
        var index = new long[rank - 1];
        for (var row = 0; row < rows; row++)
        {
            var rowX = Row(x, index, bufferX);
            var rowY = Row(y, index, bufferY);
            R.Apply(rowX, rowY, output.Slice(row * rowLength, rowLength));
            for (var d = rank - 2; d >= 0; d--)
            {
                if (++index[d] < shape[d]) break;
                index[d] = 0;
            }
        }
    }
    private static ReadOnlySpan<T> Row<T>(Tensor t, long[] index, T[] buffer)
    {
        var storage = t.Storage<T>();
        var start = t.offset;
        for (var d = 0; d < index.Length; d++) start += index[d] * t._strides[d];
        var stride = t._strides[^1];
        if (stride == 1) return storage.AsSpan((int)start, buffer.Length);
        if (stride == 0)
        {
            buffer.AsSpan().Fill(storage[start]);
            return buffer;
        }
        for (var i = 0; i < buffer.Length; i++) buffer[i] = storage[start + i * stride];
        return buffer;
    }
}
