using Course.Torch.Modules;
using static Course.Torch.torch;
using static Course.Torch.torch.nn;

namespace Course.Torch.Tests.Nn;

public class LayerTests
{
    [Fact]
    public void Linear_computes_x_times_w_transposed_plus_b()
    {
        var layer = Linear(3, 2);
        using (no_grad())
        {
            layer.weight.copy_(tensor(new float[] { 1, 2, 3, -1, 0, 1 }, [2, 3]));
            layer.bias!.copy_(tensor(new float[] { 0.5f, -2 }));
        }
        var x = tensor(new float[] { 1, 1, 1, 2, 0, -1 }, [2, 3]);
        // row 1: (1+2+3)+0.5 = 6.5, (-1+0+1)-2 = -2; row 2: (2-3)+0.5 = -0.5, (-2-1)-2 = -5
        Assert.Equal([6.5f, -2f, -0.5f, -5f], layer.call(x).data<float>().ToArray());
        Assert.Equal([2L, 2L], layer.call(x).shape);
    }

    [Fact]
    public void Linear_treats_leading_dimensions_as_batch_and_can_drop_the_bias()
    {
        var layer = Linear(4, 3, hasBias: false);
        Assert.Null(layer.bias);
        Assert.Single(layer.parameters());
        Assert.Equal([2L, 5L, 3L], layer.call(randn(2, 5, 4)).shape);
        Assert.Equal([3L], layer.call(randn(4)).shape);
    }

    [Fact]
    public void Linear_passes_the_gradient_check_in_float64()
    {
        var layer = Linear(4, 3).to(float64);
        GradCheck.Check(x => layer.call(x[0]), GradCheck.Input(5, 4));
        GradCheck.Check(x => functional.linear(x[0], x[1], x[2]), GradCheck.Input(2, 3, 4), GradCheck.Input(5, 4), GradCheck.Input(5));
        GradCheck.Check(x => functional.linear(x[0], x[1]), GradCheck.Input(2, 4), GradCheck.Input(3, 4));
    }

    [Fact]
    public void Linear_gradients_reach_the_layer_parameters()
    {
        var layer = Linear(2, 1).to(float64);
        using (no_grad()) layer.weight.copy_(tensor(new[] { 2.0, -3.0 }, [1, 2]));
        layer.call(tensor(new[] { 1.0, 2.0, 3.0, 4.0 }, [2, 2])).sum().backward();
        Assert.Equal([4.0, 6.0], layer.weight.grad!.data<double>().ToArray()); // column sums of x
        Assert.Equal([2.0], layer.bias!.grad!.data<double>().ToArray());      // one per row
    }

    [Fact]
    public void Linear_shape_errors_name_both_shapes()
    {
        var error = Assert.Throws<ArgumentException>(() => functional.linear(randn(64, 784), randn(10, 256)));
        Assert.StartsWith("linear: input (64x784) and weight (10x256) do not fit", error.Message);
        Assert.Contains("in_features, 784", Assert.Throws<ArgumentException>(() => Linear(784, 10).call(randn(64, 100))).Message);
        Assert.Contains("bias (3)", Assert.Throws<ArgumentException>(() => functional.linear(randn(2, 4), randn(5, 4), randn(3))).Message);
        Assert.Contains("matrix", Assert.Throws<ArgumentException>(() => functional.linear(randn(2, 4), randn(4))).Message);
        Assert.Contains("negative", Assert.Throws<ArgumentException>(() => Linear(-1, 3)).Message);
    }

    [Fact]
    public void Linear_default_init_is_uniform_within_one_over_sqrt_fan_in()
    {
        manual_seed(1);
        var layer = Linear(400, 300);
        var bound = 1 / Math.Sqrt(400);
        foreach (var values in new[] { layer.weight.data<float>().ToArray(), layer.bias!.data<float>().ToArray() })
        {
            Assert.All(values, v => Assert.InRange(v, -bound, bound));
            Assert.True(values.Max() > 0.9 * bound && values.Min() < -0.9 * bound, "the samples should fill the interval");
        }
        var weights = layer.weight.data<float>().ToArray();
        var variance = weights.Select(v => (double)v * v).Average();
        Assert.InRange(variance, 0.95 * bound * bound / 3, 1.05 * bound * bound / 3); // U(-b, b) has variance b²/3
    }

    [Fact]
    public void Linear_can_be_made_in_float64_and_its_weights_replaced()
    {
        var layer = Linear(2, 3, dtype: float64);
        Assert.Equal(float64, layer.weight.dtype);
        var replacement = new Parameter(zeros(3, 2, dtype: float64));
        layer.weight = replacement;
        Assert.Same(replacement, layer.parameters().First());
        layer.bias = null;
        Assert.Single(layer.parameters());
    }

    [Fact]
    public void Dropout_zeroes_about_p_and_scales_the_rest_in_training()
    {
        manual_seed(7);
        var dropout = Dropout(0.3);
        var values = dropout.call(ones(100_000)).data<float>().ToArray();
        var dropped = values.Count(v => v == 0) / (double)values.Length;
        Assert.InRange(dropped, 0.29, 0.31);
        Assert.All(values.Where(v => v != 0), v => Assert.Equal(1 / 0.7f, v, 1e-6f));
        Assert.InRange(values.Average(), 0.98, 1.02);
    }

    [Fact]
    public void Dropout_is_the_identity_in_eval_mode_and_for_p_zero()
    {
        var x = randn(10, 10);
        var dropout = Dropout(0.5);
        dropout.eval();
        Assert.Same(x, dropout.call(x));
        Assert.Same(x, functional.dropout(x, 0.0));
        Assert.Same(x, functional.dropout(x, 0.9, training: false));
        Assert.All(functional.dropout(ones(50), 1.0).data<float>().ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Dropout_gradient_follows_the_mask()
    {
        manual_seed(3);
        var x = ones(1000, dtype: float64, requires_grad: true);
        var y = functional.dropout(x, 0.5);
        y.sum().backward();
        Assert.Equal(y.data<double>().ToArray(), x.grad!.data<double>().ToArray()); // x is all ones, so y equals the mask
    }

    [Fact]
    public void Dropout_rejects_probabilities_outside_zero_to_one()
    {
        Assert.Contains("between 0 and 1", Assert.Throws<ArgumentOutOfRangeException>(() => Dropout(1.5)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => functional.dropout(ones(2), -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Dropout(double.NaN));
        Assert.Contains("floating-point", Assert.Throws<ArgumentException>(() => functional.dropout(ones(2, dtype: int64), 0.5)).Message);
    }

    [Fact]
    public void Flatten_keeps_the_batch_dimension_and_identity_returns_its_input()
    {
        Assert.Equal([2L, 60L], Flatten().call(zeros(2, 3, 4, 5)).shape);
        Assert.Equal([2L, 12L, 5L], Flatten(1, 2).call(zeros(2, 3, 4, 5)).shape);
        var x = zeros(3);
        Assert.Same(x, Identity().call(x));
    }
}
