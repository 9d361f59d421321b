using TorchSharp;
using static TorchSharp.torch;

namespace Course.Training;

/// <summary>
/// Counts[t, p] = how many samples of true class t were predicted as class p. The diagonal holds the right
/// answers; a large off-diagonal cell names a pair of classes the model confuses.
/// </summary>
public sealed class ConfusionMatrix(long[,] counts)
{
    public long[,] Counts { get; } = counts;

    public int NumClasses => Counts.GetLength(0);

    /// <summary>The counts as an int64 tensor [classes, classes].</summary>
    public Tensor ToTensor() => tensor(Counts.Cast<long>().ToArray(), [NumClasses, NumClasses]);

    /// <summary>The counts as int[,] (e.g. for a heat map).</summary>
    public int[,] ToArray()
    {
        var result = new int[NumClasses, NumClasses];
        for (var t = 0; t < NumClasses; t++)
            for (var p = 0; p < NumClasses; p++)
                result[t, p] = checked((int)Counts[t, p]);
        return result;
    }

    /// <summary>
    /// Precision = right / predicted as the class, recall = right / truly in the class, F1 = their harmonic mean;
    /// each 0 where its denominator is 0 (scikit-learn's <c>zero_division=0</c>). Macro averages weigh classes equally.
    /// </summary>
    public ClassificationReport Report()
    {
        var n = NumClasses;
        var (precision, recall, f1, support) = (new double[n], new double[n], new double[n], new long[n]);
        for (var c = 0; c < n; c++)
        {
            long predicted = 0;
            for (var t = 0; t < n; t++)
            {
                predicted += Counts[t, c];
                support[c] += Counts[c, t];
            }
            var right = Counts[c, c];
            precision[c] = predicted == 0 ? 0 : right / (double)predicted;
            recall[c] = support[c] == 0 ? 0 : right / (double)support[c];
            f1[c] = precision[c] + recall[c] == 0 ? 0 : 2 * precision[c] * recall[c] / (precision[c] + recall[c]);
        }
        return new ClassificationReport(precision, recall, f1, support);
    }
}

/// <summary>Per-class precision, recall, F1 and support (samples per true class), and macro averages.</summary>
public sealed record ClassificationReport(double[] Precision, double[] Recall, double[] F1, long[] Support)
{
    public double MacroPrecision => Precision.Average();
    public double MacroRecall => Recall.Average();
    /// <summary>The mean of the per-class F1 scores (scikit-learn's <c>f1_score(average="macro")</c>).</summary>
    public double MacroF1 => F1.Average();
}
