namespace Course.Torch.Tensors;

/// <summary>
/// Moves elements between a strided view and a dense buffer. This is what makes views cheap:
/// kernels work on dense spans, and only a non-contiguous tensor pays one gather (or scatter).
/// </summary>
internal static class StridedCopy
{
    /// <summary>Copies the view (storage, offset, shape, strides) into <paramref name="destination"/> in row-major order.</summary>
    public static void Gather<T>(T[] storage, long offset, long[] shape, long[] strides, Span<T> destination)
    {
        var rank = shape.Length;
        if (rank == 0)
        {
            destination[0] = storage[offset];
            return;
        }
        var inner = (int)shape[rank - 1];
        var innerStride = strides[rank - 1];
        var index = new long[rank - 1]; // odometer over all dims but the last
        var position = 0;
        var rows = Torch.torch.Tensor.ShapeNumel(shape.AsSpan(0, rank - 1));
        for (long row = 0; row < rows; row++)
        {
            var start = RowStart(offset, strides, index);
            if (innerStride == 1)
                storage.AsSpan((int)start, inner).CopyTo(destination.Slice(position, inner));
            else
                for (var i = 0; i < inner; i++) destination[position + i] = storage[start + i * innerStride];
            position += inner;
            Advance(index, shape);
        }
    }

    /// <summary>Writes <paramref name="source"/> (row-major) into the view (storage, offset, shape, strides).</summary>
    public static void Scatter<T>(ReadOnlySpan<T> source, T[] storage, long offset, long[] shape, long[] strides)
    {
        var rank = shape.Length;
        if (rank == 0)
        {
            storage[offset] = source[0];
            return;
        }
        var inner = (int)shape[rank - 1];
        var innerStride = strides[rank - 1];
        var index = new long[rank - 1];
        var position = 0;
        var rows = Torch.torch.Tensor.ShapeNumel(shape.AsSpan(0, rank - 1));
        for (long row = 0; row < rows; row++)
        {
            var start = RowStart(offset, strides, index);
            if (innerStride == 1)
                source.Slice(position, inner).CopyTo(storage.AsSpan((int)start, inner));
            else
                for (var i = 0; i < inner; i++) storage[start + i * innerStride] = source[position + i];
            position += inner;
            Advance(index, shape);
        }
    }

    private static long RowStart(long offset, long[] strides, long[] index)
    {
        var start = offset;
        for (var d = 0; d < index.Length; d++) start += index[d] * strides[d];
        return start;
    }

    /// <summary>Steps the odometer <paramref name="index"/> (over all dims but the last) to the next row.</summary>
    private static void Advance(long[] index, long[] shape)
    {
        for (var d = index.Length - 1; d >= 0; d--)
        {
            if (++index[d] < shape[d]) return;
            index[d] = 0;
        }
    }
}
