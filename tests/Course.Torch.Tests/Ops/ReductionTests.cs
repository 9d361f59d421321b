using static Course.Torch.torch;

namespace Course.Torch.Tests.Ops;

public class ReductionTests
{
    private static readonly Tensor Matrix = tensor(new[] { 1.0, -2, 3, 4, 0, -6 }, [2, 3]);

    [Fact]
    public void Max_and_min_of_everything()
    {
        Assert.Equal(4.0, Matrix.max().item<double>());
        Assert.Equal(-6.0, min(Matrix).item<double>());
        Assert.Empty(Matrix.max().shape);
        Assert.Equal(9L, tensor(new long[] { 3, 9, 1 }).max().item<long>());
        Assert.True(double.IsNaN(tensor(new[] { 1.0, double.NaN, 3.0 }).max().item<double>()));
        Assert.Contains("empty", Assert.Throws<InvalidOperationException>(() => zeros(0).max()).Message);
    }

    [Fact]
    public void Max_along_a_dim_returns_values_and_first_indexes()
    {
        var (values, indexes) = Matrix.max(1);
        OpsAssert.Close([3, 4], values);
        Assert.Equal(new long[] { 2, 0 }, indexes.data<long>().ToArray());
        var (lowest, where) = min(Matrix, 0, keepdim: true);
        OpsAssert.Close([1, -2, -6], lowest);
        Assert.Equal(new long[] { 1, 3 }, lowest.shape);
        Assert.Equal(new long[] { 0, 0, 1 }, where.data<long>().ToArray());
        var ties = tensor(new[] { 1.0, 3, 3, 2 });
        Assert.Equal(1L, ties.max(0).indexes.item<long>());
        Assert.Equal(1L, ties.argmax().item<long>());
        Assert.Equal(1L, tensor(new[] { 1.0, double.NaN, 3.0 }).argmax().item<long>()); // NaN counts as largest, as in PyTorch
    }

    [Fact]
    public void Argmax_and_argmin()
    {
        var ints = tensor(new long[] { 1, 2, 3, 0 }, [2, 2]);
        Assert.Equal(2L, ints.argmax().item<long>());
        Assert.Equal(3L, argmin(ints).item<long>());
        Assert.Equal(new long[] { 1, 0 }, ints.argmax(1).data<long>().ToArray());
        Assert.Equal(new long[] { 2, 1 }, argmax(ints, 1, keepdim: true).shape);
        Assert.Equal(new long[] { 0, 1 }, ints.argmin(-1).data<long>().ToArray());
        Assert.Equal(int64, Matrix.argmax(0).dtype);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Matrix.argmax(2));
        Assert.Contains("argmax", error.Message);
        Assert.Contains("Bool", Assert.Throws<NotSupportedException>(() => tensor(new[] { true }).argmax()).Message);
        Assert.Contains("empty", Assert.Throws<InvalidOperationException>(() => zeros(new long[] { 2, 0 }).max(1)).Message);
    }

    [Fact]
    public void Max_with_a_tensor_is_maximum()
    {
        OpsAssert.Close([1, 0, 3, 4, 0, 0], Matrix.max(zeros(new long[] { 3 }, float64)));
        OpsAssert.Close([0, -2, 0, 0, 0, -6], min(Matrix, zeros(new long[] { 3 }, float64)));
    }

    [Fact]
    public void Max_gradients_follow_pytorch()
    {
        var x = tensor(new[] { 1.0, 3, 3, 2 }, requires_grad: true);
        x.max().backward();
        OpsAssert.Close([0, 0.5, 0.5, 0], x.grad!); // ties share the gradient of a full max
        x.grad = null;
        x.max(0).values.backward();
        OpsAssert.Close([0, 1, 0, 0], x.grad!); // a max along a dim sends it to the index it reports
        var distinct = tensor(new[] { 0.3, 1.2, 0.7, 1.9, 0.1, 0.8, 1.4, 0.5, 1.1, 0.2, 1.6, 0.9 }, [3, 4]).requires_grad_();
        GradCheck.Check(t => t[0].max(1).values, distinct);
        GradCheck.Check(t => t[0].min(0, keepdim: true).values, distinct);
        GradCheck.Check(t => t[0].max() + t[0].min(), distinct);
    }

    [Fact]
    public void Variance_and_standard_deviation()
    {
        OpsAssert.Close([19.0 / 3, 76.0 / 3], Matrix.var(1), 1e-12);
        OpsAssert.Close([2.25, 1, 20.25], var(Matrix, 0, unbiased: false), 1e-12);
        Assert.Equal(3.6331804249, Matrix.std().item<double>(), 9);
        Assert.Equal(3.6331804249, std(Matrix, new long[] { 0, 1 }).item<double>(), 9);
        Assert.Equal(new long[] { 2, 1 }, Matrix.std(1, keepdim: true).shape);
        Assert.True(double.IsNaN(tensor(new[] { 1.0 }).std().item<double>())); // N − 1 = 0, as in PyTorch
        Assert.Equal(0.0, tensor(new[] { 1.0 }).std(unbiased: false).item<double>());
        // The two-pass algorithm keeps the spread of values far from zero.
        Assert.Equal(1.0, tensor(new[] { 1e9 + 1, 1e9 - 1, 1e9 + 1, 1e9 - 1 }).var(unbiased: false).item<double>(), 6);
        Assert.Contains("var", Assert.Throws<NotSupportedException>(() => arange(3).var()).Message);
    }

    [Fact]
    public void Variance_and_standard_deviation_gradients()
    {
        GradCheck.Check(t => t[0].var(), GradCheck.Input(3, 4));
        GradCheck.Check(t => t[0].var(1, unbiased: false, keepdim: true), GradCheck.Input(3, 4));
        GradCheck.Check(t => t[0].std(), GradCheck.Input(3, 4));
        GradCheck.Check(t => t[0].std(new long[] { 0, 2 }), GradCheck.Input(2, 3, 4));
    }

    [Fact]
    public void Product()
    {
        Assert.Equal(24.0, tensor(new[] { 1.0, 2, 3, 4 }).prod().item<double>());
        Assert.Equal(new long[] { 3, 8 }, tensor(new long[] { 1, 2, 3, 4 }, [2, 2]).prod(0).data<long>().ToArray());
        OpsAssert.Close([-6, 0], Matrix.prod(1));
        Assert.Equal(new long[] { 2, 1 }, prod(Matrix, 1, keepdim: true).shape);
        Assert.Equal(1.0f, zeros(0).prod().item<float>());
        Assert.Equal(0L, tensor(new[] { true, false }).prod().item<long>());
    }

    [Fact]
    public void Product_gradient_is_exact_also_with_zeros()
    {
        var x = tensor(new[] { 0.0, 2.0, 3.0 }, requires_grad: true);
        x.prod().backward();
        OpsAssert.Close([6, 0, 0], x.grad!);
        GradCheck.Check(t => t[0].prod(), GradCheck.Input(5));
        GradCheck.Check(t => t[0].prod(1), GradCheck.Input(3, 4));
        GradCheck.Check(t => t[0].prod(0, keepdim: true), tensor(new[] { 0.0, 1.5, 0.7, 0.0, -1.2, 0.9 }, [3, 2]).requires_grad_());
    }

    [Fact]
    public void Norms()
    {
        Assert.Equal(Math.Sqrt(66), Matrix.norm().item<double>(), 12);
        Assert.Equal(16.0, Matrix.norm(1).item<double>(), 12);
        Assert.Equal(6.0, norm(Matrix, double.PositiveInfinity).item<double>());
        Assert.Equal(Math.Cbrt(316), Matrix.norm(3).item<double>(), 12);
        OpsAssert.Close([Math.Sqrt(14), Math.Sqrt(52)], Matrix.norm(1, keepdim: false), 1e-12);
        OpsAssert.Close([5, 2, 9], Matrix.norm(0, keepdim: true, p: 1), 1e-12);
        Assert.Equal(new long[] { 1, 3 }, Matrix.norm(0, keepdim: true, p: 1).shape);
        OpsAssert.Close([3, 6], norm(Matrix, 1, false, double.PositiveInfinity));
        Assert.Contains("norm", Assert.Throws<NotSupportedException>(() => arange(3).norm()).Message);
    }

    [Fact]
    public void Norm_gradients_including_the_zero_vector()
    {
        var zero = zeros(new long[] { 3 }, float64, requires_grad: true);
        zero.norm().backward();
        OpsAssert.Close([0, 0, 0], zero.grad!);
        GradCheck.Check(t => t[0].norm(), GradCheck.Input(3, 4));
        GradCheck.Check(t => t[0].norm(1, keepdim: true), GradCheck.Input(3, 4));
        GradCheck.Check(t => t[0].norm(3), GradCheck.Input(3, 4));
        GradCheck.Check(t => t[0].norm(1), GradCheck.Input(3, 4));
    }

    [Fact]
    public void Cumulative_sum()
    {
        OpsAssert.Close([1, -2, 3, 5, -2, -3], Matrix.cumsum(0));
        OpsAssert.Close([1, -1, 2, 4, 4, -2], cumsum(Matrix, -1));
        Assert.Equal(new long[] { 1, 2, 2 }, tensor(new[] { true, true, false }).cumsum(0).data<long>().ToArray());
        GradCheck.Check(t => t[0].cumsum(1), GradCheck.Input(2, 3, 4));
        GradCheck.Check(t => t[0].cumsum(0), GradCheck.Input(5));
    }
}
