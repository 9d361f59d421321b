using Course.Training;
using static TorchSharp.torch;

namespace Course.Tests.Training;

public class MetricsTests
{
    // Targets 0,0,1,1,2,2 predicted as 0,1,1,1,0,1: class 2 is never predicted.
    private static readonly Tensor Targets = tensor(new long[] { 0, 0, 1, 1, 2, 2 });
    private static readonly Tensor Predicted = tensor(new long[] { 0, 1, 1, 1, 0, 1 });

    [Fact]
    public void Confusion_matrix_counts_true_class_by_predicted_class()
    {
        var matrix = Metrics.ConfusionMatrix(Predicted, Targets);
        Assert.Equal(new[,] { { 1, 1, 0 }, { 0, 2, 0 }, { 1, 1, 0 } }, matrix.ToArray());
        Assert.Equal(new long[] { 1, 1, 0, 0, 2, 0, 1, 1, 0 }, matrix.ToTensor().data<long>().ToArray());
        Assert.Equal(new long[] { 3, 3 }, matrix.ToTensor().shape);
        Assert.Equal(4, Metrics.ConfusionMatrix(Predicted, Targets, numClasses: 4).NumClasses);
    }

    [Fact]
    public void Precision_recall_and_F1_match_hand_computed_values_with_zero_division_as_zero()
    {
        var report = Metrics.Report(Predicted, Targets);
        Assert.Equal(new[] { 0.5, 0.5, 0.0 }, report.Precision);      // 1/2, 2/4, nothing predicted as 2
        Assert.Equal(new[] { 0.5, 1.0, 0.0 }, report.Recall);         // 1/2, 2/2, 0/2
        Assert.Equal(0.5, report.F1[0], 12);
        Assert.Equal(2.0 / 3, report.F1[1], 12);                      // 2·0.5·1 / 1.5
        Assert.Equal(0.0, report.F1[2]);
        Assert.Equal(new long[] { 2, 2, 2 }, report.Support);
        Assert.Equal(1.0 / 3, report.MacroPrecision, 12);
        Assert.Equal(0.5, report.MacroRecall, 12);
        Assert.Equal((0.5 + 2.0 / 3) / 3, report.MacroF1, 12);
    }

    [Fact]
    public void Accuracy_takes_labels_or_scores()
    {
        Assert.Equal(0.5, Metrics.Accuracy(Predicted, Targets));
        var scores = tensor(new float[] { 0.9f, 0.1f, 0.2f, 0.8f, 0.6f, 0.4f }, [3, 2]);
        Assert.Equal(2.0 / 3, Metrics.Accuracy(scores, tensor(new long[] { 0, 1, 1 })), 12);
        Assert.Equal(2, Metrics.ConfusionMatrix(scores, tensor(new long[] { 0, 1, 1 })).NumClasses);
    }

    [Fact]
    public void Mismatched_or_wrong_inputs_are_explained()
    {
        Assert.Contains("6 predictions but 2 targets", Assert.Throws<ArgumentException>(() => Metrics.Accuracy(Predicted, tensor(new long[] { 0, 1 }))).Message);
        Assert.Contains("targets must be class indices", Assert.Throws<ArgumentException>(() => Metrics.Accuracy(Predicted, ones(6))).Message);
        Assert.Contains("classes are 0-1", Assert.Throws<ArgumentException>(() => Metrics.ConfusionMatrix(Predicted, Targets, numClasses: 2)).Message);
    }
}
