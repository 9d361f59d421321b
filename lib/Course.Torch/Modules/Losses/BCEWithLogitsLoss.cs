using static Course.Torch.torch;

namespace Course.Torch
{
    using Modules;

    namespace Modules
    {
        /// <summary>Binary cross-entropy on raw scores, sigmoid included and numerically stable; see <see cref="nn.functional.binary_cross_entropy_with_logits"/>.</summary>
        public sealed class BCEWithLogitsLoss : WeightedLoss<Tensor, Tensor, Tensor>
        {
            internal BCEWithLogitsLoss(Tensor? weight, nn.Reduction reduction, Tensor? pos_weights) : base(nameof(BCEWithLogitsLoss), weight, reduction) => this.pos_weights = pos_weights;

            public Tensor? pos_weights { get; }

            public override Tensor forward(Tensor input, Tensor target) => nn.functional.binary_cross_entropy_with_logits(input, target, weight, reduction, pos_weights);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            public static BCEWithLogitsLoss BCEWithLogitsLoss(Tensor? weight = null, Reduction reduction = Reduction.Mean, Tensor? pos_weights = null) => new(weight, reduction, pos_weights);
        }
    }
}
