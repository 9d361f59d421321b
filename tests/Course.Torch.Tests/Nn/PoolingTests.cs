using static Course.Torch.torch;
using static Course.Torch.torch.nn;

namespace Course.Torch.Tests.Nn;

public class PoolingTests
{
    private static Tensor Grid(int h, int w) => arange(h * w, dtype: float32).reshape(1, 1, h, w);

    [Fact]
    public void Max_pool_keeps_the_largest_of_each_window()
    {
        Assert.Equal([5f, 7f, 13f, 15f], MaxPool2d(2).call(Grid(4, 4)).data<float>().ToArray());
        // Stride 1 on a 3x3 grid; odd sizes round down (5x5 -> 2x2 with kernel 2).
        Assert.Equal([4f, 5f, 7f, 8f], functional.max_pool2d(Grid(3, 3), 2, 1).data<float>().ToArray());
        Assert.Equal([1L, 1, 2, 2], functional.max_pool2d(Grid(5, 5), 2).shape);
        // Padding counts as −∞: the corner window at padding 1 holds only element 0.
        Assert.Equal(0f, functional.max_pool2d(Grid(4, 4), 2, 2, 1).data<float>()[0]);
    }

    [Fact]
    public void Max_pool_routes_the_gradient_to_the_first_maximum()
    {
        var x = tensor(new double[] { 1, 3, 3, 0 }, [1, 1, 2, 2]).requires_grad_();
        functional.max_pool2d(x, 2).sum().backward();
        Assert.Equal([0.0, 1, 0, 0], x.grad!.data<double>().ToArray());
    }

    [Theory]
    [InlineData(2, 1, 0)] // the unrolled 2x2 path
    [InlineData(3, 1, 1)] // the general path, with padding
    public void Max_pool_propagates_the_first_NaN(int kernel, int stride, int padding)
    {
        // Two NaNs, at (0, 1) and (1, 0), among larger numbers: NaN beats every number, as in PyTorch.
        var values = new[] { 1, float.NaN, 0, float.NaN, 7, 7 };
        var x = tensor(values, [1, 1, 2, 3]).to(float64).requires_grad_();
        var output = functional.max_pool2d(x, kernel, stride, padding);
        output.sum().backward();
        var pooled = output.data<double>().ToArray();
        // 2x2 windows at stride 1 (two of them) and 3x3 windows at padding 1 (six) all contain row 0, column 1,
        // which comes before the other NaN (row 1, column 0) in row-major order: it is every output and takes every gradient.
        Assert.Equal(kernel == 2 ? 2 : 6, pooled.Length);
        Assert.All(pooled, value => Assert.True(double.IsNaN(value)));
        Assert.Equal([0.0, pooled.Length, 0, 0, 0, 0], x.grad!.data<double>().ToArray());
    }

    [Fact]
    public void Max_pool_ties_go_to_the_first_maximum_in_row_major_order()
    {
        var x = tensor(new double[] { 1, 2, 5, 5, 5, 4, 5, 5 }, [1, 1, 2, 4]).requires_grad_();
        functional.max_pool2d(x, 2).sum().backward();
        // Window 1 (columns 0-1): 5 at (1, 0) is first; window 2 (columns 2-3): 5 at (0, 2).
        Assert.Equal([0.0, 0, 1, 0, 1, 0, 0, 0], x.grad!.data<double>().ToArray());
    }

    [Fact]
    public void Avg_pool_averages_with_or_without_padding_cells()
    {
        Assert.Equal([2.5f, 4.5f, 10.5f, 12.5f], AvgPool2d(2).call(Grid(4, 4)).data<float>().ToArray());
        // Padding 1, kernel 2, stride 2 on 2x2 [0 1; 2 3]: each window holds one real cell and three padding cells.
        var x = Grid(2, 2);
        Assert.Equal([0f, 0.25f, 0.5f, 0.75f], functional.avg_pool2d(x, 2, 2, 1).data<float>().ToArray());
        Assert.Equal([0f, 1f, 2f, 3f], functional.avg_pool2d(x, 2, 2, 1, count_include_pad: false).data<float>().ToArray());
    }

    [Fact]
    public void Adaptive_avg_pool_uses_pytorchs_overlapping_windows()
    {
        // 5 columns into 3: windows [0,2), [1,4), [3,5).
        var x = arange(5, dtype: float32).reshape(1, 1, 1, 5);
        Assert.Equal([0.5f, 2f, 3.5f], functional.adaptive_avg_pool2d(x, [1, 3]).data<float>().ToArray());
        Assert.Equal([7.5f], AdaptiveAvgPool2d(1).call(Grid(4, 4)).data<float>().ToArray());
        Assert.Equal([3L, 2, 2], AdaptiveAvgPool2d((2, 2)).call(randn(3, 7, 5)).shape);
    }

    [Fact]
    public void Pools_pass_the_gradient_check_in_float64()
    {
        GradCheck.Check(x => functional.max_pool2d(x[0], 2), GradCheck.Input(2, 2, 5, 4));
        GradCheck.Check(x => functional.max_pool2d(x[0], [3, 2], [2, 1], [1, 1]), GradCheck.Input(1, 2, 6, 5));
        GradCheck.Check(x => functional.avg_pool2d(x[0], 3, 2, 1), GradCheck.Input(2, 1, 6, 5));
        GradCheck.Check(x => functional.avg_pool2d(x[0], 3, 2, 1, count_include_pad: false), GradCheck.Input(1, 2, 5, 5));
        GradCheck.Check(x => functional.adaptive_avg_pool2d(x[0], [3, 2]), GradCheck.Input(2, 7, 5));
    }

    [Fact]
    public void Pool_errors_name_the_problem()
    {
        Assert.Contains("(N, C, H, W) or (C, H, W)", Assert.Throws<ArgumentException>(() => functional.max_pool2d(randn(4, 4), 2)).Message);
        Assert.Contains("half the kernel", Assert.Throws<ArgumentException>(() => functional.avg_pool2d(randn(1, 4, 4), 2, 2, 2)).Message);
        Assert.Contains("larger than the padded input", Assert.Throws<ArgumentException>(() => functional.max_pool2d(randn(1, 2, 2), 3)).Message);
        Assert.Contains("positive", Assert.Throws<ArgumentException>(() => functional.adaptive_avg_pool2d(randn(1, 2, 2), 0)).Message);
    }
}
