using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Course.Training;

/// <summary>
/// What the <see cref="Trainer"/> iterates: (input, target) batches, made from either kind of loader. A
/// <c>DataLoader</c> over a dataset of named tensors gives <c>"data"</c> and <c>"label"</c> (TorchSharp's
/// dataset layout); one over a <c>TensorDataset(x, y)</c> gives x and y.
/// </summary>
public sealed class Batches(IEnumerable<(Tensor Input, Tensor Target)> batches)
{
    public IEnumerable<(Tensor Input, Tensor Target)> Items { get; } = batches;

    public static implicit operator Batches(DataLoader loader) => new(loader.Select(batch =>
        batch.TryGetValue("data", out var input) && batch.TryGetValue("label", out var target)
            ? (input, target)
            : throw new InvalidOperationException($"Trainer: expected batches with \"data\" and \"label\", got {string.Join(", ", batch.Keys.Select(k => $"\"{k}\""))}.")));

    public static implicit operator Batches(IterableDataLoader loader) => new(loader.Select(batch =>
        batch.Count >= 2 ? (batch[0], batch[1]) : throw new InvalidOperationException($"Trainer: expected batches [input, target], got {batch.Count} tensor(s).")));
}
