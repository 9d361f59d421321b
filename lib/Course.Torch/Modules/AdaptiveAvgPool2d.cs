using static Course.Torch.torch;

namespace Course.Torch
{
    using Modules;

    namespace Modules
    {
        /// <summary>
        /// Average pooling to a fixed output_size whatever the input's height and width, so a network can take
        /// images of any size; output_size 1 is global average pooling.
        /// </summary>
        public sealed class AdaptiveAvgPool2d : nn.Module<Tensor, Tensor>
        {
            internal AdaptiveAvgPool2d(long[] outputSize) : base(nameof(AdaptiveAvgPool2d)) => output_size = outputSize;

            public long[] output_size { get; }

            public override Tensor forward(Tensor input) => nn.functional.adaptive_avg_pool2d(input, output_size);

            protected override string extra_repr() => $"output_size={string.Join("x", output_size)}";
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            public static AdaptiveAvgPool2d AdaptiveAvgPool2d(long output_size) => new([output_size]);

            public static AdaptiveAvgPool2d AdaptiveAvgPool2d((long, long) output_size) => new([output_size.Item1, output_size.Item2]);
        }
    }
}
