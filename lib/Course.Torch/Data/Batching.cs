using static Course.Torch.torch;

namespace Course.Torch.Data;

/// <summary>
/// Builds batches by copying whole samples into one new tensor. Each sample is a contiguous run of
/// elements, so it costs one block copy (a memmove), never a per-element loop or a per-sample tensor op.
/// </summary>
internal static class Batching
{
    /// <summary>Rows <paramref name="indices"/> of a contiguous tensor, as a new tensor [indices.Length, ...row shape].</summary>
    public static Tensor GatherRows(Tensor source, ReadOnlySpan<long> indices)
    {
        var rowShape = source._shape[1..];
        var rowSize = Tensor.ShapeNumel(rowShape);
        var batch = Allocate(indices.Length, rowShape, source.dtype);
        for (var i = 0; i < indices.Length; i++)
            Array.Copy(source.storage, source.offset + indices[i] * rowSize, batch.storage, i * rowSize, rowSize);
        return batch;
    }

    /// <summary>
    /// Samples of one shape and dtype stacked into a new tensor [samples.Count, ...sample shape].
    /// <paramref name="what"/> names the samples in error messages, e.g. "'label'".
    /// </summary>
    public static Tensor Stack(IReadOnlyList<Tensor> samples, string what)
    {
        var first = samples[0];
        var sampleSize = first.numel();
        var batch = Allocate(samples.Count, first._shape, first.dtype);
        for (var i = 0; i < samples.Count; i++)
        {
            var sample = samples[i];
            if (!sample._shape.AsSpan().SequenceEqual(first._shape) || sample.dtype != first.dtype)
                throw new InvalidOperationException(
                    $"DataLoader: cannot batch {what}: sample 0 is {first.dtype} of shape ({first.ShapeText}) but sample {i} is {sample.dtype} of shape ({sample.ShapeText}). All samples must agree.");
            var dense = sample.contiguous();
            Array.Copy(dense.storage, dense.offset, batch.storage, i * sampleSize, sampleSize);
        }
        return batch;
    }

    private static Tensor Allocate(long count, long[] sampleShape, ScalarType dtype)
    {
        long[] shape = [count, .. sampleShape];
        return new Tensor(Tensor.AllocateStorage(dtype, Tensor.ShapeNumel(shape)), shape, dtype);
    }
}
