using static Course.Torch.torch;

namespace Course.Torch
{
    using Modules;

    namespace Modules
    {
        /// <summary>The classification loss on raw scores: log-softmax and negative log-likelihood in one; see <see cref="nn.functional.cross_entropy"/>.</summary>
        public sealed class CrossEntropyLoss : WeightedLoss<Tensor, Tensor, Tensor>
        {
            internal CrossEntropyLoss(Tensor? weight, long? ignore_index, nn.Reduction reduction, double label_smoothing) : base(nameof(CrossEntropyLoss), weight, reduction)
            {
                this.ignore_index = ignore_index;
                this.label_smoothing = label_smoothing;
            }

            /// <summary>Null means PyTorch's default, -100.</summary>
            public long? ignore_index { get; }

            public double label_smoothing { get; }

            public override Tensor forward(Tensor input, Tensor target) => nn.functional.cross_entropy(input, target, weight, ignore_index ?? -100, reduction, label_smoothing);
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            public static CrossEntropyLoss CrossEntropyLoss(Tensor? weight = null, long? ignore_index = null, Reduction reduction = Reduction.Mean, double label_smoothing = 0.0) => new(weight, ignore_index, reduction, label_smoothing);
        }
    }
}
