using static Course.Torch.torch;
using static Course.Torch.torch.nn;

namespace Course.Torch.Tests.Nn;

public class ConvTests
{
    private static Tensor Grid(int h, int w) => arange(h * w, dtype: float32).reshape(1, 1, h, w);

    [Fact]
    public void Conv2d_slides_the_kernel_over_the_image()
    {
        // 3x3 image 0..8, kernel [[1, 0], [0, -1]]: each output = top-left − bottom-right = −4.
        var weight = tensor(new float[] { 1, 0, 0, -1 }, [1, 1, 2, 2]);
        var output = functional.conv2d(Grid(3, 3), weight, tensor(new float[] { 0.5f }));
        Assert.Equal([1L, 1, 2, 2], output.shape);
        Assert.Equal([-3.5f, -3.5f, -3.5f, -3.5f], output.data<float>().ToArray());
    }

    [Fact]
    public void Conv2d_pads_strides_and_dilates()
    {
        var ones3 = ones(1, 1, 3, 3);
        // Padding 1, stride 2 on a 4x4 grid of 0..15: windows centred on (0,0), (0,2), (2,0), (2,2).
        var output = functional.conv2d(Grid(4, 4), ones3, null, 2, 1);
        // (0+1+4+5)=10; (1+2+3+5+6+7)=24; (4+5+8+9+12+13)=51; (5+6+7+9+10+11+13+14+15)=90
        Assert.Equal([10f, 24f, 51f, 90f], output.data<float>().ToArray());
        // Dilation 2 with a 2x2 kernel on 3x3 sums the four corners: 0+2+6+8.
        Assert.Equal([16f], functional.conv2d(Grid(3, 3), ones(1, 1, 2, 2), null, 1, 0, 2).data<float>().ToArray());
    }

    [Fact]
    public void Same_padding_keeps_the_size_and_pads_even_kernels_at_the_bottom_right()
    {
        Assert.Equal([2L, 4, 7, 9], functional.conv2d(randn(2, 3, 7, 9), randn(4, 3, 3, 3), Padding.Same).shape);
        // A 2x2 kernel of ones: the extra padding goes after, so output (0,0) sums rows 0-1, columns 0-1.
        var output = functional.conv2d(Grid(3, 3), ones(1, 1, 2, 2), Padding.Same);
        Assert.Equal([8f, 12f, 7f, 20f, 24f, 13f, 13f, 15f, 8f], output.data<float>().ToArray());
        Assert.Equal([1L, 1, 2, 2], functional.conv2d(Grid(3, 3), ones(1, 1, 2, 2), Padding.Valid).shape);
    }

    [Fact]
    public void Groups_convolve_each_group_of_channels_separately()
    {
        // Depthwise: 2 channels, 2 groups, kernel 1x1 scaling channel 0 by 2 and channel 1 by 3.
        var x = tensor(new float[] { 1, 2, 3, 4 }, [1, 2, 1, 2]);
        var output = functional.conv2d(x, tensor(new float[] { 2, 3 }, [2, 1, 1, 1]), groups: 2);
        Assert.Equal([2f, 4f, 9f, 12f], output.data<float>().ToArray());
    }

    [Fact]
    public void Unbatched_input_gives_unbatched_output() =>
        Assert.Equal([4L, 3, 3], functional.conv2d(randn(2, 5, 5), randn(4, 2, 3, 3)).shape);

    [Fact]
    public void Conv2d_passes_the_gradient_check_in_float64()
    {
        GradCheck.Check(x => functional.conv2d(x[0], x[1], x[2]), GradCheck.Input(2, 2, 5, 4), GradCheck.Input(3, 2, 3, 2), GradCheck.Input(3));
        GradCheck.Check(x => functional.conv2d(x[0], x[1], null, [2, 1], [1, 2], [1, 2]), GradCheck.Input(2, 2, 6, 5), GradCheck.Input(2, 2, 3, 2));
        GradCheck.Check(x => functional.conv2d(x[0], x[1], x[2], groups: 2), GradCheck.Input(1, 4, 4, 4), GradCheck.Input(6, 2, 2, 2), GradCheck.Input(6));
        GradCheck.Check(x => functional.conv2d(x[0], x[1], Padding.Same), GradCheck.Input(1, 2, 4, 5), GradCheck.Input(2, 2, 2, 3));
        GradCheck.Check(x => functional.conv2d(x[0], x[1], null, 3, 1), GradCheck.Input(2, 1, 7, 7), GradCheck.Input(2, 1, 3, 3));
    }

    [Fact]
    public void Conv2d_module_has_pytorch_shapes_and_init_bounds()
    {
        var layer = Conv2d(4, 6, 3, groups: 2);
        Assert.Equal([6L, 2, 3, 3], layer.weight.shape);
        var bound = 1 / Math.Sqrt(2 * 3 * 3);
        Assert.True(layer.weight.abs().max().item<float>() <= bound);
        Assert.True(layer.bias!.abs().max().item<float>() <= bound);
        Assert.Null(Conv2d(1, 2, (3, 5), bias: false).bias);
        Assert.Equal([2L, 6, 6, 6], layer.call(randn(2, 4, 8, 8)).shape);
        Assert.Equal([2L, 3, 8, 8], Conv2d(4, 3, 3, Padding.Same).call(randn(2, 4, 8, 8)).shape);
        var module = Conv2d(2, 3, 3, stride: 2, padding: 1).to(float64);
        GradCheck.Check(x => module.call(x[0]), GradCheck.Input(1, 2, 5, 5));
    }

    [Fact]
    public void Conv2d_errors_name_the_shapes()
    {
        var e = Assert.Throws<ArgumentException>(() => functional.conv2d(randn(64, 3, 28, 28), randn(32, 1, 3, 3)));
        Assert.Equal("conv2d: input has 3 channels but the weight expects 1 (weight 32x1x3x3).", e.Message);
        e = Assert.Throws<ArgumentException>(() => functional.conv2d(randn(1, 1, 2, 2), randn(1, 1, 3, 3)));
        Assert.Contains("larger than the padded input (2x2)", e.Message);
        e = Assert.Throws<ArgumentException>(() => functional.conv2d(randn(28, 28), randn(1, 1, 3, 3)));
        Assert.Contains("(N, C, H, W)", e.Message);
        e = Assert.Throws<ArgumentException>(() => functional.conv2d(randn(1, 1, 5, 5), randn(1, 1, 3, 3), randn(2)));
        Assert.Contains("bias (2)", e.Message);
        Assert.Throws<ArgumentException>(() => functional.conv2d(randn(1, 1, 5, 5), randn(1, 1, 3, 3), Padding.Same, stride: [2]));
        Assert.Throws<ArgumentException>(() => Conv2d(3, 4, 3, groups: 2));
    }
}
