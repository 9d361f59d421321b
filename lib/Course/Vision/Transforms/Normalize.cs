using static Course.Torch.torch;

namespace Course.Vision;

/// <summary>
/// <c>(image - mean[c]) / std[c]</c> for each channel c (the dimension before H and W), so every channel
/// has about mean 0 and standard deviation 1 when given the data's own statistics. For Fashion-MNIST:
/// <c>Normalize([0.2860], [0.3530])</c>.
/// </summary>
public sealed class Normalize : torchvision.ITransform
{
    private readonly Tensor _mean;
    private readonly Tensor _std;

    public Normalize(double[] means, double[] stdevs)
    {
        if (means.Length == 0 || means.Length != stdevs.Length)
            throw new ArgumentException($"Normalize: needs one mean and one standard deviation per channel, got {means.Length} means and {stdevs.Length} standard deviations.");
        if (stdevs.Any(s => s == 0))
            throw new ArgumentException("Normalize: a standard deviation of 0 would divide by zero.");
        // Kept for the transform's lifetime, beyond any dispose scope it is created in.
        _mean = tensor(means.Select(m => (float)m).ToArray(), [means.Length, 1, 1]).DetachFromDisposeScope();
        _std = tensor(stdevs.Select(s => (float)s).ToArray(), [stdevs.Length, 1, 1]).DetachFromDisposeScope();
    }

    public Tensor call(Tensor input)
    {
        var channels = _mean.shape[0];
        if (input.Dimensions < 3 || (input.shape[^3] != channels && channels != 1))
            throw new ArgumentException($"Normalize: expected an image [..., {channels}, H, W] ({channels} channel(s), as many as means), got shape ({ImagePlanes.ShapeOf(input)}).");
        return (input - _mean) / _std;
    }
}
