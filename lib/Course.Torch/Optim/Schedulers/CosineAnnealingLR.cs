namespace Course.Torch;

public static partial class torch
{
    public static partial class optim
    {
        public static partial class lr_scheduler
        {
            /// <summary>Anneals the learning rates from their initial values to <paramref name="eta_min"/> over <paramref name="T_max"/> epochs along half a cosine.</summary>
            public static impl.CosineAnnealingLR CosineAnnealingLR(Optimizer optimizer, int T_max, double eta_min = 0) => new(optimizer, T_max, eta_min);

            public static partial class impl
            {
                /// <summary>
                /// lr(t) = eta_min + (base_lr - eta_min) * (1 + cos(pi * t / T_max)) / 2, and after T_max epochs
                /// back up again (a full cosine period is 2 * T_max). Like PyTorch, each step derives the new rate
                /// from the current one, which keeps the schedule correct when another scheduler also changes
                /// the rate; the values equal the formula up to rounding.
                /// </summary>
                public sealed class CosineAnnealingLR : LRScheduler
                {
                    private readonly int _tMax;
                    private readonly double _etaMin;

                    public CosineAnnealingLR(Optimizer optimizer, int T_max, double eta_min = 0) : base(optimizer)
                    {
                        if (T_max < 1) throw new ArgumentException($"CosineAnnealingLR: T_max must be at least 1, got {T_max}.");
                        _tMax = T_max;
                        _etaMin = eta_min;
                        step();
                    }

                    protected override IReadOnlyList<double> get_lr()
                    {
                        var rates = CurrentRates();
                        if (last_epoch == 0) return rates;
                        if ((last_epoch - 1 - _tMax) % (2 * _tMax) == 0)
                        {
                            // The step after the minimum: the ratio form below would divide by zero here.
                            for (var i = 0; i < rates.Length; i++)
                                rates[i] += (base_lrs[i] - _etaMin) * (1 - Math.Cos(Math.PI / _tMax)) / 2;
                            return rates;
                        }
                        var ratio = (1 + Math.Cos(Math.PI * last_epoch / _tMax)) / (1 + Math.Cos(Math.PI * (last_epoch - 1) / _tMax));
                        return [.. rates.Select(lr => ratio * (lr - _etaMin) + _etaMin)];
                    }
                }
            }
        }
    }
}
