using Course.Vision;
using static Course.Torch.torch;

namespace Course;

public static partial class torchvision
{
    /// <summary>Image transforms for datasets (<c>FashionMNIST(..., target_transform: transforms.Compose(...))</c>) or batches.</summary>
    public static class transforms
    {
        /// <summary>Applies the transforms in order.</summary>
        public static ITransform Compose(params ITransform[] transforms) => new Compose(transforms);

        /// <summary>Per channel: (image - mean) / std.</summary>
        public static ITransform Normalize(double[] means, double[] stdevs) => new Normalize(means, stdevs);

        /// <summary>Mirror left-right with probability <paramref name="p"/>.</summary>
        public static ITransform RandomHorizontalFlip(double p = 0.5, Generator? generator = null) => new RandomHorizontalFlip(p, generator);

        /// <summary>A random rotation, shift, zoom and shear per call; see <see cref="Vision.RandomAffine"/>.</summary>
        public static ITransform RandomAffine(double degrees, (double, double)? translate = null, (double, double)? scale = null, double[]? shear = null,
            InterpolationMode interpolation = InterpolationMode.Nearest, float fill = 0, Generator? generator = null) =>
            new RandomAffine(degrees, translate, scale, shear, interpolation, fill, generator);

        /// <summary>
        /// Seed 002's augmentation, Keras' <c>ImageDataGenerator(shear_range=0.2, zoom_range=0.2, horizontal_flip=True)</c>,
        /// as torchvision transforms: a shear of up to 0.2 rad (11.46°), a zoom in [1/1.2, 1/0.8], and a coin-flip mirror.
        /// </summary>
        public static ITransform SeedAugmentation(Generator? generator = null) => Compose(
            RandomAffine(degrees: 0, scale: (1 / 1.2, 1 / 0.8), shear: [0.2 * 180 / Math.PI], interpolation: InterpolationMode.Bilinear, generator: generator),
            RandomHorizontalFlip(0.5, generator));

        public static class functional
        {
            /// <summary>
            /// The deterministic warp behind <see cref="RandomAffine"/>: rotate by <paramref name="angle"/> degrees, shift by
            /// <paramref name="translate"/> = (x, y) pixels, zoom by <paramref name="scale"/>, shear by <paramref name="shear"/> = (x, y) degrees.
            /// </summary>
            public static Tensor affine(Tensor img, double angle, double[] translate, double scale, double[] shear,
                InterpolationMode interpolation = InterpolationMode.Nearest, float fill = 0)
            {
                if (translate.Length != 2) throw new ArgumentException($"affine: translate takes 2 numbers (x, y pixels), got {translate.Length}.");
                if (shear.Length is not (1 or 2)) throw new ArgumentException($"affine: shear takes 1 or 2 numbers (x, y degrees), got {shear.Length}.");
                return Affine.Apply(img, angle, translate[0], translate[1], scale, shear[0], shear.Length == 2 ? shear[1] : 0, interpolation, fill);
            }
        }
    }
}
