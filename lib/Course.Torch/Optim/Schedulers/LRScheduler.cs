namespace Course.Torch;

public static partial class torch
{
    public static partial class optim
    {
        /// <summary>
        /// Learning-rate schedules: each changes the <c>LearningRate</c> of an optimizer's parameter groups
        /// every time its <c>step()</c> is called, usually once per epoch after <c>optimizer.step()</c>.
        /// The rules and the order of floating-point operations follow PyTorch 1.13, so the rates match its
        /// own to the last bit.
        /// </summary>
        public static partial class lr_scheduler
        {
            /// <summary>
            /// Base class of the schedulers. Like PyTorch's, a scheduler works "chainably": each step computes
            /// the new rates from the current ones, so two schedulers on one optimizer combine their effects.
            /// Creating a scheduler performs its first step, which sets the rates of epoch 0.
            /// </summary>
            public abstract class LRScheduler
            {
                private IReadOnlyList<double> _lastLr;

                protected LRScheduler(Optimizer optimizer)
                {
                    ArgumentNullException.ThrowIfNull(optimizer);
                    this.optimizer = optimizer;
                    foreach (var group in optimizer.param_groups) group.InitialLearningRate ??= group.LearningRate;
                    base_lrs = [.. optimizer.param_groups.Select(g => g.InitialLearningRate!.Value)];
                    _lastLr = CurrentRates();
                }

                /// <summary>The optimizer whose learning rates this scheduler sets.</summary>
                public Optimizer optimizer { get; }

                /// <summary>Each group's learning rate when the first scheduler was attached (PyTorch's <c>initial_lr</c>).</summary>
                public IReadOnlyList<double> base_lrs { get; }

                /// <summary>How many steps have been taken; 0 right after construction.</summary>
                public int last_epoch { get; protected set; } = -1;

                /// <summary>Moves the schedule one epoch on and writes the new rates into the optimizer.</summary>
                public virtual void step()
                {
                    last_epoch++;
                    var rates = get_lr();
                    for (var i = 0; i < rates.Count; i++) optimizer.param_groups[i].LearningRate = rates[i];
                    _lastLr = CurrentRates();
                }

                /// <summary>
                /// TorchSharp's form that takes a metric, so every scheduler can be stepped the same way;
                /// only <see cref="impl.ReduceLROnPlateau"/> uses the value, the others ignore it.
                /// </summary>
                public virtual void step(double current) => step();

                /// <summary>The rates computed by the last step, one per parameter group.</summary>
                public IReadOnlyList<double> get_last_lr() => _lastLr;

                /// <summary>
                /// The rates for epoch <see cref="last_epoch"/>, computed from the groups' current rates; each
                /// schedule overrides it (left as is, the rates stay constant).
                /// </summary>
                protected virtual IReadOnlyList<double> get_lr() => CurrentRates();

                /// <summary>Records the learning rates the groups have now as the last ones.</summary>
                protected void RecordRates() => _lastLr = CurrentRates();

                /// <summary>The groups' current learning rates, one per group.</summary>
                protected double[] CurrentRates() => [.. optimizer.param_groups.Select(g => g.LearningRate)];
            }

            /// <summary>The scheduler classes; create them with the factory functions of <see cref="lr_scheduler"/>.</summary>
            public static partial class impl
            {
            }
        }
    }
}
