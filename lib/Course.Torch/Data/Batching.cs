using static Course.Torch.torch;

namespace Course.Torch.Data;

/// <summary>
/// Builds a batch from samples that a dataset returned one by one. Unlike <c>torch.stack</c> (a view, a
/// narrow and a copy_ per sample), each sample costs exactly one block copy (a memmove) into the batch,
/// which matters when a loader stacks tens of thousands of small samples per epoch.
/// </summary>
internal static class Batching
{
    /// <summary>
    /// Samples of one shape and dtype stacked into a new tensor [samples.Count, ...sample shape].
    /// <paramref name="what"/> names the samples in error messages, e.g. "'label'".
    /// </summary>
    public static Tensor Stack(IReadOnlyList<Tensor> samples, string what)
    {
        var first = samples[0];
        var sampleSize = first.numel();
        long[] shape = [samples.Count, .. first._shape];
        var batch = new Tensor(Tensor.AllocateStorage(first.dtype, Tensor.ShapeNumel(shape)), shape, first.dtype);
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
}
