using static Course.Torch.torch;

namespace Course.Torch
{
    using Modules;

    namespace Modules
    {
        /// <summary>max(x, 0) elementwise: the default nonlinearity between layers.</summary>
        public sealed class ReLU : nn.Module<Tensor, Tensor>
        {
            internal ReLU() : base(nameof(ReLU)) { }

            public override Tensor forward(Tensor input) => input.relu();
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            public static ReLU ReLU() => new();

            public static partial class functional
            {
                public static Tensor relu(Tensor x) => x.relu();
            }
        }
    }
}
