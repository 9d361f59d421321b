using System.Numerics;
using System.Numerics.Tensors;

namespace Course.Torch.Kernels;

/// <summary>
/// Classification losses over rows of class scores: row r holds the C scores of one sample (or one
/// position of one sample) and has the target class targets[r]. A row whose target is the ignore
/// index contributes nothing. Class weights are empty when the loss is unweighted.
/// </summary>
internal static class ClassLossRows
{
    /// <summary>
    /// Fused log-softmax + negative log-likelihood with label smoothing ε. With lse = log Σ e^xⱼ (computed
    /// as max + log Σ e^(xⱼ − max), see <see cref="SoftmaxRows"/>), log-probabilities are xⱼ − lse and
    /// <code>loss = (1 − ε)·w_t·(lse − x_t) + ε/C·Σⱼ wⱼ·(lse − xⱼ)</code>
    /// The log-sum-exp of each row is kept for the backward pass.
    /// </summary>
    public static void CrossEntropy<T>(ReadOnlySpan<T> scores, int classes, ReadOnlySpan<long> targets, long ignoreIndex,
        ReadOnlySpan<T> classWeights, T smoothing, Span<T> logSumExp, Span<T> losses) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var exponentials = new T[classes];
        var spread = smoothing / T.CreateTruncating(classes);
        var weightTotal = classWeights.IsEmpty ? T.CreateTruncating(classes) : TensorPrimitives.Sum(classWeights);
        for (var r = 0; r < targets.Length; r++)
        {
            var target = targets[r];
            if (target == ignoreIndex) continue;
            var row = scores.Slice(r * classes, classes);
            var max = TensorPrimitives.Max(row);
            TensorPrimitives.Subtract(row, max, exponentials);
            TensorPrimitives.Exp(exponentials, exponentials);
            var lse = max + T.Log(TensorPrimitives.Sum<T>(exponentials));
            logSumExp[r] = lse;
            var weight = classWeights.IsEmpty ? T.One : classWeights[(int)target];
            var loss = (T.One - smoothing) * weight * (lse - row[(int)target]);
            if (smoothing != T.Zero)
            {
                var weightedScores = classWeights.IsEmpty ? TensorPrimitives.Sum(row) : TensorPrimitives.Dot(classWeights, row);
                loss += spread * (weightTotal * lse - weightedScores);
            }
            losses[r] = loss;
        }
    }

    /// <summary>
    /// The gradient of <see cref="CrossEntropy{T}"/>, row r scaled by rowScales[r]. Differentiating the loss above
    /// with pⱼ = e^(xⱼ − lse) the softmax gives, for one row,
    /// <code>∂loss/∂xⱼ = pⱼ·((1 − ε)·w_t + ε/C·Σₖ wₖ) − (1 − ε)·w_t·[j = t] − ε/C·wⱼ</code>
    /// i.e. softmax minus the smoothed one-hot target when unweighted. <paramref name="gradient"/> must be zeroed.
    /// </summary>
    public static void CrossEntropyBackward<T>(ReadOnlySpan<T> scores, int classes, ReadOnlySpan<long> targets, long ignoreIndex,
        ReadOnlySpan<T> classWeights, T smoothing, ReadOnlySpan<T> logSumExp, ReadOnlySpan<T> rowScales, Span<T> gradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var weightTotal = classWeights.IsEmpty ? T.CreateTruncating(classes) : TensorPrimitives.Sum(classWeights);
        for (var r = 0; r < targets.Length; r++)
        {
            var target = targets[r];
            if (target == ignoreIndex) continue;
            var output = gradient.Slice(r * classes, classes);
            var weight = classWeights.IsEmpty ? T.One : classWeights[(int)target];
            var pick = rowScales[r] * (T.One - smoothing) * weight;
            var spread = rowScales[r] * smoothing / T.CreateTruncating(classes);
            TensorPrimitives.Subtract(scores.Slice(r * classes, classes), logSumExp[r], output);
            TensorPrimitives.Exp(output, output);
            TensorPrimitives.Multiply(output, pick + spread * weightTotal, output);
            if (spread != T.Zero)
            {
                if (classWeights.IsEmpty) TensorPrimitives.Subtract(output, spread, output);
                else TensorPrimitives.MultiplyAdd(classWeights, -spread, output, output);
            }
            output[(int)target] -= pick;
        }
    }

    /// <summary>Negative log-likelihood of rows of log-probabilities: loss = −w_t·x_t.</summary>
    public static void Nll<T>(ReadOnlySpan<T> logProbabilities, int classes, ReadOnlySpan<long> targets, long ignoreIndex,
        ReadOnlySpan<T> classWeights, Span<T> losses) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var r = 0; r < targets.Length; r++)
        {
            var target = targets[r];
            if (target == ignoreIndex) continue;
            var weight = classWeights.IsEmpty ? T.One : classWeights[(int)target];
            losses[r] = -weight * logProbabilities[r * classes + (int)target];
        }
    }

    /// <summary>The gradient of <see cref="Nll{T}"/>: −w_t·rowScales[r] at the target, 0 elsewhere. <paramref name="gradient"/> must be zeroed.</summary>
    public static void NllBackward<T>(int classes, ReadOnlySpan<long> targets, long ignoreIndex, ReadOnlySpan<T> classWeights,
        ReadOnlySpan<T> rowScales, Span<T> gradient) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var r = 0; r < targets.Length; r++)
        {
            var target = targets[r];
            if (target == ignoreIndex) continue;
            var weight = classWeights.IsEmpty ? T.One : classWeights[(int)target];
            gradient[r * classes + (int)target] = -weight * rowScales[r];
        }
    }
}
