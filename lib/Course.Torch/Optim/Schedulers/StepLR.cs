namespace Course.Torch;

public static partial class torch
{
    public static partial class optim
    {
        public static partial class lr_scheduler
        {
            /// <summary>Multiplies the learning rates by <paramref name="gamma"/> every <paramref name="step_size"/> epochs.</summary>
            public static impl.StepLR StepLR(Optimizer optimizer, int step_size, double gamma = 0.1) => new(optimizer, step_size, gamma);

            public static partial class impl
            {
                /// <summary>lr = base_lr * gamma^(epoch / step_size), reached by one multiplication every step_size epochs.</summary>
                public sealed class StepLR : LRScheduler
                {
                    private readonly int _stepSize;
                    private readonly double _gamma;

                    public StepLR(Optimizer optimizer, int step_size, double gamma = 0.1) : base(optimizer)
                    {
                        if (step_size < 1) throw new ArgumentException($"StepLR: step_size must be at least 1, got {step_size}.");
                        _stepSize = step_size;
                        _gamma = gamma;
                        step();
                    }

                    protected override IReadOnlyList<double> get_lr()
                    {
                        var rates = CurrentRates();
                        if (last_epoch == 0 || last_epoch % _stepSize != 0) return rates;
                        return [.. rates.Select(lr => lr * _gamma)];
                    }
                }
            }
        }
    }
}
