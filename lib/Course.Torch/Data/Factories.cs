namespace Course.Torch;

public static partial class torch
{
    public static partial class utils
    {
        public static partial class data
        {
            /// <summary>A dataset whose sample i is row i of each tensor; all tensors must have the same size in dimension 0.</summary>
            public static Modules.TensorDataset TensorDataset(params Tensor[] tensors) => new(tensors);

            /// <summary>Batches a dataset of named tensors (see <see cref="Modules.DataLoader{T, S}"/> for shuffling and seeds).</summary>
            public static Modules.DataLoader DataLoader(Dataset dataset, int batchSize, bool shuffle = false, Device? device = null, int? seed = null,
                int num_worker = 1, bool drop_last = false) =>
                new(dataset, batchSize, shuffle, device, seed, num_worker, drop_last);

            /// <summary>Batches a dataset of tensor lists, e.g. a TensorDataset: <c>foreach (var batch in loader) { var x = batch[0]; var y = batch[1]; }</c>.</summary>
            public static Modules.IterableDataLoader DataLoader(IterableDataset dataset, int batchSize, bool shuffle = false, Device? device = null, int? seed = null,
                int num_worker = 1, bool drop_last = false) =>
                new(dataset, batchSize, shuffle, device, seed, num_worker, drop_last);
        }
    }
}
