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
        var result = new Tensor(Tensor.AllocateStorage(dtype, Tensor.ShapeNumel(shape)), shape, dtype);
        switch (dtype)
        {
            case ScalarType.Float32: BinaryRows<float, K>(x, y, result); break;
            case ScalarType.Float64: BinaryRows<double, K>(x, y, result); break;
            case ScalarType.Int64: BinaryRows<long, K>(x, y, result); break;
            default: throw new NotSupportedException($"{op}: not defined for {dtype} tensors; convert with .to(float32) or use logical ops.");
        }
        return result;
    }

    /// <summary>result = K(x), in x's floating-point dtype. No autograd here.</summary>
    public static Tensor Unary<K>(string op, Tensor x) where K : IUnaryKernel
    {
        var input = x.detach().contiguous();
        var result = new Tensor(Tensor.AllocateStorage(x.dtype, x.numel()), x.shape, x.dtype);
        switch (x.dtype)
        {
            case ScalarType.Float32: K.Apply<float>(input.ContiguousSpan<float>(), result.ContiguousSpan<float>()); break;
            case ScalarType.Float64: K.Apply<double>(input.ContiguousSpan<double>(), result.ContiguousSpan<double>()); break;
            default: throw new NotSupportedException($"{op}: needs a floating-point tensor, this one is {x.dtype}; convert with .to(float32).");
        }
        return result;
    }

    private static void BinaryRows<T, K>(Tensor x, Tensor y, Tensor result) where T : unmanaged, INumber<T> where K : IBinaryKernel
    {
        var output = result.ContiguousSpan<T>();
        if (x.is_contiguous() && y.is_contiguous())
        {
            K.Apply<T>(x.ContiguousSpan<T>(), y.ContiguousSpan<T>(), output);
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
            K.Apply(rowX, rowY, output.Slice(row * rowLength, rowLength));
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
