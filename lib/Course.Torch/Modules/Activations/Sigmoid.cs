using static Course.Torch.torch;

namespace Course.Torch
{
    using Modules;

    namespace Modules
    {
        /// <summary>The logistic function 1/(1 + e⁻ˣ) elementwise, squashing into (0, 1).</summary>
        public sealed class Sigmoid : nn.Module<Tensor, Tensor>
        {
            internal Sigmoid() : base(nameof(Sigmoid)) { }

            public override Tensor forward(Tensor input) => input.sigmoid();
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            public static Sigmoid Sigmoid() => new();

            public static partial class functional
            {
                public static Tensor sigmoid(Tensor x) => x.sigmoid();
            }
        }
    }
}
