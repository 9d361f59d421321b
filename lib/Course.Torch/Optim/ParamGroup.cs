using static Course.Torch.torch;

namespace Course.Torch.Modules;

/// <summary>
/// A set of parameters that share hyper-parameters inside one optimizer, e.g. a smaller learning rate
/// for a pretrained backbone than for a new head. Each optimizer has its own subclass
/// (<see cref="SGD.ParamGroup"/>, <see cref="Adam.ParamGroup"/>) with its hyper-parameters; any left
/// null take the optimizer's defaults when the group is added, as in PyTorch.
/// </summary>
public class ParamGroup
{
    private double? _learningRate;

    public ParamGroup(IEnumerable<Tensor> parameters, double? lr = null)
    {
        Parameters = parameters.ToList();
        _learningRate = lr;
    }

    /// <summary>The parameters of this group (the same tensor objects the model holds).</summary>
    public IReadOnlyList<Tensor> Parameters { get; }

    /// <summary>The current learning rate; learning-rate schedulers change it between steps.</summary>
    public double LearningRate
    {
        get => _learningRate ?? throw new InvalidOperationException(
            "ParamGroup: this group has no learning rate yet; it takes the optimizer's when added to one.");
        set => _learningRate = value;
    }

    /// <summary>PyTorch's name for <see cref="LearningRate"/> (<c>param_groups[0]['lr']</c>).</summary>
    public double lr
    {
        get => LearningRate;
        set => LearningRate = value;
    }

    /// <summary>
    /// The learning rate a schedule starts from (PyTorch's <c>initial_lr</c>): recorded by the first
    /// scheduler attached to the optimizer, so a second scheduler continues from the same base.
    /// </summary>
    public double? InitialLearningRate { get; set; }

    /// <summary>Gives the group the optimizer's learning rate if it has none of its own.</summary>
    internal void InheritLearningRate(double lr) => _learningRate ??= lr;
}
