using static Course.Torch.torch;

namespace Course.Torch
{
    using Modules;

    namespace Modules
    {
        /// <summary>The mean of each kernel_size window (stride defaults to kernel_size); see <see cref="nn.functional.avg_pool2d(Tensor, long[], long[], long[], bool)"/>.</summary>
        public sealed class AvgPool2d : nn.Module<Tensor, Tensor>
        {
            internal AvgPool2d(long[] kernelSize, long[]? stride, long[] padding, bool countIncludePad) : base(nameof(AvgPool2d))
            {
                kernel_size = kernelSize;
                this.stride = stride ?? kernelSize;
                this.padding = padding;
                count_include_pad = countIncludePad;
            }

            public long[] kernel_size { get; }

            public long[] stride { get; }

            public long[] padding { get; }

            public bool count_include_pad { get; }

            public override Tensor forward(Tensor input) => nn.functional.avg_pool2d(input, kernel_size, stride, padding, count_include_pad);

            protected override string extra_repr() =>
                $"kernel_size={string.Join("x", kernel_size)}, stride={string.Join("x", stride)}, padding={string.Join("x", padding)}";
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            public static AvgPool2d AvgPool2d(long kernel_size, long? stride = null, long padding = 0, bool count_include_pad = true) =>
                new([kernel_size], stride is { } s ? [s] : null, [padding], count_include_pad);

            public static AvgPool2d AvgPool2d((long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null,
                                              bool count_include_pad = true) =>
                new([kernel_size.Item1, kernel_size.Item2], stride is { } s ? [s.Item1, s.Item2] : null,
                    padding is { } p ? [p.Item1, p.Item2] : [0], count_include_pad);
        }
    }
}
