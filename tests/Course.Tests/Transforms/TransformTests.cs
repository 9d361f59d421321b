using Course.Vision;
using static Course.Torch.torch;

namespace Course.Tests.Transforms;

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
    public void Horizontal_flip_mirrors_every_row_exactly_and_p_decides()
    {
        var image = arange(6, dtype: float32).reshape(1, 2, 3);
        Assert.Equal(new float[] { 2, 1, 0, 5, 4, 3 }, Pixels(torchvision.transforms.RandomHorizontalFlip(p: 1).call(image)));
        Assert.Equal(Pixels(image), Pixels(torchvision.transforms.RandomHorizontalFlip(p: 0).call(image)));
    }

    [Fact]
    public void Affine_with_identity_parameters_changes_nothing()
    {
        var image = rand(2, 7, 9, generator: new Generator(1));
        foreach (var mode in new[] { InterpolationMode.Nearest, InterpolationMode.Bilinear })
            Assert.Equal(Pixels(image), Pixels(torchvision.transforms.functional.affine(image, 0, [0, 0], 1, [0], mode)));
        Assert.Equal(Pixels(image), Pixels(torchvision.transforms.RandomAffine(degrees: 0).call(image)));
    }

    [Fact]
    public void Shear_of_45_degrees_tilts_a_vertical_line_one_column_per_row()
    {
        // x' = x - tan(45°)·(y - centre): the top row moves two columns right, the bottom row two left.
        var sheared = torchvision.transforms.functional.affine(VerticalLine(), 0, [0, 0], 1, [45]);
        Assert.Equal(new[] { 4, 3, 2, 1, 0 }, LitColumnPerRow(sheared));
    }

    [Fact]
    public void Translation_shifts_and_fills_the_uncovered_edge()
    {
        var shifted = torchvision.transforms.functional.affine(VerticalLine(), 0, [1, 0], 1, [0], fill: 0.25f);
        Assert.Equal(new[] { 3, 3, 3, 3, 3 }, LitColumnPerRow(shifted));
        Assert.Equal(0.25f, Pixels(shifted)[0]); // column 0 came from outside the image
    }

    [Fact]
    public void Bilinear_sampling_halfway_between_pixels_averages_them()
    {
        // A zoom of 2 about the centre (2, 2) of a 5-pixel row reads output column 3 from input column 2.5.
        var row = tensor(new float[] { 0, 0, 0, 1, 0 }, [1, 1, 5]);
        var zoomed = torchvision.transforms.functional.affine(row, 0, [0, 0], 2, [0], InterpolationMode.Bilinear);
        Assert.Equal(0.5f, Pixels(zoomed)[3], 6);
    }

    [Fact]
    public void Random_augmentation_repeats_with_the_same_seed_and_varies_without()
    {
        var image = rand(1, 28, 28, generator: new Generator(3));
        Tensor Augment(long seed, int calls)
        {
            var augmentation = torchvision.transforms.SeedAugmentation(new Generator(seed));
            var result = image;
            for (var i = 0; i < calls; i++) result = augmentation.call(image);
            return result;
        }
        Assert.Equal(Pixels(Augment(5, 3)), Pixels(Augment(5, 3)));
        Assert.NotEqual(Pixels(Augment(5, 3)), Pixels(Augment(6, 3)));
        Assert.NotEqual(Pixels(Augment(5, 1)), Pixels(Augment(5, 2)));
    }

    [Fact]
    public void Normalize_and_Compose_apply_per_channel_in_order()
    {
        var image = ones(2, 1, 2);
        var composed = torchvision.transforms.Compose(
            torchvision.transforms.Normalize([0.5, 1], [0.25, 2]),
            torchvision.transforms.RandomHorizontalFlip(p: 1));
        Assert.Equal(new float[] { 2, 2, 0, 0 }, Pixels(composed.call(image)));
    }

    [Fact]
    public void Bad_arguments_are_explained()
    {
        Assert.Contains("3 channel(s)", Assert.Throws<ArgumentException>(() => torchvision.transforms.Normalize([0, 0, 0], [1, 1, 1]).call(ones(2, 4, 4))).Message);
        Assert.Contains("shear takes 1, 2 or 4", Assert.Throws<ArgumentException>(() => torchvision.transforms.RandomAffine(0, shear: [1, 2, 3])).Message);
        Assert.Contains("float32", Assert.Throws<ArgumentException>(() => torchvision.transforms.RandomHorizontalFlip().call(ones(new long[] { 2, 2 }, dtype: float64))).Message);
        Assert.Contains("[..., H, W]", Assert.Throws<ArgumentException>(() => torchvision.transforms.RandomAffine(10).call(ones(3))).Message);
    }

    [Fact]
    public void Make_grid_lays_out_rows_with_padding_like_torchvision()
    {
        var images = ones(5, 1, 4, 4);
        var grid = torchvision.utils.make_grid(images, nrow: 2, padding: 1, pad_value: 0.5);
        // 2 columns and 3 rows of 4x4 images with 1-pixel gaps; grey becomes 3 channels.
        Assert.Equal(new long[] { 3, 16, 11 }, grid.shape);
        var p = Pixels(grid);
        float At(int c, int y, int x) => p[(c * 16 + y) * 11 + x];
        Assert.Equal(0.5f, At(0, 0, 0));
        Assert.Equal(1f, At(2, 1, 1));    // first image's top-left pixel
        Assert.Equal(0.5f, At(1, 5, 3));  // the gap between rows
        Assert.Equal(1f, At(0, 11, 1));   // fifth image, row 3, column 1
        Assert.Equal(0.5f, At(0, 11, 6)); // no sixth image
    }

    [Fact]
    public void Make_grid_normalizes_to_unit_range_and_returns_a_single_image_unpadded()
    {
        var image = tensor(new float[] { -1, 0, 1, 3 }, [1, 1, 2, 2]);
        var grid = torchvision.utils.make_grid(image, normalize: true);
        Assert.Equal(new long[] { 3, 2, 2 }, grid.shape);
        Assert.Equal(new float[] { 0, 0.25f, 0.5f, 1 }, Pixels(grid)[..4]);
        Assert.Contains("[B, C, H, W]", Assert.Throws<ArgumentException>(() => torchvision.utils.make_grid(ones(1, 1, 1, 2, 2))).Message);
    }
}
