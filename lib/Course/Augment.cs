using Course.Vision;
using TorchSharp;
using static TorchSharp.torch;

namespace Course;

/// <summary>
/// Augmentations TorchVision does not have: torchvision's <c>RandomAffine</c> (TorchVision for .NET has only the
/// deterministic <c>transforms.functional.affine</c>) and seed 002's Keras augmentation built from it.
/// Compose them with TorchVision's own transforms: <c>torchvision.transforms.Compose(Augment.SeedAugmentation(), ...)</c>.
/// </summary>
public static class Augment
{
    /// <summary>A random rotation, shift, zoom and shear per call; see <see cref="Vision.RandomAffine"/>.</summary>
    public static torchvision.ITransform RandomAffine(double degrees, (double, double)? translate = null, (double, double)? scale = null,
        double[]? shear = null, InterpolationMode interpolation = InterpolationMode.Nearest, float fill = 0, Generator? generator = null) =>
        new RandomAffine(degrees, translate, scale, shear, interpolation, fill, generator);

    /// <summary>
    /// Seed 002's augmentation, Keras' <c>ImageDataGenerator(shear_range=0.2, zoom_range=0.2, horizontal_flip=True)</c>,
    /// as transforms: a shear of up to 0.2 rad (11.46°), a zoom in [1/1.2, 1/0.8], and a coin-flip mirror.
    /// </summary>
    public static torchvision.ITransform SeedAugmentation(Generator? generator = null) => torchvision.transforms.Compose(
        RandomAffine(degrees: 0, scale: (1 / 1.2, 1 / 0.8), shear: [0.2 * 180 / Math.PI], interpolation: InterpolationMode.Bilinear, generator: generator),
        new RandomMirror(0.5, generator));

    /// <summary>
    /// TorchVision's <c>hflip</c> with probability <paramref name="p"/>, drawn from <paramref name="generator"/>:
    /// TorchVision's own <c>RandomHorizontalFlip</c> always draws from torch's default generator, so a seeded
    /// augmentation would not repeat.
    /// </summary>
    private sealed class RandomMirror(double p, Generator? generator) : torchvision.ITransform
    {
        public Tensor call(Tensor input)
        {
            using var draw = rand(1, float64, generator: generator);
            return draw.item<double>() < p ? torchvision.transforms.functional.hflip(input) : input;
        }
    }
}
