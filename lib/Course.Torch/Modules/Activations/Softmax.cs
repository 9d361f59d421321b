using static Course.Torch.torch;

namespace Course.Torch
{
    using Modules;

    namespace Modules
    {
        /// <summary>Turns scores into probabilities along <see cref="dim"/>, each slice summing to 1.</summary>
        public sealed class Softmax : nn.Module<Tensor, Tensor>
        {
            internal Softmax(long dim) : base(nameof(Softmax)) => this.dim = dim;

            public long dim { get; }

            public override Tensor forward(Tensor input) => input.softmax(dim);

            protected override string extra_repr() => $"dim={dim}";
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            public static Softmax Softmax(long dim) => new(dim);

            public static partial class functional
            {
                public static Tensor softmax(Tensor input, long dim, ScalarType? dtype = null) => input.softmax(dim, dtype);
            }
        }
    }
}
