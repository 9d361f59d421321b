using static Course.Torch.torch;

namespace Course.Torch.Tests.Ops;

public class ActivationTests
{
    private static readonly double[] Points = [-2, -0.5, 0, 0.5, 2];

    [Fact]
    public void Relu_leaky_relu_tanh_and_sigmoid_forward()
    {
        var x = tensor(Points);
        OpsAssert.Close([0, 0, 0, 0.5, 2], x.relu());
        OpsAssert.Close([-0.2, -0.05, 0, 0.5, 2], x.leaky_relu(0.1));
        OpsAssert.Close([-0.02, -0.005, 0, 0.5, 2], leaky_relu(x));
        OpsAssert.Close(Points.Select(Math.Tanh).ToArray(), x.tanh(), 1e-12);
        OpsAssert.Close(Points.Select(v => 1 / (1 + Math.Exp(-v))).ToArray(), sigmoid(x), 1e-12);
        Assert.Equal(new long[] { 0, 3 }, tensor(new long[] { -3, 3 }).relu().data<long>().ToArray());
    }

    [Fact]
    public void Relu_of_a_long_float32_vector_uses_every_simd_lane_correctly()
    {
        var x = arange(-50.0, 51.0).to(float32);
        var y = x.relu();
        Assert.Equal(Enumerable.Range(-50, 101).Select(v => (float)Math.Max(v, 0)).ToArray(), y.data<float>().ToArray());
    }

    [Fact]
    public void Gelu_matches_pytorch_exact_and_tanh_forms()
    {
        // Reference values from PyTorch 1.13, float64.
        var x = tensor(Points);
        OpsAssert.Close([-0.0455002639, -0.1542687694, 0, 0.3457312306, 1.9544997361], x.gelu(), 1e-10);
        OpsAssert.Close([-0.0454023059, -0.1542859902, 0, 0.3457140098, 1.9545976941], x.gelu(approximate: "tanh"), 1e-10);
        Assert.Contains("\"tanh\"", Assert.Throws<ArgumentException>(() => x.gelu("fast")).Message);
    }

    [Fact]
    public void Softmax_and_log_softmax_match_pytorch_along_any_dim()
    {
        var x = tensor(new[] { 1.0, 2, 3, 1, 1, 1 }, [2, 3]);
        OpsAssert.Close([0.0900305732, 0.2447284711, 0.6652409558, 1 / 3.0, 1 / 3.0, 1 / 3.0], x.softmax(1), 1e-10);
        OpsAssert.Close([0.0900305732, 0.2447284711, 0.6652409558, 1 / 3.0, 1 / 3.0, 1 / 3.0], softmax(x, -1), 1e-10);
        OpsAssert.Close([-0.6931471806, -0.3132616875, -0.1269280110, -0.6931471806, -1.3132616875, -2.1269280110], x.log_softmax(0), 1e-10);
        Assert.Equal(new long[] { 2, 3 }, x.log_softmax(0).shape);
        Assert.True(x.softmax(0).is_contiguous());
    }

    [Fact]
    public void Softmax_does_not_overflow_on_large_scores()
    {
        var x = tensor(new[] { 1000f, 0f });
        Assert.Equal(new[] { 1f, 0f }, x.softmax(0).data<float>().ToArray());
        Assert.Equal(new[] { 0f, -1000f }, x.log_softmax(0).data<float>().ToArray());
    }

    [Fact]
    public void Softmax_checks_its_dim_and_dtype()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => randn(2, 3).softmax(2));
        Assert.Contains("softmax", error.Message);
        Assert.Contains("out of range", error.Message);
        Assert.Contains("log_softmax", Assert.Throws<NotSupportedException>(() => arange(3).log_softmax(0)).Message);
        Assert.Equal(float64, arange(3).softmax(0, float64).dtype);
    }

    [Fact]
    public void Activation_gradients_pass_gradient_checks()
    {
        var awayFromZero = tensor(new[] { -1.5, -0.7, -0.2, 0.3, 0.9, 1.4 }, [2, 3]).requires_grad_();
        GradCheck.Check(x => x[0].relu(), awayFromZero);
        GradCheck.Check(x => x[0].leaky_relu(0.2), awayFromZero);
        GradCheck.Check(x => x[0].tanh(), awayFromZero);
        GradCheck.Check(x => x[0].sigmoid(), awayFromZero);
        GradCheck.Check(x => x[0].gelu(), awayFromZero);
        GradCheck.Check(x => x[0].gelu("tanh"), awayFromZero);
        GradCheck.Check(x => x[0].softmax(1), GradCheck.Input(3, 4));
        GradCheck.Check(x => x[0].softmax(0), GradCheck.Input(3, 4));
        GradCheck.Check(x => x[0].log_softmax(-1), GradCheck.Input(2, 3, 4));
        GradCheck.Check(x => x[0].log_softmax(1), GradCheck.Input(2, 3, 4));
    }

    [Fact]
    public void Clamp_limits_values_and_passes_gradient_inside_the_bounds()
    {
        var x = tensor(new[] { -2.0, 0.5, 3.0 });
        OpsAssert.Close([0, 0.5, 1], x.clamp(0, 1));
        OpsAssert.Close([0, 0.5, 3], x.clamp(min: 0));
        OpsAssert.Close([-2, 0.5, 1], x.clamp_max(1));
        OpsAssert.Close([-1, -1, -1], x.clip(2, -1)); // min > max gives max, as PyTorch
        var ints = tensor(new long[] { 1, 5, 9 });
        Assert.Equal(int64, ints.clamp(2, 6).dtype);
        Assert.Equal(float32, ints.clamp(min: 2.5).dtype);
        Assert.Contains("min and max", Assert.Throws<ArgumentException>(() => x.clamp()).Message);

        var w = tensor(new[] { 0.0, -1.0, 2.0, 0.5 }, requires_grad: true);
        w.clamp(0, 2).sum().backward();
        OpsAssert.Close([1, 0, 1, 1], w.grad!); // the bounds themselves are inside, as in PyTorch
        GradCheck.Check(x => x[0].clamp(0.8, 1.2), GradCheck.Input(3, 4));

        using (no_grad()) x.clamp_(-1, 1);
        OpsAssert.Close([-1, 0.5, 1], x);
    }

    [Fact]
    public void Maximum_and_minimum_broadcast_and_split_the_gradient_at_ties()
    {
        var a = tensor(new[] { 1.0, 2.0, 3.0 }, requires_grad: true);
        var b = tensor(new[] { 1.0, 1.0, 4.0 }, requires_grad: true);
        OpsAssert.Close([1, 2, 4], a.maximum(b));
        OpsAssert.Close([1, 1, 3], minimum(a, b));
        maximum(a, b).sum().backward();
        OpsAssert.Close([0.5, 1, 0], a.grad!); // PyTorch 1.13 gives the same
        OpsAssert.Close([0.5, 0, 1], b.grad!);
        GradCheck.Check(x => x[0].maximum(x[1]) + x[0].minimum(x[1]) * 2.0, GradCheck.Input(3, 4), GradCheck.Input(4));
        Assert.Contains("maximum", Assert.Throws<ArgumentException>(() => a.maximum(ones(2))).Message);
    }

    [Fact]
    public void In_place_relu_sigmoid_and_tanh()
    {
        var x = tensor(new[] { -1.0, 2.0 });
        x.relu_();
        OpsAssert.Close([0, 2], x);
        x.tanh_().sigmoid_();
        OpsAssert.Close([0.5, 1 / (1 + Math.Exp(-Math.Tanh(2)))], x, 1e-12);
    }
}
