namespace Course.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// What a loss returns: the loss of every element (<see cref="None"/>), their average
        /// (<see cref="Mean"/>, the default, so the step size does not depend on the batch size) or their
        /// total (<see cref="Sum"/>).
        /// </summary>
        public enum Reduction : long
        {
            None = 0,
            Mean = 1,
            Sum = 2,
        }

        public static partial class functional
        {
            /// <summary>Turns per-element losses into the loss's result; autograd differentiates mean and sum.</summary>
            private static Tensor ApplyReduction(Tensor loss, Reduction reduction) => reduction switch
            {
                Reduction.None => loss,
                Reduction.Mean => loss.mean(),
                Reduction.Sum => loss.sum(),
                _ => throw new ArgumentOutOfRangeException(nameof(reduction), reduction, "reduction must be Reduction.None, Reduction.Mean or Reduction.Sum."),
            };
        }
    }
}
