namespace Course.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// PyTorch's EPSILON is the float 1e-12 (9.99999996e-13 as a double); using the same number keeps
            /// the gradient at p = 0 or 1 identical to PyTorch's.
            /// </summary>
            private const double BinaryCrossEntropyEpsilon = 1e-12f;

            /// <summary>
            /// Binary cross-entropy of probabilities p against labels y in [0, 1]:
            /// −w·(y·log p + (1 − y)·log(1 − p)). Each log is clamped at −100, as in PyTorch, so a confident
            /// wrong answer (p = 0 for y = 1) costs 100 instead of infinity.
            /// <para>
            /// Example: p = [0.2, 0.8, 0.1, 0.9] against y = [0, 1, 0, 1] gives the mean
            /// −(log 0.8 + log 0.8 + log 0.9 + log 0.9)/4 = 0.1643.
            /// </para>
            /// Backward: ∂/∂p = w·(p − y)/(p·(1 − p)) (the denominator kept ≥ 1e-12) and ∂/∂y = w·(log(1 − p) − log p).
            /// If your model ends in a sigmoid, <see cref="binary_cross_entropy_with_logits"/> on the scores before
            /// it is more accurate.
            /// </summary>
            /// <param name="input">Probabilities in [0, 1], e.g. the output of a sigmoid.</param>
            /// <param name="target">Labels (or soft labels) in [0, 1], same shape and dtype as the input.</param>
            /// <param name="weight">Rescales each element's loss; broadcasts to the input's shape.</param>
            /// <param name="reduction">None, Mean (over all elements) or Sum.</param>
            public static Tensor binary_cross_entropy(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean)
            {
                const string op = "binary_cross_entropy";
                CheckInputAndTarget(op, input, target);
                if (weight is not null) CheckBroadcastsTo(op, "weight", weight, input);
                CheckConstant(op, "weight", weight);
                var p = input.detach();
                var y = target.detach();
                var outside = logical_not(p.ge(0) & p.le(1)); // NaN fails both comparisons, so it counts as outside
                if (outside.any().item<bool>())
                    throw new ArgumentException(
                        $"{op}: input must hold probabilities in [0, 1], found {p.masked_select(outside).to(ScalarType.Float64).data<double>()[0]:G6}; " +
                        "apply sigmoid first, or pass the raw scores to binary_cross_entropy_with_logits.");

                var loss = -(y * p.log().clamp_min(-100) + (1.0 - y) * (-p).log1p().clamp_min(-100));
                if (weight is not null) loss *= weight;
                loss = loss.WithGradFn("BinaryCrossEntropyBackward0", g =>
                {
                    var scale = weight is null ? g : g * weight;
                    return [input.requires_grad ? scale * (p - y) / (p * (1.0 - p)).clamp_min(BinaryCrossEntropyEpsilon) : null,
                            target.requires_grad ? scale * ((-p).log1p() - p.log()) : null];
                }, input, target);
                return ApplyReduction(loss, reduction);
            }

            /// <summary>
            /// Binary cross-entropy of σ(input) against labels y, computed from the scores (logits) directly:
            /// (1 − y)·x + log(1 + e⁻ˣ), written so that no exponent is positive and nothing overflows, unlike
            /// sigmoid followed by <see cref="binary_cross_entropy"/>. Its gradient is simply σ(x) − y.
            /// </summary>
            /// <param name="input">Scores (logits) of any shape: positive means "more likely 1".</param>
            /// <param name="target">Labels (or soft labels) in [0, 1], same shape and dtype as the input.</param>
            /// <param name="weight">Rescales each element's loss; broadcasts to the input's shape.</param>
            /// <param name="reduction">None, Mean (over all elements) or Sum.</param>
            /// <param name="pos_weights">
            /// Weight of the positive examples (the y·log σ(x) term), broadcast along the last dimension, e.g. one
            /// per class: 3 makes each positive count like 3 negatives (more recall, less precision).
            /// </param>
            public static Tensor binary_cross_entropy_with_logits(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean, Tensor? pos_weights = null)
            {
                const string op = "binary_cross_entropy_with_logits";
                CheckInputAndTarget(op, input, target);
                if (weight is not null) CheckBroadcastsTo(op, "weight", weight, input);
                if (pos_weights is not null) CheckBroadcastsTo(op, "pos_weights", pos_weights, input);
                // −log σ(x) = log(1 + e⁻ˣ) = m + log(e⁻ᵐ + e⁻ˣ⁻ᵐ) with m = max(−x, 0), as PyTorch computes it.
                var m = (-input).clamp_min(0);
                var minusLogSigmoid = m + (exp(-m) + exp(-input - m)).log();
                var positiveScale = pos_weights is null ? null : (pos_weights - 1.0) * target + 1.0;
                var loss = (1.0 - target) * input + (positiveScale is null ? minusLogSigmoid : positiveScale * minusLogSigmoid);
                if (weight is not null) loss *= weight;
                return ApplyReduction(loss, reduction);
            }
        }
    }
}
