using static Course.Torch.torch;

namespace Course.Vision;

/// <summary>Applies transforms one after the other, the first one first.</summary>
public sealed class Compose(params torchvision.ITransform[] transforms) : torchvision.ITransform
{
    private readonly torchvision.ITransform[] _transforms = [.. transforms];

    public Tensor call(Tensor input) => _transforms.Aggregate(input, (image, transform) => transform.call(image));
}
