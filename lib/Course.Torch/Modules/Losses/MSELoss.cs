using static Course.Torch.torch;

namespace Course.Torch
{
    using Modules;

    namespace Modules
    {
        /// <summary>The mean squared error (input − target)², for regression; see <see cref="nn.functional.mse_loss"/>.</summary>
        public sealed class MSELoss : Loss<Tensor, Tensor, Tensor>
        {
            internal MSELoss(nn.Reduction reduction) : base(nameof(MSELoss), reduction) { }

            public override Tensor forward(Tensor input, Tensor target) => nn.functional.mse_loss(input, target, reduction);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            public static MSELoss MSELoss(Reduction reduction = Reduction.Mean) => new(reduction);
        }
    }
}
