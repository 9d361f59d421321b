using System.Globalization;

namespace Course.Training;

/// <summary>
/// One epoch's numbers: mean training loss and accuracy over its batches, validation loss and accuracy
/// after it (null without validation data), and the training speed.
/// </summary>
public sealed record EpochResult(int Epoch, int Epochs, double TrainLoss, double? TrainAccuracy,
    double? ValidationLoss, double? ValidationAccuracy, double SamplesPerSecond, TimeSpan Duration)
{
    /// <summary>e.g. "epoch 2/5 · loss 0.412 · val acc 0.861 · 12,345 samples/s".</summary>
    public string ProgressLine()
    {
        var parts = new List<string> { $"epoch {Epoch}/{Epochs}", F($"loss {TrainLoss:F3}") };
        if (TrainAccuracy is { } accuracy) parts.Add(F($"acc {accuracy:F3}"));
        if (ValidationLoss is { } validationLoss) parts.Add(F($"val loss {validationLoss:F3}"));
        if (ValidationAccuracy is { } validationAccuracy) parts.Add(F($"val acc {validationAccuracy:F3}"));
        parts.Add(F($"{SamplesPerSecond:N0} samples/s"));
        return string.Join(" · ", parts);
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    public override string ToString() => ProgressLine();
}

/// <summary>Every epoch's result, in order, with each series as an array for plotting.</summary>
public sealed class TrainingHistory
{
    private readonly List<EpochResult> _epochs = [];

    public IReadOnlyList<EpochResult> Epochs => _epochs;

    public double[] TrainLoss => [.. _epochs.Select(e => e.TrainLoss)];
    public double[] TrainAccuracy => [.. _epochs.Select(e => e.TrainAccuracy ?? double.NaN)];
    public double[] ValidationLoss => [.. _epochs.Select(e => e.ValidationLoss ?? double.NaN)];
    public double[] ValidationAccuracy => [.. _epochs.Select(e => e.ValidationAccuracy ?? double.NaN)];

    /// <summary>The epoch with the lowest validation loss (or training loss without validation data), or null before the first.</summary>
    public EpochResult? Best => _epochs.MinBy(e => e.ValidationLoss ?? e.TrainLoss);

    /// <summary>True when early stopping ended training before the planned number of epochs.</summary>
    public bool StoppedEarly { get; internal set; }

    internal void Add(EpochResult result) => _epochs.Add(result);
}
