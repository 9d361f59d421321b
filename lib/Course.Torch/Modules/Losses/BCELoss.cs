using static Course.Torch.torch;

namespace Course.Torch
{
    using Modules;

    namespace Modules
    {
        /// <summary>Binary cross-entropy of probabilities (after a sigmoid); see <see cref="nn.functional.binary_cross_entropy"/>.</summary>
        public sealed class BCELoss : WeightedLoss<Tensor, Tensor, Tensor>
        {
            internal BCELoss(Tensor? weight, nn.Reduction reduction) : base(nameof(BCELoss), weight, reduction) { }

            public override Tensor forward(Tensor input, Tensor target) => nn.functional.binary_cross_entropy(input, target, weight, reduction);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            public static BCELoss BCELoss(Tensor? weight = null, Reduction reduction = Reduction.Mean) => new(weight, reduction);
        }
    }
}
