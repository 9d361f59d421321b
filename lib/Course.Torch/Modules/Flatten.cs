using static Course.Torch.torch;

namespace Course.Torch
{
    using Modules;

    namespace Modules
    {
        /// <summary>
        /// Merges dimensions <see cref="start_dim"/>..<see cref="end_dim"/> into one. The default keeps the
        /// batch dimension: images (N, C, H, W) become rows (N, C·H·W) for a Linear layer.
        /// </summary>
        public sealed class Flatten : nn.Module<Tensor, Tensor>
        {
            internal Flatten(long startDim, long endDim) : base(nameof(Flatten))
            {
                start_dim = startDim;
                end_dim = endDim;
            }

            public long start_dim { get; }

            public long end_dim { get; }

            public override Tensor forward(Tensor input) => input.flatten(start_dim, end_dim);

            protected override string extra_repr() => $"start_dim={start_dim}, end_dim={end_dim}";
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            public static Flatten Flatten(long startDim = 1, long endDim = -1) => new(startDim, endDim);
        }
    }
}
