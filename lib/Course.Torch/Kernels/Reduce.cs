using System.Numerics;
using static Course.Torch.torch;

namespace Course.Torch.Kernels;

/// <summary>Reduces a dense span to one value, for every numeric dtype.</summary>
internal interface IReduceKernel
{
    static abstract T Apply<T>(ReadOnlySpan<T> values) where T : unmanaged, INumber<T>;
}

/// <summary>
/// Runs a reduction over any set of dimensions: the kept dimensions are permuted to the front and the
/// reduced ones to the back, so that after one dense copy each output element reduces one contiguous row.
/// </summary>
internal static class Reduce
{
    /// <summary>Reduces <paramref name="dims"/> (already normalised, distinct) and returns the keepdim-shaped result.</summary>
    public static Tensor Dims<K>(string op, Tensor x, int[] dims) where K : IReduceKernel
    {
        var rows = RowsToReduce(x, dims, out var keptShape);
        var rowLength = (int)(x.numel() / Math.Max(1, Tensor.ShapeNumel(keptShape)));
        var result = new Tensor(Tensor.AllocateUninitialized(x.dtype, Tensor.ShapeNumel(keptShape)), keptShape, x.dtype);
        switch (x.dtype)
        {
            case ScalarType.Float32: ReduceRows<float, K>(rows, rowLength, result); break;
            case ScalarType.Float64: ReduceRows<double, K>(rows, rowLength, result); break;
            case ScalarType.Int64: ReduceRows<long, K>(rows, rowLength, result); break;
            default: throw new NotSupportedException($"{op}: not defined for Bool tensors; convert with .to(int64) first.");
        }
        return result;
    }

    /// <summary>
    /// A dense tensor whose rows are the groups of elements to reduce, one row per output element;
    /// <paramref name="keptShape"/> is the result shape with keepdim (reduced dims of size 1).
    /// </summary>
    public static Tensor RowsToReduce(Tensor x, int[] dims, out long[] keptShape)
    {
        keptShape = new long[x.Dimensions];
        for (var d = 0; d < x.Dimensions; d++) keptShape[d] = dims.Contains(d) ? 1 : x._shape[d];
        return x.detach().permute(KeptThenReduced(x.Dimensions, dims)).contiguous();
    }

    /// <summary>The dimension order of <see cref="RowsToReduce"/>: kept dimensions first, then the reduced ones.</summary>
    public static long[] KeptThenReduced(int rank, int[] dims)
    {
        var order = new List<long>();
        for (var d = 0; d < rank; d++) if (!dims.Contains(d)) order.Add(d);
        for (var d = 0; d < rank; d++) if (dims.Contains(d)) order.Add(d);
        return [.. order];
    }

    private static void ReduceRows<T, K>(Tensor rows, int rowLength, Tensor result) where T : unmanaged, INumber<T> where K : IReduceKernel
    {
        var source = rows.ContiguousSpan<T>();
        var output = result.ContiguousSpan<T>();
        for (var i = 0; i < output.Length; i++)
            output[i] = K.Apply<T>(source.Slice(i * rowLength, rowLength));
    }
}
