namespace Course.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            // Losses for predicting numbers. They are written with ordinary tensor ops, so autograd
            // derives their backward, for the input and for the target.

            /// <summary>
            /// Mean squared error: the average of (input − target)². Large errors count quadratically, so
            /// outliers dominate. Input and target must have the same shape.
            /// </summary>
            public static Tensor mse_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
            {
                CheckInputAndTarget("mse_loss", input, target);
                var difference = input - target;
                return ApplyReduction(difference * difference, reduction);
            }

            /// <summary>
            /// Mean absolute error: the average of |input − target|. Every unit of error costs the same, so it
            /// is robust to outliers; its gradient is ±1 (0 where input equals target).
            /// </summary>
            public static Tensor l1_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
            {
                CheckInputAndTarget("l1_loss", input, target);
                return ApplyReduction((input - target).abs(), reduction);
            }

            /// <summary>
            /// Quadratic for small errors and linear for large ones: 0.5·d²/β where |d| &lt; β, |d| − 0.5·β elsewhere
            /// (d = input − target). β = 0 gives <see cref="l1_loss"/>.
            /// </summary>
            public static Tensor smooth_l1_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean, double beta = 1.0)
            {
                CheckInputAndTarget("smooth_l1_loss", input, target);
                if (!(beta >= 0))
                    throw new ArgumentOutOfRangeException(nameof(beta), $"smooth_l1_loss: beta must be non-negative, got {beta}.");
                // PyTorch's shortcut too: with β = 0 the quadratic branch would divide by zero.
                if (beta == 0) return l1_loss(input, target, reduction);
                var difference = input - target;
                var size = difference.abs();
                var loss = where(size.lt(beta), 0.5 * difference * difference / beta, size - 0.5 * beta);
                return ApplyReduction(loss, reduction);
            }

            /// <summary>
            /// The Huber loss: 0.5·d² where |d| &lt; δ, δ·(|d| − 0.5·δ) elsewhere (d = input − target); equal to
            /// δ·<see cref="smooth_l1_loss"/> with β = δ.
            /// </summary>
            public static Tensor huber_loss(Tensor input, Tensor target, double delta = 1.0, Reduction reduction = Reduction.Mean)
            {
                CheckInputAndTarget("huber_loss", input, target);
                if (!(delta > 0))
                    throw new ArgumentOutOfRangeException(nameof(delta), $"huber_loss: delta must be positive, got {delta}.");
                var difference = input - target;
                var size = difference.abs();
                var loss = where(size.lt(delta), 0.5 * difference * difference, delta * (size - 0.5 * delta));
                return ApplyReduction(loss, reduction);
            }
        }
    }
}
