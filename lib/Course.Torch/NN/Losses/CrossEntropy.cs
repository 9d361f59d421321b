using System.Numerics;
using Course.Torch.Kernels;

namespace Course.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// The classification loss: log_softmax of the scores (logits) followed by <see cref="nll_loss"/>, i.e.
            /// −log of the probability the model gives the right class, averaged over the batch. Pass raw scores,
            /// not probabilities: the softmax is part of the loss.
            /// <para>
            /// The target is either class indices (int64, the input's shape without the class dimension:
            /// (N) for input (N, C), (N, d1, ...) for input (N, C, d1, ...)), or class probabilities (a float
            /// tensor of the input's shape). With indices, this runs as one fused op whose gradient is
            /// softmax(x) − onehot(target), scaled by the weights and divided by the mean's normaliser.
            /// </para>
            /// </summary>
            /// <param name="input">Scores (logits): (N, C), (C) for one sample, or (N, C, d1, ...) for a class per position.</param>
            /// <param name="target">Class indices (int64) or class probabilities (the input's shape and dtype).</param>
            /// <param name="weight">One weight per class (shape C), e.g. to make rare classes count more. The mean then divides by the total weight of the targets.</param>
            /// <param name="ignore_index">Targets equal to this (e.g. padding) contribute nothing, not even to the mean's count.</param>
            /// <param name="reduction">None (one loss per sample and position), Mean or Sum.</param>
            /// <param name="label_smoothing">
            /// ε in [0, 1]: the target becomes (1 − ε)·onehot + ε/C on every class, which keeps the model from
            /// becoming over-confident.
            /// </param>
            public static Tensor cross_entropy(Tensor input, Tensor target, Tensor? weight = null, long ignore_index = -100, Reduction reduction = Reduction.Mean, double label_smoothing = 0.0)
            {
                const string op = "cross_entropy";
                if (!(label_smoothing >= 0 && label_smoothing <= 1))
                    throw new ArgumentOutOfRangeException(nameof(label_smoothing), $"{op}: label_smoothing must be between 0 and 1, got {label_smoothing}.");
                if (target.is_floating_point() && input.Dimensions > 0 && target._shape.AsSpan().SequenceEqual(input._shape))
                    return CrossEntropyWithProbabilities(input, target, weight, ignore_index, reduction, label_smoothing);
                var batch = ClassTargets.Create(op, input, target, weight, ignore_index,
                    $"; for probabilities pass a float tensor of the input's shape ({input.ShapeText})");
                return input.dtype == ScalarType.Float32
                    ? CrossEntropyWithIndices(batch, reduction, (float)label_smoothing)
                    : CrossEntropyWithIndices(batch, reduction, label_smoothing);
            }

            private static Tensor CrossEntropyWithIndices<T>(ClassTargets batch, Reduction reduction, T smoothing) where T : unmanaged, IFloatingPointIeee754<T>
            {
                var losses = batch.NewRowLosses();
                var logSumExp = new T[batch.Targets.Length];
                ClassLossRows.CrossEntropy(batch.Rows.ContiguousSpan<T>(), batch.Classes, batch.Targets, batch.IgnoreIndex,
                    batch.ClassWeights<T>(), smoothing, logSumExp, losses.ContiguousSpan<T>());
                // PyTorch's cross_entropy ends in nll_loss, so its results print grad_fn=<NllLossBackward0> as well.
                return batch.Reduce<T>(losses, reduction).WithGradFn("NllLossBackward0", g =>
                {
                    var gradient = batch.NewRowGradient();
                    ClassLossRows.CrossEntropyBackward(batch.Rows.ContiguousSpan<T>(), batch.Classes, batch.Targets, batch.IgnoreIndex,
                        batch.ClassWeights<T>(), smoothing, logSumExp, batch.RowScales<T>(g, reduction), gradient.ContiguousSpan<T>());
                    return [batch.ToInputLayout(gradient)];
                }, batch.Input);
            }

            /// <summary>
            /// Cross-entropy against a distribution over the classes: −Σ_c w_c·q_c·log softmax(x)_c, with q the
            /// (smoothed) target. Written with ordinary ops, so autograd differentiates it for input and target.
            /// Unlike the index form, the mean divides by the number of rows whatever the weights, as in PyTorch.
            /// </summary>
            private static Tensor CrossEntropyWithProbabilities(Tensor input, Tensor target, Tensor? weight, long ignoreIndex, Reduction reduction, double smoothing)
            {
                const string op = "cross_entropy";
                if (!input.is_floating_point())
                    throw new ArgumentException($"{op}: input must be floating point, got {input.dtype}.");
                if (ignoreIndex >= 0)
                    throw new ArgumentException($"{op}: ignore_index ({ignoreIndex}) works only with class-index targets, not with probabilities.");
                var classDim = input.Dimensions == 1 ? 0 : 1;
                var classes = input._shape[classDim];
                var probabilities = smoothing > 0 ? target * (1 - smoothing) + smoothing / classes : target;
                var terms = log_softmax(input, classDim) * probabilities;
                if (weight is not null)
                {
                    var broadcastShape = Enumerable.Repeat(1L, input.Dimensions).ToArray();
                    broadcastShape[classDim] = classes;
                    terms *= ClassTargets.CheckClassWeight(op, weight, input, classes).view(broadcastShape);
                }
                return reduction switch
                {
                    Reduction.None => -terms.sum(classDim),
                    Reduction.Sum => -terms.sum(),
                    Reduction.Mean => -terms.sum() / (input.numel() / Math.Max(classes, 1)),
                    _ => throw new ArgumentOutOfRangeException(nameof(reduction), reduction, "reduction must be Reduction.None, Reduction.Mean or Reduction.Sum."),
                };
            }

            /// <summary>
            /// Negative log-likelihood: −input[n, target[n]], averaged. The input holds log-probabilities (the output
            /// of log_softmax), so log_softmax followed by nll_loss is <see cref="cross_entropy"/>.
            /// Shapes, weight and ignore_index work as in <see cref="cross_entropy"/> with class indices.
            /// </summary>
            public static Tensor nll_loss(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean, long ignore_index = -100)
            {
                var batch = ClassTargets.Create("nll_loss", input, target, weight, ignore_index, "");
                return input.dtype == ScalarType.Float32 ? NllLoss<float>(batch, reduction) : NllLoss<double>(batch, reduction);
            }

            private static Tensor NllLoss<T>(ClassTargets batch, Reduction reduction) where T : unmanaged, IFloatingPointIeee754<T>
            {
                var losses = batch.NewRowLosses();
                ClassLossRows.Nll(batch.Rows.ContiguousSpan<T>(), batch.Classes, batch.Targets, batch.IgnoreIndex, batch.ClassWeights<T>(), losses.ContiguousSpan<T>());
                return batch.Reduce<T>(losses, reduction).WithGradFn("NllLossBackward0", g =>
                {
                    var gradient = batch.NewRowGradient();
                    ClassLossRows.NllBackward(batch.Classes, batch.Targets, batch.IgnoreIndex, batch.ClassWeights<T>(),
                        batch.RowScales<T>(g, reduction), gradient.ContiguousSpan<T>());
                    return [batch.ToInputLayout(gradient)];
                }, batch.Input);
            }
        }
    }
}
