using static Course.Torch.torch;

namespace Course.Torch;

/// <summary>
/// A loss as a module: <c>criterion.call(prediction, target)</c> runs the matching
/// <c>nn.functional</c> loss with the options chosen when the module was made.
/// </summary>
public abstract class Loss<T1, T2, TResult> : nn.Module<T1, T2, TResult>
{
    protected Loss(string name, nn.Reduction reduction) : base(name) => this.reduction = reduction;

    public nn.Reduction reduction { get; }
}

/// <summary>A loss with an optional rescaling weight (one per class, or per element).</summary>
public abstract class WeightedLoss<T1, T2, TResult> : Loss<T1, T2, TResult>
{
    protected WeightedLoss(string name, Tensor? weight, nn.Reduction reduction) : base(name, reduction) => this.weight = weight;

    public Tensor? weight { get; }
}
