using System.Numerics;
using Course.Torch.Optim;
using static Course.Torch.torch;

namespace Course.Torch.Modules;

/// <summary>
/// Adam (Kingma and Ba, 2014), computed exactly as PyTorch 1.13 does. Per parameter p with gradient g,
/// at step t (counted per parameter):
/// <code>
/// g = maximize ? -g : g
/// g = g + weight_decay * p                     (Adam: L2 penalty folded into the gradient)
/// m = beta1 * m + (1 - beta1) * g              (first moment, starts at 0)
/// v = beta2 * v + (1 - beta2) * g * g          (second moment, starts at 0)
/// v̂ = amsgrad ? max(v̂, v) : v
/// p = p - lr / (1 - beta1^t) * m / (sqrt(v̂) / sqrt(1 - beta2^t) + eps)
/// </code>
/// The two bias corrections undo the pull toward 0 of moments that start at 0. <see cref="AdamW"/> differs
/// only in the weight decay, which it applies to p directly.
/// </summary>
public class Adam : torch.optim.Optimizer
{
    private readonly double _beta1;
    private readonly double _beta2;
    private readonly double _eps;
    private readonly double _weightDecay;
    private readonly bool _amsgrad;
    private readonly bool _maximize;
    private readonly bool _decoupledWeightDecay;
    private readonly Dictionary<Tensor, State> _state = new(ReferenceEqualityComparer.Instance);

    public Adam(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
        double weight_decay = 0, bool amsgrad = false, bool maximize = false)
        : this([new ParamGroup(parameters)], lr, beta1, beta2, eps, weight_decay, amsgrad, maximize)
    {
    }

    /// <summary>An optimizer over several parameter groups; the arguments are the defaults for groups that leave a value unset.</summary>
    public Adam(IEnumerable<ParamGroup> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
        double weight_decay = 0, bool amsgrad = false, bool maximize = false)
        : this(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize, decoupledWeightDecay: false)
    {
    }

    /// <summary>With <paramref name="decoupledWeightDecay"/> (AdamW) the parameter itself decays, instead of an L2 term being added to the gradient.</summary>
    private protected Adam(IEnumerable<ParamGroup> parameters, double lr, double beta1, double beta2, double eps,
        double weight_decay, bool amsgrad, bool maximize, bool decoupledWeightDecay)
        : base(lr)
    {
        Validate(GetType().Name, beta1, beta2, eps, weight_decay);
        (_beta1, _beta2, _eps, _weightDecay, _amsgrad, _maximize) = (beta1, beta2, eps, weight_decay, amsgrad, maximize);
        _decoupledWeightDecay = decoupledWeightDecay;
        foreach (var group in parameters) add_param_group(group);
        Require(param_groups.Count > 0, GetType().Name, "optimizer got an empty list of parameter groups.");
    }

    /// <summary>Adam's (and AdamW's) hyper-parameters for one group of parameters; null means "the optimizer's default".</summary>
    public sealed class ParamGroup(IEnumerable<Tensor> parameters, double? lr = null, double? beta1 = null, double? beta2 = null,
        double? eps = null, double? weight_decay = null, bool? amsgrad = null, bool? maximize = null) : Modules.ParamGroup(parameters, lr)
    {
        public double? beta1 { get; set; } = beta1;
        public double? beta2 { get; set; } = beta2;
        public double? eps { get; set; } = eps;
        public double? weight_decay { get; set; } = weight_decay;
        public bool? amsgrad { get; set; } = amsgrad;
        public bool? maximize { get; set; } = maximize;
    }

    /// <summary>What Adam remembers per parameter: its step count and the running moments.</summary>
    private sealed class State(Tensor parameter)
    {
        public long Step;
        // Optimizer state lives across steps, so out of the dispose scope of the step that creates it.
        public readonly Tensor ExpAvg = zeros_like(parameter).DetachFromDisposeScope();
        public readonly Tensor ExpAvgSq = zeros_like(parameter).DetachFromDisposeScope();
        public Tensor? MaxExpAvgSq; // the largest v so far, kept only for amsgrad
    }

    protected override void InheritDefaults(Modules.ParamGroup group)
    {
        var g = group as ParamGroup ?? throw new ArgumentException($"{GetType().Name}: expected an Adam.ParamGroup, got a {group.GetType().Name}.");
        g.beta1 ??= _beta1;
        g.beta2 ??= _beta2;
        g.eps ??= _eps;
        g.weight_decay ??= _weightDecay;
        g.amsgrad ??= _amsgrad;
        g.maximize ??= _maximize;
        Validate(GetType().Name, g.beta1.Value, g.beta2.Value, g.eps.Value, g.weight_decay.Value);
    }

    private static void Validate(string name, double beta1, double beta2, double eps, double weightDecay)
    {
        Require(beta1 >= 0 && beta1 < 1, name, $"invalid beta1 {beta1}; it must be in [0, 1).");
        Require(beta2 >= 0 && beta2 < 1, name, $"invalid beta2 {beta2}; it must be in [0, 1).");
        Require(eps >= 0, name, $"invalid eps {eps}; it must be >= 0.");
        Require(weightDecay >= 0, name, $"invalid weight_decay {weightDecay}; it must be >= 0.");
    }

    protected override void Update(Modules.ParamGroup group)
    {
        var g = (ParamGroup)group;
        foreach (var param in g.Parameters)
        {
            if (param.grad is not { } grad) continue;
            if (!_state.TryGetValue(param, out var state)) _state[param] = state = new State(param);
            state.Step++;
            if (g.amsgrad!.Value) state.MaxExpAvgSq ??= zeros_like(param).DetachFromDisposeScope();
            var name = GetType().Name;
            if (param.dtype == ScalarType.Float32)
                ParameterUpdate.Run<float, Kernel<float>>(name, new(g, state.Step, _decoupledWeightDecay), param, grad, state.ExpAvg, state.ExpAvgSq, state.MaxExpAvgSq);
            else
                ParameterUpdate.Run<double, Kernel<double>>(name, new(g, state.Step, _decoupledWeightDecay), param, grad, state.ExpAvg, state.ExpAvgSq, state.MaxExpAvgSq);
        }
    }

    /// <summary>
    /// The update rule of the class summary, on one SIMD block. The states are m, v and (for amsgrad) the
    /// largest v so far. The bias corrections depend only on the step, so they are computed once, in double.
    /// </summary>
    private readonly struct Kernel<T>(ParamGroup group, long step, bool decoupledWeightDecay) : IUpdateKernel<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly Vector<T> _beta1 = Broadcast(group.beta1!.Value);
        private readonly Vector<T> _oneMinusBeta1 = Broadcast(1 - group.beta1!.Value);
        private readonly Vector<T> _beta2 = Broadcast(group.beta2!.Value);
        private readonly Vector<T> _oneMinusBeta2 = Broadcast(1 - group.beta2!.Value);
        private readonly Vector<T> _eps = Broadcast(group.eps!.Value);
        private readonly Vector<T> _weightDecay = Broadcast(group.weight_decay!.Value);
        private readonly Vector<T> _decay = Broadcast(1 - group.LearningRate * group.weight_decay!.Value);
        private readonly Vector<T> _stepSize = Broadcast(group.LearningRate / (1 - Math.Pow(group.beta1!.Value, step)));
        private readonly Vector<T> _biasCorrection2Sqrt = Broadcast(Math.Sqrt(1 - Math.Pow(group.beta2!.Value, step)));
        private readonly bool _l2 = !decoupledWeightDecay && group.weight_decay != 0;
        private readonly bool _amsgrad = group.amsgrad!.Value;
        private readonly bool _maximize = group.maximize!.Value;

        private static Vector<T> Broadcast(double value) => new(T.CreateChecked(value));

        public void Apply(Span<T> param, ReadOnlySpan<T> grad, Span<T> expAvg, Span<T> expAvgSq, Span<T> maxExpAvgSq)
        {
            var p = new Vector<T>(param);
            var g = new Vector<T>(grad);
            if (_maximize) g = -g;
            if (decoupledWeightDecay) p *= _decay;
            else if (_l2) g += _weightDecay * p;

            var m = _beta1 * new Vector<T>(expAvg) + _oneMinusBeta1 * g;
            var v = _beta2 * new Vector<T>(expAvgSq) + _oneMinusBeta2 * g * g;
            m.CopyTo(expAvg);
            v.CopyTo(expAvgSq);
            if (_amsgrad)
            {
                v = Vector.Max(new Vector<T>(maxExpAvgSq), v);
                v.CopyTo(maxExpAvgSq);
            }
            var denominator = Vector.SquareRoot(v) / _biasCorrection2Sqrt + _eps;
            (p - _stepSize * (m / denominator)).CopyTo(param);
        }
    }
}
