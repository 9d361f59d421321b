using System.Numerics;
using System.Numerics.Tensors;

namespace Course.Torch.Kernels;

/// <summary>
/// Loops that move elements by position. index_select and index_add move whole slices: a dense tensor
/// is seen as [outer, size, inner] blocks, where size is the indexed dimension, so each index moves one
/// contiguous run of <c>inner</c> elements per outer block. gather and scatter_add move single elements,
/// one per element of the index tensor.
/// </summary>
internal static class IndexKernels
{
    /// <summary>destination[o, j, :] = source[o, indices[j], :].</summary>
    public static void SelectSlices<T>(ReadOnlySpan<T> source, Span<T> destination, long[] indices, long outer, long sourceSize, long inner)
    {
        var length = (int)inner;
        for (long o = 0; o < outer; o++)
            for (var j = 0; j < indices.Length; j++)
                source.Slice((int)((o * sourceSize + indices[j]) * inner), length)
                      .CopyTo(destination.Slice((int)((o * indices.Length + j) * inner), length));
    }

    /// <summary>destination[o, indices[j], :] += source[o, j, :] (repeated indices add up).</summary>
    public static void AddSlices<T>(ReadOnlySpan<T> source, Span<T> destination, long[] indices, long outer, long destinationSize, long inner)
        where T : unmanaged, INumber<T>
    {
        var length = (int)inner;
        for (long o = 0; o < outer; o++)
            for (var j = 0; j < indices.Length; j++)
            {
                var target = destination.Slice((int)((o * destinationSize + indices[j]) * inner), length);
                TensorPrimitives.Add(target, source.Slice((int)((o * indices.Length + j) * inner), length), target);
            }
    }

    /// <summary>
    /// result[p] = source[p with coordinate <paramref name="dim"/> replaced by index[p]], for every position p of
    /// the index tensor in row-major order. The source may be any strided view.
    /// </summary>
    public static void Gather<T>(T[] source, long offset, long[] strides, ReadOnlySpan<long> index, long[] indexShape, int dim, Span<T> result)
    {
        var walk = new Odometer(indexShape, strides, dim);
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = source[offset + walk.Position + index[i] * strides[dim]];
            walk.Next();
        }
    }

    /// <summary>The inverse of <see cref="Gather"/>: result[p with coordinate dim replaced by index[p]] += source[p] (dense result).</summary>
    public static void ScatterAdd<T>(ReadOnlySpan<T> source, ReadOnlySpan<long> index, long[] indexShape, int dim, Span<T> result, long[] resultStrides)
        where T : unmanaged, INumber<T>
    {
        var walk = new Odometer(indexShape, resultStrides, dim);
        for (var i = 0; i < source.Length; i++)
        {
            result[(int)(walk.Position + index[i] * resultStrides[dim])] += source[i];
            walk.Next();
        }
    }

    /// <summary>result[i] = condition[i] ? x[i] : y[i].</summary>
    public static void Where<T>(ReadOnlySpan<bool> condition, ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> result)
    {
        for (var i = 0; i < result.Length; i++) result[i] = condition[i] ? x[i] : y[i];
    }

    /// <summary>
    /// Walks the positions of a shape in row-major order and keeps Σ coordinate·stride over all dimensions
    /// except <c>skip</c> (whose coordinate the caller supplies from an index tensor).
    /// </summary>
    private sealed class Odometer(long[] shape, long[] strides, int skip)
    {
        private readonly long[] _coordinates = new long[shape.Length];

        public long Position { get; private set; }

        public void Next()
        {
            for (var d = shape.Length - 1; d >= 0; d--)
            {
                var stride = d == skip ? 0 : strides[d];
                if (++_coordinates[d] < shape[d])
                {
                    Position += stride;
                    return;
                }
                Position -= (shape[d] - 1) * stride;
                _coordinates[d] = 0;
            }
        }
    }
}
