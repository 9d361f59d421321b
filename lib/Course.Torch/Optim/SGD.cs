using System.Numerics;
using Course.Torch.Optim;
using static Course.Torch.torch;

namespace Course.Torch.Modules;

/// <summary>
/// Stochastic gradient descent, optionally with momentum, computed exactly as PyTorch 1.13 does.
/// For each parameter p with gradient g:
/// <code>
/// d = maximize ? -g : g
/// d = d + weight_decay * p                      (L2 penalty, if weight_decay != 0)
/// buf = d                                      (first step: the buffer starts as the first gradient)
/// buf = momentum * buf + (1 - dampening) * d   (later steps)
/// d = nesterov ? d + momentum * buf : buf      (if momentum != 0)
/// p = p - lr * d
/// </code>
/// </summary>
public sealed class SGD : torch.optim.Optimizer
{
    private readonly double _momentum;
    private readonly double _dampening;
    private readonly double _weightDecay;
    private readonly bool _nesterov;
    private readonly bool _maximize;
    private readonly Dictionary<Tensor, Tensor> _momentumBuffers = new(ReferenceEqualityComparer.Instance);

    public SGD(IEnumerable<Tensor> parameters, double lr, double momentum = 0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false)
        : this([new ParamGroup(parameters)], lr, momentum, dampening, weight_decay, nesterov, maximize)
    {
    }

    /// <summary>An optimizer over several parameter groups; the arguments are the defaults for groups that leave a value unset.</summary>
    public SGD(IEnumerable<ParamGroup> parameters, double lr, double momentum = 0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false)
        : base(lr)
    {
        Validate(momentum, dampening, weight_decay, nesterov);
        _momentum = momentum;
        _dampening = dampening;
        _weightDecay = weight_decay;
        _nesterov = nesterov;
        _maximize = maximize;
        foreach (var group in parameters) add_param_group(group);
        Require(param_groups.Count > 0, nameof(SGD), "optimizer got an empty list of parameter groups.");
    }

    /// <summary>SGD's hyper-parameters for one group of parameters; null means "the optimizer's default".</summary>
    public sealed class ParamGroup(IEnumerable<Tensor> parameters, double? lr = null, double? momentum = null, double? dampening = null,
        double? weight_decay = null, bool? nesterov = null, bool? maximize = null) : Modules.ParamGroup(parameters, lr)
    {
        public double? momentum { get; set; } = momentum;
        public double? dampening { get; set; } = dampening;
        public double? weight_decay { get; set; } = weight_decay;
        public bool? nesterov { get; set; } = nesterov;
        public bool? maximize { get; set; } = maximize;
    }

    protected override void InheritDefaults(Modules.ParamGroup group)
    {
        var g = group as ParamGroup ?? throw new ArgumentException($"SGD: expected an SGD.ParamGroup, got a {group.GetType().Name}.");
        g.momentum ??= _momentum;
        g.dampening ??= _dampening;
        g.weight_decay ??= _weightDecay;
        g.nesterov ??= _nesterov;
        g.maximize ??= _maximize;
        Validate(g.momentum.Value, g.dampening.Value, g.weight_decay.Value, g.nesterov.Value);
    }

    private static void Validate(double momentum, double dampening, double weightDecay, bool nesterov)
    {
        Require(momentum >= 0, nameof(SGD), $"invalid momentum {momentum}; it must be >= 0.");
        Require(weightDecay >= 0, nameof(SGD), $"invalid weight_decay {weightDecay}; it must be >= 0.");
        Require(!nesterov || (momentum > 0 && dampening == 0), nameof(SGD), "Nesterov momentum requires a momentum > 0 and zero dampening.");
    }

    protected override void Update(Modules.ParamGroup group)
    {
        var g = (ParamGroup)group;
        foreach (var param in g.Parameters)
        {
            if (param.grad is not { } grad) continue;
            var firstStep = false;
            Tensor? buffer = null;
            if (g.momentum != 0 && !_momentumBuffers.TryGetValue(param, out buffer))
            {
                _momentumBuffers[param] = buffer = zeros_like(param).DetachFromDisposeScope(); // lives across steps and their scopes
                firstStep = true;
            }
            if (param.dtype == ScalarType.Float32)
                ParameterUpdate.Run<float, Kernel<float>>(nameof(SGD), new(g, firstStep), param, grad, buffer);
            else
                ParameterUpdate.Run<double, Kernel<double>>(nameof(SGD), new(g, firstStep), param, grad, buffer);
        }
    }

    /// <summary>The update rule of the class summary, on one SIMD block; state0 is the momentum buffer.</summary>
    private readonly struct Kernel<T>(ParamGroup group, bool firstStep) : IUpdateKernel<T> where T : unmanaged, IFloatingPointIeee754<T>
    {
        private readonly Vector<T> _lr = new(T.CreateChecked(group.LearningRate));
        private readonly Vector<T> _momentum = new(T.CreateChecked(group.momentum!.Value));
        private readonly Vector<T> _oneMinusDampening = new(T.CreateChecked(1 - group.dampening!.Value));
        private readonly Vector<T> _weightDecay = new(T.CreateChecked(group.weight_decay!.Value));
        private readonly bool _useMomentum = group.momentum != 0;
        private readonly bool _useWeightDecay = group.weight_decay != 0;
        private readonly bool _nesterov = group.nesterov!.Value;
        private readonly bool _maximize = group.maximize!.Value;

        public void Apply(Span<T> param, ReadOnlySpan<T> grad, Span<T> buffer, Span<T> unused1, Span<T> unused2)
        {
            var p = new Vector<T>(param);
            var d = new Vector<T>(grad);
            if (_maximize) d = -d;
            if (_useWeightDecay) d += _weightDecay * p;
            if (_useMomentum)
            {
                var b = firstStep ? d : _momentum * new Vector<T>(buffer) + _oneMinusDampening * d;
                b.CopyTo(buffer);
                d = _nesterov ? d + _momentum * b : b;
            }
            (p - _lr * d).CopyTo(param);
        }
    }
}
