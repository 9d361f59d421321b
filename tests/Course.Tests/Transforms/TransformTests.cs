using Course.Vision;
using static TorchSharp.torch;

namespace Course.Tests.Transforms;

/// <summary>
/// The augmentations the course writes itself (<see cref="Augment"/>, <see cref="RandomAffine"/>, its warp on
/// grid_sample); TorchVision's own transforms are TorchVision's to test.
/// </summary>
public class TransformTests
{
    private static float[] Pixels(Tensor t) => t.data<float>().ToArray();

    /// <summary>A 5x5 image, 0 everywhere except a vertical line in the middle column.</summary>
    private static Tensor VerticalLine()
    {
        var pixels = new float[25];
        for (var row = 0; row < 5; row++) pixels[row * 5 + 2] = 1;
        return tensor(pixels, [1, 5, 5]);
    }

    private static int[] LitColumnPerRow(Tensor image)
    {
        var p = Pixels(image);
        return [.. Enumerable.Range(0, 5).Select(row => Enumerable.Range(0, 5).Single(col => p[row * 5 + col] > 0.5f))];
    }

    [Fact]
    public void Random_affine_with_identity_ranges_changes_nothing()
    {
        var image = rand(2, 7, 9, generator: new Generator(1));
        Assert.Equal(Pixels(image), Pixels(Augment.RandomAffine(degrees: 0, interpolation: InterpolationMode.Nearest).call(image)));
        // Bilinear sampling at the pixel centres themselves: exact up to float32 rounding of the sampling grid.
        var bilinear = Augment.RandomAffine(degrees: 0, interpolation: InterpolationMode.Bilinear).call(image);
        Assert.True((bilinear - image).abs().max().item<float>() < 1e-6f);
    }

    [Fact]
    public void A_shear_range_of_one_value_tilts_a_vertical_line_by_that_shear()
    {
        // x' = x - tan(45°)·(y - centre): the line leans one column per row, through the centre.
        var sheared = LitColumnPerRow(Augment.RandomAffine(degrees: 0, shear: [45, 45, 0, 0]).call(VerticalLine()));
        Assert.Equal(2, sheared[2]);
        Assert.True(sheared.SequenceEqual([4, 3, 2, 1, 0]) || sheared.SequenceEqual([0, 1, 2, 3, 4]), $"columns {string.Join(", ", sheared)}");
    }

    [Fact]
    public void Translation_is_whole_pixels_within_the_fraction_and_fills_the_uncovered_edge()
    {
        // translate (0.2, 0) of a 5-pixel width: shifts of -1, 0 or +1 column, each drawn sometimes.
        var generator = new Generator(7);
        var augmentation = Augment.RandomAffine(degrees: 0, translate: (0.2, 0), fill: 0.25f, generator: generator);
        var shifts = new HashSet<int>();
        for (var i = 0; i < 40; i++)
        {
            var shifted = augmentation.call(VerticalLine());
            var columns = LitColumnPerRow(shifted);
            Assert.All(columns, column => Assert.Equal(columns[0], column));
            shifts.Add(columns[0] - 2);
            if (columns[0] != 2) Assert.Equal(0.25f, Pixels(shifted)[columns[0] == 3 ? 0 : 4]); // came from outside the image
        }
        Assert.Equal([-1, 0, 1], shifts.Order());
    }

    [Fact]
    public void A_fixed_zoom_with_bilinear_sampling_averages_the_pixels_it_falls_between()
    {
        // A zoom of 2 about the centre (2, 2) of a 5-pixel row reads output column 3 from input column 2.5.
        var row = tensor(new float[] { 0, 0, 0, 1, 0 }, [1, 1, 5]);
        var zoomed = Augment.RandomAffine(degrees: 0, scale: (2, 2), interpolation: InterpolationMode.Bilinear).call(row);
        Assert.Equal(0.5f, Pixels(zoomed)[3], 6);
    }

    [Fact]
    public void Rotation_stays_within_the_degrees_given()
    {
        // A 90° range turns the vertical line; 0 degrees never does.
        var turned = Augment.RandomAffine(degrees: 90, generator: new Generator(2));
        var still = Augment.RandomAffine(degrees: 0, generator: new Generator(2));
        var image = VerticalLine();
        Assert.Contains(Enumerable.Range(0, 10), _ => !Pixels(turned.call(image)).SequenceEqual(Pixels(image)));
        foreach (var _ in Enumerable.Range(0, 10)) Assert.Equal(Pixels(image), Pixels(still.call(image)));
    }

    [Fact]
    public void Seed_augmentation_repeats_with_the_same_seed_and_varies_without()
    {
        var image = rand(1, 28, 28, generator: new Generator(3));
        Tensor Augmented(ulong seed, int calls)
        {
            var augmentation = Augment.SeedAugmentation(new Generator(seed));
            var result = image;
            for (var i = 0; i < calls; i++) result = augmentation.call(image);
            return result;
        }
        Assert.Equal(Pixels(Augmented(5, 3)), Pixels(Augmented(5, 3)));
        Assert.NotEqual(Pixels(Augmented(5, 3)), Pixels(Augmented(6, 3)));
        Assert.NotEqual(Pixels(Augmented(5, 1)), Pixels(Augmented(5, 2)));
    }

    [Fact]
    public void Bad_arguments_are_explained()
    {
        Assert.Contains("shear takes 1, 2 or 4", Assert.Throws<ArgumentException>(() => Augment.RandomAffine(0, shear: [1, 2, 3])).Message);
        Assert.Contains("degrees must be non-negative", Assert.Throws<ArgumentException>(() => Augment.RandomAffine(-1)).Message);
        Assert.Contains("translate fractions", Assert.Throws<ArgumentException>(() => Augment.RandomAffine(0, translate: (1.5, 0))).Message);
        Assert.Contains("0 < min <= max", Assert.Throws<ArgumentException>(() => Augment.RandomAffine(0, scale: (1.2, 0.8))).Message);
        Assert.Contains("0 < min <= max", Assert.Throws<ArgumentException>(() => Augment.RandomAffine(0, scale: (0, 1))).Message);
        Assert.Contains("[..., H, W]", Assert.Throws<ArgumentException>(() => Augment.RandomAffine(10).call(ones(3))).Message);
        Assert.Contains("float32", Assert.Throws<ArgumentException>(() => Augment.RandomAffine(10).call(ones(new long[] { 2, 2 }, dtype: float64))).Message);
    }

    [Fact]
    public void Image_planes_give_the_plane_size_and_say_what_they_expect()
    {
        Assert.Equal((7, 9), ImagePlanes.Size(zeros(2, 3, 7, 9), "op"));
        Assert.Equal("2x3", ImagePlanes.ShapeOf(zeros(2, 3)));
        Assert.Equal("scalar", ImagePlanes.ShapeOf(tensor(1f)));
        var (pixels, height, width) = ImagePlanes.Read(arange(6, dtype: float32).reshape(1, 2, 3), "op");
        Assert.Equal((2, 3), (height, width));
        Assert.Equal([0, 1, 2, 3, 4, 5], pixels);
        Assert.Equal("op: expected an image [..., H, W], got shape (3).", Assert.Throws<ArgumentException>(() => ImagePlanes.Size(ones(3), "op")).Message);
        Assert.StartsWith("op: expected a float32 image, got Int64.", Assert.Throws<ArgumentException>(() => ImagePlanes.Read(zeros(new long[] { 2, 2 }, dtype: int64), "op")).Message);
    }
}
