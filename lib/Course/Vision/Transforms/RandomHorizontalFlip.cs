using static Course.Torch.torch;

namespace Course.Vision;

/// <summary>
/// Mirrors the image left to right with probability <c>p</c> (pixel (i, j) goes to (i, W-1-j)). The coin is
/// drawn from <c>generator</c>, or from the default generator (seeded by <c>torch.manual_seed</c>).
/// A whole batch passed at once is flipped together or not at all.
/// </summary>
public sealed class RandomHorizontalFlip(double p = 0.5, Generator? generator = null) : torchvision.ITransform
{
    public Tensor call(Tensor input)
    {
        var (pixels, _, width) = ImagePlanes.Read(input, "RandomHorizontalFlip");
        if (rand(1, float64, generator: generator).item<double>() >= p) return input;
        var flipped = new float[pixels.Length];
        for (var row = 0; row < pixels.Length / width; row++)
        {
            var start = row * width;
            for (var j = 0; j < width; j++) flipped[start + j] = pixels[start + width - 1 - j];
        }
        return tensor(flipped, input.shape);
    }
}
