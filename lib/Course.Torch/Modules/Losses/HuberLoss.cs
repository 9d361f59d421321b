using static Course.Torch.torch;

namespace Course.Torch
{
    using Modules;

    namespace Modules
    {
        /// <summary>The Huber loss: squared error below <see cref="delta"/>, linear above; see <see cref="nn.functional.huber_loss"/>.</summary>
        public sealed class HuberLoss : Loss<Tensor, Tensor, Tensor>
        {
            internal HuberLoss(double delta, nn.Reduction reduction) : base(nameof(HuberLoss), reduction) => this.delta = delta;

            public double delta { get; }

            public override Tensor forward(Tensor input, Tensor target) => nn.functional.huber_loss(input, target, delta, reduction);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            public static HuberLoss HuberLoss(double delta = 1.0, Reduction reduction = Reduction.Mean) => new(delta, reduction);
        }
    }
}
