using static Course.Torch.torch;

namespace Course.Torch.Modules;

/// <summary>
/// A dataset made of tensors that share their first dimension: sample i is row i of each, e.g.
/// <c>TensorDataset(images, labels)</c> gives samples [image_i, label_i]. A DataLoader over it copies
/// the chosen rows straight out of the tensors' memory (<c>index_select</c>), one block copy per row.
/// </summary>
public sealed class TensorDataset : torch.utils.data.IterableDataset
{
    private readonly Tensor[] _tensors;

    public TensorDataset(params Tensor[] tensors)
    {
        if (tensors.Length == 0) throw new ArgumentException("TensorDataset: needs at least one tensor.");
        for (var i = 0; i < tensors.Length; i++)
            if (tensors[i].Dimensions == 0)
                throw new ArgumentException($"TensorDataset: tensor {i} is a scalar; every tensor needs a first dimension that indexes the samples.");
        var rows = tensors[0].size(0);
        for (var i = 1; i < tensors.Length; i++)
            if (tensors[i].size(0) != rows)
                throw new ArgumentException(
                    $"TensorDataset: all tensors must have the same size in dimension 0, but tensor 0 has {rows} (shape {tensors[0].ShapeText}) and tensor {i} has {tensors[i].size(0)} (shape {tensors[i].ShapeText}).");
        // Dense copies (only where needed) so every row is one contiguous block; samples are data, outside autograd.
        _tensors = [.. tensors.Select(t => t.detach().contiguous().DetachFromDisposeScope())];
        Count = rows;
    }

    /// <summary>The number of samples (rows), not the number of tensors.</summary>
    public override long Count { get; }

    /// <summary>Sample <paramref name="index"/>: row <paramref name="index"/> of each tensor (views, as <c>tensor[index]</c>).</summary>
    public override IList<Tensor> GetTensor(long index)
    {
        if (index < 0 || index >= Count)
            throw new ArgumentOutOfRangeException(nameof(index), $"TensorDataset: index {index} is out of range for {Count} samples.");
        return [.. _tensors.Select(t => t.select(0, index))];
    }

    public IList<Tensor> this[long index] => GetTensor(index);

    /// <summary>The samples at <paramref name="indices"/>, batched: one tensor [indices.Length, ...] per tensor of the dataset.</summary>
    internal IList<Tensor> GetBatch(long[] indices) => [.. _tensors.Select(t => t.IndexSelect(0, indices))];
}
