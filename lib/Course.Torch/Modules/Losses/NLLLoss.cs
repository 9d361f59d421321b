using static Course.Torch.torch;

namespace Course.Torch
{
    using Modules;

    namespace Modules
    {
        /// <summary>Negative log-likelihood of log-probabilities (after LogSoftmax) and class indices; see <see cref="nn.functional.nll_loss"/>.</summary>
        public sealed class NLLLoss : WeightedLoss<Tensor, Tensor, Tensor>
        {
            internal NLLLoss(Tensor? weight, nn.Reduction reduction, long ignore_index) : base(nameof(NLLLoss), weight, reduction) => this.ignore_index = ignore_index;

            public long ignore_index { get; }

            public override Tensor forward(Tensor input, Tensor target) => nn.functional.nll_loss(input, target, weight, reduction, ignore_index);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            public static NLLLoss NLLLoss(Tensor? weight = null, Reduction reduction = Reduction.Mean, long ignore_index = -100) => new(weight, reduction, ignore_index);
        }
    }
}
