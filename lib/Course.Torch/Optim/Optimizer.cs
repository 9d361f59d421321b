using Course.Torch.Modules;

namespace Course.Torch;

public static partial class torch
{
    public static partial class optim
    {
        /// <summary>
        /// Base class of all optimizers. An optimizer holds references to the parameters (the very same
        /// tensor objects the model uses), split into parameter groups that each carry their own
        /// hyper-parameters, plus any per-parameter state (momentum buffers, moment estimates).
        /// <para>
        /// The training-loop protocol, as in PyTorch: <c>optimizer.zero_grad()</c>, compute the loss,
        /// <c>loss.backward()</c>, then <c>optimizer.step()</c>, which changes every parameter in place
        /// using its <c>grad</c>.
        /// </para>
        /// </summary>
        public abstract class Optimizer : IDisposable
        {
            private readonly List<ParamGroup> _groups = [];
            private readonly double _defaultLearningRate;

            /// <param name="lr">The learning rate of every group that does not set its own.</param>
            protected Optimizer(double lr)
            {
                Require(lr >= 0, GetType().Name, $"invalid learning rate {lr}; it must be >= 0.");
                _defaultLearningRate = lr;
            }

            /// <summary>The parameter groups, in the order they were added. Schedulers change their <c>LearningRate</c>.</summary>
            public IReadOnlyList<ParamGroup> param_groups => _groups;

            /// <summary>TorchSharp's name for <see cref="param_groups"/>.</summary>
            public IReadOnlyList<ParamGroup> ParamGroups => _groups;

            /// <summary>Every parameter this optimizer updates, group after group.</summary>
            public IEnumerable<Tensor> parameters() => _groups.SelectMany(g => g.Parameters);

            /// <summary>
            /// Adds a group of parameters with its own hyper-parameters; those the group leaves unset take the
            /// optimizer's defaults (e.g. to start training layers that were frozen so far).
            /// </summary>
            public void add_param_group(ParamGroup param_group)
            {
                var name = GetType().Name;
                if (param_group.Parameters.Count == 0)
                    throw new ArgumentException($"{name}: optimizer got an empty parameter list.");
                foreach (var p in param_group.Parameters)
                {
                    if (!p.is_leaf)
                        throw new ArgumentException(
                            $"{name}: can't optimize a non-leaf tensor (shape {p.ShapeText}); pass the parameters themselves, not results computed from them.");
                    if (!p.is_floating_point())
                        throw new ArgumentException($"{name}: can only optimize floating-point tensors, got one of {p.dtype}.");
                }
                var known = new HashSet<Tensor>(parameters(), ReferenceEqualityComparer.Instance);
                foreach (var p in param_group.Parameters)
                    if (!known.Add(p))
                        throw new ArgumentException($"{name}: some parameters appear more than once (in one or in several parameter groups).");
                param_group.InheritLearningRate(_defaultLearningRate);
                Require(param_group.LearningRate >= 0, name, $"invalid learning rate {param_group.LearningRate}; it must be >= 0.");
                InheritDefaults(param_group);
                _groups.Add(param_group);
            }

            /// <summary>Checks that the group belongs to this optimizer and fills in the hyper-parameters (other than the learning rate) it left unset.</summary>
            protected abstract void InheritDefaults(ParamGroup group);

            /// <summary>
            /// Sets the gradients of all parameters to zero (PyTorch 1.13's default), or drops them when
            /// <paramref name="set_to_none"/> is true, which makes the next <c>step</c> skip parameters that
            /// got no new gradient.
            /// </summary>
            public void zero_grad(bool set_to_none = false)
            {
                foreach (var p in parameters())
                {
                    if (p.grad is not { } grad) continue;
                    if (set_to_none)
                        p.grad = null;
                    else
                        grad.detach_().zero_();
                }
            }

            /// <summary>
            /// Performs one update of every parameter that has a gradient; parameters whose <c>grad</c> is
            /// null are left alone. The update runs under <c>no_grad()</c> and changes the parameters in place.
            /// </summary>
            /// <param name="closure">Optional: recomputes the loss (with gradients recorded); its result is returned.</param>
            public Tensor? step(Func<Tensor>? closure = null)
            {
                Tensor? loss = null;
                if (closure is not null)
                    using (enable_grad())
                        loss = closure();
                using (no_grad())
                    foreach (var group in _groups)
                        Update(group);
                return loss;
            }

            /// <summary>The optimizer's update rule, applied to one group.</summary>
            protected abstract void Update(ParamGroup group);

            /// <summary>Optimizers hold managed memory only; Dispose exists so TorchSharp code with <c>using var</c> compiles unchanged.</summary>
            public void Dispose() { }

            /// <summary>Raises a clear error for a hyper-parameter outside its valid range.</summary>
            protected static void Require(bool valid, string optimizer, string message)
            {
                if (!valid) throw new ArgumentException($"{optimizer}: {message}");
            }
        }
    }
}
