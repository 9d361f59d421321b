namespace Course.Torch;

public static partial class torch
{
    public static partial class utils
    {
        /// <summary>Datasets and the DataLoader that cuts them into (shuffled) mini-batches.</summary>
        public static partial class data
        {
            /// <summary>
            /// A dataset of <see cref="Count"/> samples of type <typeparamref name="T"/>, read one by one by index.
            /// Implement it for data that does not fit the ready-made <see cref="Dataset"/> or
            /// <c>TensorDataset</c>, and batch it with a <c>DataLoader&lt;T, S&gt;</c> and your own collate function.
            /// </summary>
            public abstract class Dataset<T> : IDisposable
            {
                /// <summary>The number of samples.</summary>
                public abstract long Count { get; }

                /// <summary>Sample number <paramref name="index"/> (0 ≤ index &lt; Count).</summary>
                public abstract T GetTensor(long index);

                public void Dispose()
                {
                    Dispose(true);
                    GC.SuppressFinalize(this);
                }

                /// <summary>Override to release files or other resources the dataset holds.</summary>
                protected virtual void Dispose(bool disposing)
                {
                }
            }

            /// <summary>
            /// A dataset whose samples are named tensors, e.g. <c>{ "data": image, "label": class }</c>; the
            /// <c>DataLoader</c> batches each name separately.
            /// </summary>
            public abstract class Dataset : Dataset<Dictionary<string, Tensor>>
            {
            }

            /// <summary>
            /// A dataset whose samples are lists of tensors, e.g. <c>[image, label]</c>, batched position by
            /// position. The name is TorchSharp's; unlike PyTorch's IterableDataset it is still read by index.
            /// </summary>
            public abstract class IterableDataset : Dataset<IList<Tensor>>
            {
            }
        }
    }
}
