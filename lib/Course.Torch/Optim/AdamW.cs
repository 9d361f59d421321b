using static Course.Torch.torch;

namespace Course.Torch.Modules;

/// <summary>
/// Adam with decoupled weight decay (Loshchilov and Hutter, 2017), exactly as PyTorch 1.13: before the
/// Adam update each parameter shrinks, p = p * (1 - lr * weight_decay), instead of weight decay being
/// added to the gradient, where Adam's scaling would weaken it for parameters with large gradients.
/// Everything else is <see cref="Adam"/>, including its <see cref="Adam.ParamGroup"/>.
/// </summary>
public sealed class AdamW : Adam
{
    public AdamW(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
        double weight_decay = 0.01, bool amsgrad = false, bool maximize = false)
        : this([new ParamGroup(parameters)], lr, beta1, beta2, eps, weight_decay, amsgrad, maximize)
    {
    }

    /// <summary>An optimizer over several parameter groups; the arguments are the defaults for groups that leave a value unset.</summary>
    public AdamW(IEnumerable<ParamGroup> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
        double weight_decay = 0.01, bool amsgrad = false, bool maximize = false)
        : base(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize, decoupledWeightDecay: true)
    {
    }
}
