using static Course.Torch.torch;

namespace Course.Torch
{
    using Modules;

    namespace Modules
    {
        /// <summary>x for x &gt; 0 and negative_slope·x otherwise, so negative inputs still pass a small gradient.</summary>
        public sealed class LeakyReLU : nn.Module<Tensor, Tensor>
        {
            internal LeakyReLU(double negative_slope) : base(nameof(LeakyReLU)) => this.negative_slope = negative_slope;

            public double negative_slope { get; }

            public override Tensor forward(Tensor input) => input.leaky_relu(negative_slope);

            protected override string extra_repr() => $"negative_slope={negative_slope}";
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            public static LeakyReLU LeakyReLU(double negative_slope = 0.01) => new(negative_slope);

            public static partial class functional
            {
                public static Tensor leaky_relu(Tensor input, double negative_slope = 0.01) => input.leaky_relu(negative_slope);
            }
        }
    }
}
