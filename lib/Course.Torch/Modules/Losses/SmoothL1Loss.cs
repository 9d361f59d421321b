using static Course.Torch.torch;

namespace Course.Torch
{
    using Modules;

    namespace Modules
    {
        /// <summary>Squared error below <see cref="beta"/>, absolute error above; see <see cref="nn.functional.smooth_l1_loss"/>.</summary>
        public sealed class SmoothL1Loss : Loss<Tensor, Tensor, Tensor>
        {
            internal SmoothL1Loss(nn.Reduction reduction, double beta) : base(nameof(SmoothL1Loss), reduction) => this.beta = beta;

            public double beta { get; }

            public override Tensor forward(Tensor input, Tensor target) => nn.functional.smooth_l1_loss(input, target, reduction, beta);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            public static SmoothL1Loss SmoothL1Loss(Reduction reduction = Reduction.Mean, double beta = 1.0) => new(reduction, beta);
        }
    }
}
