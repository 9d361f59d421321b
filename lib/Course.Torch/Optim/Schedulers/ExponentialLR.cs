namespace Course.Torch;

public static partial class torch
{
    public static partial class optim
    {
        public static partial class lr_scheduler
        {
            /// <summary>Multiplies the learning rates by <paramref name="gamma"/> every epoch.</summary>
            public static impl.ExponentialLR ExponentialLR(Optimizer optimizer, double gamma) => new(optimizer, gamma);

            public static partial class impl
            {
                /// <summary>lr = base_lr * gamma^epoch, reached by one multiplication per epoch.</summary>
                public sealed class ExponentialLR : LRScheduler
                {
                    private readonly double _gamma;

                    public ExponentialLR(Optimizer optimizer, double gamma) : base(optimizer)
                    {
                        _gamma = gamma;
                        step();
                    }

                    protected override IReadOnlyList<double> get_lr()
                    {
                        var rates = CurrentRates();
                        return last_epoch == 0 ? rates : [.. rates.Select(lr => lr * _gamma)];
                    }
                }
            }
        }
    }
}
