using TorchSharp;
using static TorchSharp.torch;

namespace Course.Training;

/// <summary>
/// Classification metrics with scikit-learn's definitions. Predictions may be class indices [N] or scores
/// [N, C] (logits or probabilities; the highest score is the predicted class).
/// </summary>
public static class Metrics
{
    /// <summary>The fraction of samples whose predicted class is the target.</summary>
    public static double Accuracy(Tensor predictions, Tensor targets)
    {
        var (predicted, actual) = Labels(predictions, targets, "Accuracy");
        if (actual.Length == 0) throw new ArgumentException("Accuracy: no samples.");
        return actual.Zip(predicted).Count(pair => pair.First == pair.Second) / (double)actual.Length;
    }

    /// <summary>
    /// Counts [true class, predicted class] over <paramref name="numClasses"/> classes (or one more than the
    /// largest label seen, or the score width of [N, C] predictions).
    /// </summary>
    public static ConfusionMatrix ConfusionMatrix(Tensor predictions, Tensor targets, int? numClasses = null)
    {
        var (predicted, actual) = Labels(predictions, targets, "ConfusionMatrix");
        var classes = numClasses
            ?? (predictions.Dimensions == 2 ? (int)predictions.shape[1] : (int)Math.Max(predicted.DefaultIfEmpty(0).Max(), actual.DefaultIfEmpty(0).Max()) + 1);
        var counts = new long[classes, classes];
        for (var i = 0; i < actual.Length; i++)
        {
            if (actual[i] < 0 || actual[i] >= classes || predicted[i] < 0 || predicted[i] >= classes)
                throw new ArgumentException($"ConfusionMatrix: sample {i} has target {actual[i]} and prediction {predicted[i]}, but the classes are 0-{classes - 1}.");
            counts[actual[i], predicted[i]]++;
        }
        return new ConfusionMatrix(counts);
    }

    /// <summary>Per-class precision, recall, F1 and support, with their macro averages.</summary>
    public static ClassificationReport Report(Tensor predictions, Tensor targets, int? numClasses = null) =>
        ConfusionMatrix(predictions, targets, numClasses).Report();

    private static (long[] Predicted, long[] Actual) Labels(Tensor predictions, Tensor targets, string op)
    {
        if (targets.Dimensions != 1 || targets.dtype != ScalarType.Int64)
            throw new ArgumentException($"{op}: targets must be class indices, int64 [N]; got {targets.dtype} of shape [{string.Join(", ", targets.shape)}].");
        var predicted = predictions.Dimensions switch
        {
            2 => predictions.detach().argmax(1),
            1 when predictions.dtype == ScalarType.Int64 => predictions,
            _ => throw new ArgumentException($"{op}: predictions must be class indices int64 [N] or scores [N, C]; got {predictions.dtype} of shape [{string.Join(", ", predictions.shape)}]."),
        };
        if (predicted.shape[0] != targets.shape[0])
            throw new ArgumentException($"{op}: {predicted.shape[0]} predictions but {targets.shape[0]} targets.");
        return (predicted.data<long>().ToArray(), targets.data<long>().ToArray());
    }
}
