using Course.Torch.Modules;
using static Course.Torch.torch;

namespace Course.Torch.Tests.Data;

public class DataLoaderTests
{
    /// <summary>10 samples: x row i is [i, i + 0.5, i + 0.25] (float32), y_i = 100 + i (int64).</summary>
    private static TensorDataset Samples(long n = 10)
    {
        var x = new float[n * 3];
        var y = new long[n];
        for (var i = 0; i < n; i++)
        {
            x[3 * i] = i;
            x[3 * i + 1] = i + 0.5f;
            x[3 * i + 2] = i + 0.25f;
            y[i] = 100 + i;
        }
        return utils.data.TensorDataset(tensor(x, [n, 3]), tensor(y));
    }

    /// <summary>The sample ids (y - 100) of every batch of one epoch, after checking that x and y rows belong together.</summary>
    private static long[][] Epoch(IEnumerable<IList<Tensor>> loader) =>
        [.. loader.Select(batch =>
        {
            var ids = batch[1].data<long>().ToArray().Select(v => v - 100).ToArray();
            var x = batch[0].data<float>().ToArray();
            for (var i = 0; i < ids.Length; i++)
                Assert.Equal(new[] { ids[i], ids[i] + 0.5f, ids[i] + 0.25f }, x[(3 * i)..(3 * i + 3)]);
            return ids;
        })];

    [Fact]
    public void TensorDataset_counts_rows_and_returns_one_row_of_each_tensor()
    {
        var dataset = Samples();
        Assert.Equal(10, dataset.Count);
        var sample = dataset.GetTensor(7);
        Assert.Equal(new long[] { 3 }, sample[0].shape);
        Assert.Equal(new[] { 7f, 7.5f, 7.25f }, sample[0].data<float>().ToArray());
        Assert.Empty(sample[1].shape);
        Assert.Equal(107L, dataset[7][1].item<long>());
    }

    [Fact]
    public void TensorDataset_refuses_tensors_of_different_lengths_and_bad_indices()
    {
        var error = Assert.Throws<ArgumentException>(() => utils.data.TensorDataset(zeros(10, 3), zeros(9)));
        Assert.Contains("tensor 0 has 10 (shape 10x3) and tensor 1 has 9 (shape 9)", error.Message);
        Assert.Contains("scalar", Assert.Throws<ArgumentException>(() => utils.data.TensorDataset(zeros(4), tensor(1.0))).Message);
        Assert.Contains("at least one", Assert.Throws<ArgumentException>(() => utils.data.TensorDataset()).Message);
        Assert.Contains("index 10 is out of range for 10 samples", Assert.Throws<ArgumentOutOfRangeException>(() => Samples().GetTensor(10)).Message);
    }

    [Fact]
    public void Batches_keep_the_order_and_the_last_one_is_smaller()
    {
        var loader = utils.data.DataLoader(Samples(), batchSize: 4);
        Assert.Equal(3, loader.Count);
        var batches = loader.ToList();
        Assert.Equal([[4, 3], [4], [4, 3], [4], [2, 3], [2]], batches.SelectMany(b => b.Select(t => t.shape)));
        Assert.Equal(float32, batches[0][0].dtype);
        Assert.Equal(int64, batches[0][1].dtype);
        Assert.Equal([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]], Epoch(loader));
    }

    [Fact]
    public void Drop_last_skips_the_incomplete_batch()
    {
        var loader = utils.data.DataLoader(Samples(), batchSize: 4, drop_last: true);
        Assert.Equal(2, loader.Count);
        Assert.Equal([[0, 1, 2, 3], [4, 5, 6, 7]], Epoch(loader));
        Assert.Equal(2, utils.data.DataLoader(Samples(8), batchSize: 4, drop_last: true).Count());
    }

    [Fact]
    public void Shuffling_visits_every_sample_once_per_epoch_in_a_new_order_reproducible_by_seed()
    {
        var loader = utils.data.DataLoader(Samples(), batchSize: 3, shuffle: true, seed: 42);
        var first = Epoch(loader);
        var second = Epoch(loader);
        Assert.Equal([3, 3, 3, 1], first.Select(b => b.Length));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), first.SelectMany(b => b).Order());
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), second.SelectMany(b => b).Order());
        Assert.NotEqual(first.SelectMany(b => b), second.SelectMany(b => b));
        Assert.NotEqual(Enumerable.Range(0, 10).Select(i => (long)i), first.SelectMany(b => b));

        var rerun = utils.data.DataLoader(Samples(), batchSize: 3, shuffle: true, seed: 42);
        Assert.Equal(first, Epoch(rerun));
        Assert.Equal(second, Epoch(rerun));
        Assert.NotEqual(first, Epoch(utils.data.DataLoader(Samples(), batchSize: 3, shuffle: true, seed: 7)));
    }

    [Fact]
    public void Non_contiguous_tensors_are_batched_by_their_logical_rows()
    {
        var columns = tensor(new[] { 0.0, 1.0, 2.0, 10.0, 11.0, 12.0 }, [2, 3]).t(); // rows [0, 10], [1, 11], [2, 12]
        var batch = utils.data.DataLoader(utils.data.TensorDataset(columns), batchSize: 2).First();
        Assert.Equal(new[] { 0.0, 10.0, 1.0, 11.0 }, batch[0].data<double>().ToArray());
    }

    private sealed class Squares(int count) : utils.data.Dataset
    {
        public override long Count => count;

        public override Dictionary<string, Tensor> GetTensor(long index) => new()
        {
            ["data"] = full([2, 2], index, float64),
            ["label"] = tensor(index * index),
        };
    }

    [Fact]
    public void A_dictionary_dataset_is_batched_name_by_name()
    {
        var batches = utils.data.DataLoader(new Squares(5), batchSize: 2).ToList();
        Assert.Equal(3, batches.Count);
        Assert.Equal(new long[] { 2, 2, 2 }, batches[0]["data"].shape);
        Assert.Equal(new[] { 2.0, 2, 2, 2, 3, 3, 3, 3 }, batches[1]["data"].data<double>().ToArray());
        Assert.Equal(new long[] { 4, 9 }, batches[1]["label"].data<long>().ToArray());
        Assert.Equal(new long[] { 1 }, batches[2]["label"].shape);
    }

    private sealed class Ragged : utils.data.Dataset
    {
        public override long Count => 3;

        public override Dictionary<string, Tensor> GetTensor(long index) => new() { ["data"] = zeros(index + 1) };
    }

    [Fact]
    public void Samples_of_different_shapes_cannot_be_batched()
    {
        var error = Assert.Throws<InvalidOperationException>(() => utils.data.DataLoader(new Ragged(), batchSize: 3).First());
        Assert.Contains("cannot batch 'data': sample 0 is Float32 of shape (1) but sample 1 is Float32 of shape (2)", error.Message);
    }

    private sealed class Words : utils.data.Dataset<string>
    {
        private static readonly string[] All = ["a", "bb", "ccc", "dddd", "eeeee"];

        public override long Count => All.Length;

        public override string GetTensor(long index) => All[index];
    }

    [Fact]
    public void A_typed_dataset_is_batched_by_its_collate_function_with_parallel_workers()
    {
        var loader = new DataLoader<string, Tensor>(new Words(), 2, (words, device) => tensor(words.Select(w => (long)w.Length).ToArray()), num_worker: 2);
        Assert.Equal([[1, 2], [3, 4], [5]], loader.Select(b => b.data<long>().ToArray()));
    }

    [Fact]
    public void Parallel_workers_give_the_same_batches_as_one()
    {
        var one = utils.data.DataLoader(new Squares(7), batchSize: 3, shuffle: true, seed: 1).Select(b => b["label"].data<long>().ToArray()).ToList();
        var four = utils.data.DataLoader(new Squares(7), batchSize: 3, shuffle: true, seed: 1, num_worker: 4).Select(b => b["label"].data<long>().ToArray()).ToList();
        Assert.Equal(one, four);
    }

    [Fact]
    public void Invalid_loader_arguments_are_refused()
    {
        Assert.Contains("batchSize must be at least 1", Assert.Throws<ArgumentException>(() => utils.data.DataLoader(Samples(), 0)).Message);
        Assert.Contains("CUDA", Assert.Throws<NotSupportedException>(() => utils.data.DataLoader(Samples(), 4, device: CUDA)).Message);
    }
}
