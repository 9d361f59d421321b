using static TorchSharp.torch;

namespace Course.Sequences;

/// <summary>
/// Supervised windows cut from one time series for forecasting: for each forecast time t, the
/// <c>inputLength</c> values before t are the input and the <c>horizon</c> values from t on are the target.
/// The targets of a split stay inside its range [firstTarget, endTarget), so training, validation and test
/// targets never overlap; the inputs may reach back before firstTarget, since the past is known when the
/// forecast is made (the validation set's first inputs are the training set's last values, as in real use).
/// </summary>
public static class SeriesWindows
{
    /// <summary>
    /// One window per t in [<paramref name="firstTarget"/>, <paramref name="endTarget"/> − <paramref name="horizon"/>]:
    /// Inputs = series[t − inputLength .. t) as float32 [N, inputLength, 1] (one feature per step, as an RNN with
    /// <c>batch_first</c> takes it), Targets = series[t .. t + horizon) as float32 [N, horizon].
    /// </summary>
    public static (Tensor Inputs, Tensor Targets) Make(IReadOnlyList<float> series, int inputLength, int horizon, int firstTarget, int endTarget)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (inputLength <= 0) throw new ArgumentOutOfRangeException(nameof(inputLength), $"SeriesWindows: inputLength must be positive, got {inputLength}.");
        if (horizon <= 0) throw new ArgumentOutOfRangeException(nameof(horizon), $"SeriesWindows: horizon must be positive, got {horizon}.");
        if (firstTarget < 0 || endTarget > series.Count || firstTarget >= endTarget)
            throw new ArgumentOutOfRangeException(firstTarget < 0 ? nameof(firstTarget) : nameof(endTarget),
                $"SeriesWindows: the target range [{firstTarget}, {endTarget}) must be non-empty and inside the series' {series.Count} values [0, {series.Count}).");
        if (firstTarget - inputLength < 0)
            throw new ArgumentException(
                $"SeriesWindows: the first window's inputs would start at index {firstTarget - inputLength}, before the series begins; with inputLength {inputLength}, firstTarget must be at least {inputLength}.", nameof(firstTarget));
        var count = endTarget - horizon - firstTarget + 1;
        if (count <= 0)
            throw new ArgumentException(
                $"SeriesWindows: no window fits: the target range [{firstTarget}, {endTarget}) holds {endTarget - firstTarget} values, fewer than the horizon {horizon}.", nameof(horizon));

        // Every value a window reads lies in [firstTarget - inputLength, endTarget).
        for (var i = firstTarget - inputLength; i < endTarget; i++)
            if (float.IsNaN(series[i]))
                throw new ArgumentException(
                    $"SeriesWindows: value {i} is NaN (missing) and lies inside a window of [{firstTarget - inputLength}, {endTarget}); fill the gaps first (TimeSeries.FillGapsLinearly).", nameof(series));

        var inputs = new float[count * inputLength];
        var targets = new float[count * horizon];
        for (var n = 0; n < count; n++)
        {
            var t = firstTarget + n;
            for (var k = 0; k < inputLength; k++) inputs[n * inputLength + k] = series[t - inputLength + k];
            for (var k = 0; k < horizon; k++) targets[n * horizon + k] = series[t + k];
        }
        return (tensor(inputs, [count, inputLength, 1]), tensor(targets, [count, horizon]));
    }
}
