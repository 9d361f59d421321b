using static Course.Torch.torch;

namespace Course.Torch
{
    using Modules;

    namespace Modules
    {
        /// <summary>The hyperbolic tangent elementwise, squashing into (−1, 1).</summary>
        public sealed class Tanh : nn.Module<Tensor, Tensor>
        {
            internal Tanh() : base(nameof(Tanh)) { }

            public override Tensor forward(Tensor input) => input.tanh();
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            public static Tanh Tanh() => new();

            public static partial class functional
            {
                public static Tensor tanh(Tensor x) => x.tanh();
            }
        }
    }
}
