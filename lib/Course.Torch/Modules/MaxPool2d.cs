using static Course.Torch.torch;

namespace Course.Torch
{
    using Modules;

    namespace Modules
    {
        /// <summary>
        /// Keeps the largest value of each kernel_size window (stride defaults to kernel_size, so windows do not
        /// overlap): halves height and width for kernel 2, keeping the strongest response of each feature.
        /// </summary>
        public sealed class MaxPool2d : nn.Module<Tensor, Tensor>
        {
            internal MaxPool2d(long[] kernelSize, long[]? stride, long[] padding) : base(nameof(MaxPool2d))
            {
                kernel_size = kernelSize;
                this.stride = stride ?? kernelSize;
                this.padding = padding;
            }

            public long[] kernel_size { get; }

            public long[] stride { get; }

            public long[] padding { get; }

            public override Tensor forward(Tensor input) => nn.functional.max_pool2d(input, kernel_size, stride, padding);

            protected override string extra_repr() =>
                $"kernel_size={string.Join("x", kernel_size)}, stride={string.Join("x", stride)}, padding={string.Join("x", padding)}";
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            public static MaxPool2d MaxPool2d(long kernel_size, long? stride = null, long padding = 0) =>
                new([kernel_size], stride is { } s ? [s] : null, [padding]);

            public static MaxPool2d MaxPool2d((long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null) =>
                new([kernel_size.Item1, kernel_size.Item2], stride is { } s ? [s.Item1, s.Item2] : null,
                    padding is { } p ? [p.Item1, p.Item2] : [0]);
        }
    }
}
