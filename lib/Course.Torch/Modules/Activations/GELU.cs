using static Course.Torch.torch;

namespace Course.Torch
{
    using Modules;

    namespace Modules
    {
        /// <summary>The Gaussian Error Linear Unit x·Φ(x) elementwise (exact form), the smooth ReLU of transformers.</summary>
        public sealed class GELU : nn.Module<Tensor, Tensor>
        {
            internal GELU() : base(nameof(GELU)) { }

            public override Tensor forward(Tensor input) => input.gelu();
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            public static GELU GELU() => new();

            public static partial class functional
            {
                public static Tensor gelu(Tensor x) => x.gelu();
            }
        }
    }
}
