using static Course.Torch.torch;

namespace Course.Torch.Modules;

/// <summary>
/// Cuts a dataset into mini-batches of <c>batchSize</c> samples, in order or freshly shuffled for each
/// pass (epoch): <c>foreach (var batch in loader) { ... }</c>. <see cref="Count"/> is the number of batches.
/// <para>
/// Shuffling draws from the loader's own <see cref="torch.Generator"/>, seeded with <c>seed</c>, or when no
/// seed is given with a number drawn from the default generator when the loader is created (so
/// <c>torch.manual_seed</c> makes the order reproducible too). Each epoch continues the same stream, so every
/// epoch has a new order and a rerun repeats the whole sequence of orders.
/// </para>
/// </summary>
/// <typeparam name="T">The type of one sample.</typeparam>
/// <typeparam name="S">The type of one batch.</typeparam>
public class DataLoader<T, S> : IEnumerable<S>, IDisposable
{
    private readonly torch.utils.data.Dataset<T> _dataset;
    private readonly int _batchSize;
    private readonly Func<long[], S> _makeBatch;
    private readonly Generator? _shuffler;
    private readonly bool _dropLast;

    /// <param name="dataset">The samples.</param>
    /// <param name="batchSize">Samples per batch; the last batch may be smaller unless <paramref name="drop_last"/>.</param>
    /// <param name="collate_fn">Turns the samples of one batch into the batch, given the target device.</param>
    /// <param name="shuffle">Visit the samples in a new random order every epoch.</param>
    /// <param name="device">Where the batches should live (CPU when null).</param>
    /// <param name="seed">Seeds the shuffling; see the class summary.</param>
    /// <param name="num_worker">How many threads read samples from the dataset in parallel.</param>
    /// <param name="drop_last">Skip the last batch if it would be smaller than <paramref name="batchSize"/>.</param>
    public DataLoader(torch.utils.data.Dataset<T> dataset, int batchSize, Func<IEnumerable<T>, Device, S> collate_fn, bool shuffle = false,
        Device? device = null, int? seed = null, int num_worker = 1, bool drop_last = false)
        : this(dataset, batchSize, indices => collate_fn(ReadSamples(dataset, indices, num_worker), device ?? CPU), shuffle, device, seed, drop_last)
    {
    }

    /// <summary>For loaders that build a batch straight from the indices (e.g. copying rows of a <see cref="TensorDataset"/>).</summary>
    private protected DataLoader(torch.utils.data.Dataset<T> dataset, int batchSize, Func<long[], S> makeBatch, bool shuffle, Device? device, int? seed, bool drop_last)
    {
        if (batchSize < 1) throw new ArgumentException($"DataLoader: batchSize must be at least 1, got {batchSize}.");
        (device ?? CPU).EnsureAvailable();
        _dataset = dataset;
        _batchSize = batchSize;
        _makeBatch = makeBatch;
        _dropLast = drop_last;
        if (shuffle) _shuffler = new Generator(seed ?? (long)default_generator.NextUInt64());
    }

    /// <summary>The number of batches in one epoch.</summary>
    public long Count => _dropLast ? _dataset.Count / _batchSize : (_dataset.Count + _batchSize - 1) / _batchSize;

    /// <summary>One epoch: every sample exactly once (except those dropped with drop_last), in batches.</summary>
    public IEnumerator<S> GetEnumerator()
    {
        var total = _dataset.Count;
        var order = _shuffler is null ? null : randperm(total, generator: _shuffler).data<long>().ToArray();
        for (long start = 0; start < total; start += _batchSize)
        {
            var size = (int)Math.Min(_batchSize, total - start);
            if (size < _batchSize && _dropLast) yield break;
            var indices = new long[size];
            for (var i = 0; i < size; i++) indices[i] = order?[start + i] ?? start + i;
            yield return _makeBatch(indices);
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Reads the samples of one batch, on <paramref name="workers"/> threads; the order is kept.</summary>
    private protected static T[] ReadSamples(torch.utils.data.Dataset<T> dataset, long[] indices, int workers)
    {
        var samples = new T[indices.Length];
        if (workers <= 1)
            for (var i = 0; i < indices.Length; i++) samples[i] = dataset.GetTensor(indices[i]);
        else
            Parallel.For(0, indices.Length, new ParallelOptions { MaxDegreeOfParallelism = workers }, i => samples[i] = dataset.GetTensor(indices[i]));
        return samples;
    }

    /// <summary>
    /// Nothing to release; exists so TorchSharp code with <c>using var loader</c> compiles. Unlike TorchSharp's
    /// loader it leaves the dataset alone: the dataset belongs to whoever created it, and may feed other loaders.
    /// </summary>
    public void Dispose() { }
}

/// <summary>Batches a <see cref="torch.utils.data.Dataset"/> of named tensors: each name becomes one stacked tensor.</summary>
public sealed class DataLoader : DataLoader<Dictionary<string, Tensor>, Dictionary<string, Tensor>>
{
    public DataLoader(torch.utils.data.Dataset dataset, int batchSize, bool shuffle = false, Device? device = null, int? seed = null, int num_worker = 1, bool drop_last = false)
        : base(dataset, batchSize, indices => Collate(ReadSamples(dataset, indices, num_worker), device ?? CPU), shuffle, device, seed, drop_last)
    {
    }

    private static Dictionary<string, Tensor> Collate(Dictionary<string, Tensor>[] samples, Device device)
    {
        var batch = new Dictionary<string, Tensor>();
        foreach (var key in samples[0].Keys)
        {
            var values = new Tensor[samples.Length];
            for (var i = 0; i < samples.Length; i++)
                values[i] = samples[i].TryGetValue(key, out var value) ? value
                    : throw new InvalidOperationException($"DataLoader: sample {i} of the batch has no '{key}', which sample 0 has.");
            batch[key] = Data.Batching.Stack(values, $"'{key}'").to(device);
        }
        return batch;
    }
}

/// <summary>
/// Batches a dataset whose samples are lists of tensors, position by position: for a
/// <see cref="TensorDataset"/>(x, y) each batch is [x rows, y rows]. (TorchSharp's name.)
/// </summary>
public sealed class IterableDataLoader : DataLoader<IList<Tensor>, IList<Tensor>>
{
    public IterableDataLoader(torch.utils.data.IterableDataset dataset, int batchSize, bool shuffle = false, Device? device = null, int? seed = null, int num_worker = 1, bool drop_last = false)
        : base(dataset, batchSize, BatchMaker(dataset, device ?? CPU, num_worker), shuffle, device, seed, drop_last)
    {
    }

    private static Func<long[], IList<Tensor>> BatchMaker(torch.utils.data.IterableDataset dataset, Device device, int workers) =>
        dataset is TensorDataset tensors
            ? indices => [.. tensors.GetBatch(indices).Select(t => t.to(device))]
            : indices => Collate(ReadSamples(dataset, indices, workers), device);

    private static IList<Tensor> Collate(IList<Tensor>[] samples, Device device)
    {
        var batch = new Tensor[samples[0].Count];
        for (var position = 0; position < batch.Length; position++)
        {
            var values = new Tensor[samples.Length];
            for (var i = 0; i < samples.Length; i++)
                values[i] = position < samples[i].Count ? samples[i][position]
                    : throw new InvalidOperationException($"DataLoader: sample {i} of the batch has {samples[i].Count} tensors but sample 0 has {batch.Length}.");
            batch[position] = Data.Batching.Stack(values, $"tensor {position}").to(device);
        }
        return batch;
    }
}
