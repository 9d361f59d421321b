using static Course.Torch.torch;

namespace Course.Torch
{
    using Modules;

    namespace Modules
    {
        /// <summary>The mean absolute error |input − target|; see <see cref="nn.functional.l1_loss"/>.</summary>
        public sealed class L1Loss : Loss<Tensor, Tensor, Tensor>
        {
            internal L1Loss(nn.Reduction reduction) : base(nameof(L1Loss), reduction) { }

            public override Tensor forward(Tensor input, Tensor target) => nn.functional.l1_loss(input, target, reduction);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            public static L1Loss L1Loss(Reduction reduction = Reduction.Mean) => new(reduction);
        }
    }
}
