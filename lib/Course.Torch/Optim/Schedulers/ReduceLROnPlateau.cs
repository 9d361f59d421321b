namespace Course.Torch;

public static partial class torch
{
    public static partial class optim
    {
        public static partial class lr_scheduler
        {
            /// <summary>
            /// Divides the learning rates by 1/<paramref name="factor"/> when a metric (e.g. the validation loss)
            /// has stopped improving for more than <paramref name="patience"/> epochs. Step it with the metric:
            /// <c>scheduler.step(validationLoss)</c>. Here <paramref name="min_lr"/> is one floor for all groups.
            /// </summary>
            public static impl.ReduceLROnPlateau ReduceLROnPlateau(Optimizer optimizer, string mode = "min", double factor = 0.1, int patience = 10,
                double threshold = 1e-4, string threshold_mode = "rel", int cooldown = 0, double min_lr = 0, double eps = 1e-8) =>
                new(optimizer, mode, factor, patience, threshold, threshold_mode, cooldown, min_lr, eps);

            public static partial class impl
            {
                /// <summary>
                /// Watches a metric and cuts the learning rates when it plateaus, exactly as PyTorch 1.13:
                /// a value counts as an improvement only if it beats the best so far by the threshold
                /// (relative: best * (1 ∓ threshold), or absolute: best ∓ threshold); after more than
                /// <c>patience</c> epochs without improvement every rate becomes max(lr * factor, min_lr), and the
                /// next <c>cooldown</c> epochs are not counted. Changes smaller than <c>eps</c> are skipped.
                /// </summary>
                public sealed class ReduceLROnPlateau : LRScheduler
                {
                    private readonly bool _maximize;
                    private readonly bool _relative;
                    private readonly double _factor;
                    private readonly int _patience;
                    private readonly double _threshold;
                    private readonly int _cooldown;
                    private readonly double _minLr;
                    private readonly double _eps;
                    private int _cooldownCounter;

                    public ReduceLROnPlateau(Optimizer optimizer, string mode = "min", double factor = 0.1, int patience = 10,
                        double threshold = 1e-4, string threshold_mode = "rel", int cooldown = 0, double min_lr = 0, double eps = 1e-8)
                        : base(optimizer)
                    {
                        if (factor >= 1.0) throw new ArgumentException($"ReduceLROnPlateau: factor must be < 1.0, got {factor}.");
                        _maximize = mode switch
                        {
                            "min" => false,
                            "max" => true,
                            _ => throw new ArgumentException($"ReduceLROnPlateau: mode must be \"min\" or \"max\", got \"{mode}\"."),
                        };
                        _relative = threshold_mode switch
                        {
                            "rel" => true,
                            "abs" => false,
                            _ => throw new ArgumentException($"ReduceLROnPlateau: threshold_mode must be \"rel\" or \"abs\", got \"{threshold_mode}\"."),
                        };
                        _factor = factor;
                        _patience = patience;
                        _threshold = threshold;
                        _cooldown = cooldown;
                        _minLr = min_lr;
                        _eps = eps;
                        best = _maximize ? double.NegativeInfinity : double.PositiveInfinity;
                        last_epoch = 0;
                    }

                    /// <summary>The best metric value seen so far.</summary>
                    public double best { get; private set; }

                    /// <summary>Epochs since the last improvement (not counting cooldown).</summary>
                    public int num_bad_epochs { get; private set; }

                    /// <summary>This scheduler needs the metric: call <c>step(metric)</c> instead.</summary>
                    public override void step() => throw new InvalidOperationException(
                        "ReduceLROnPlateau: step() needs the metric it watches; call step(metric), e.g. step(validationLoss).");

                    /// <summary>Records this epoch's metric and reduces the learning rates if it has plateaued.</summary>
                    public override void step(double current)
                    {
                        last_epoch++;
                        if (IsBetter(current))
                        {
                            best = current;
                            num_bad_epochs = 0;
                        }
                        else
                        {
                            num_bad_epochs++;
                        }
                        if (_cooldownCounter > 0)
                        {
                            _cooldownCounter--;
                            num_bad_epochs = 0;
                        }
                        if (num_bad_epochs > _patience)
                        {
                            ReduceRates();
                            _cooldownCounter = _cooldown;
                            num_bad_epochs = 0;
                        }
                        RecordRates();
                    }

                    private bool IsBetter(double value) => (_maximize, _relative) switch
                    {
                        (false, true) => value < best * (1.0 - _threshold),
                        (false, false) => value < best - _threshold,
                        (true, true) => value > best * (_threshold + 1.0),
                        (true, false) => value > best + _threshold,
                    };

                    private void ReduceRates()
                    {
                        foreach (var group in optimizer.param_groups)
                        {
                            var newLr = Math.Max(group.LearningRate * _factor, _minLr);
                            if (group.LearningRate - newLr > _eps) group.LearningRate = newLr;
                        }
                    }
                }
            }
        }
    }
}
