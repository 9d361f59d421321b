using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests.Autograd;

public class CoreOpsTests
{
    [Fact]
    public void Broadcasting_binary_ops_pass_gradient_checks()
    {
        GradCheck.Check(x => x[0] + x[1], GradCheck.Input(3, 4), GradCheck.Input(4));
        GradCheck.Check(x => x[0] - x[1], GradCheck.Input(3, 1), GradCheck.Input(1, 4));
        GradCheck.Check(x => x[0] * x[1], GradCheck.Input(2, 3, 4), GradCheck.Input(3, 1));
        GradCheck.Check(x => x[0] / x[1], GradCheck.Input(3, 4), GradCheck.Input(3, 4));
        GradCheck.Check(x => -x[0] * 2.5 + 1.0, GradCheck.Input(5));
    }

    [Fact]
    public void Matmul_sum_mean_and_views_pass_gradient_checks()
    {
        GradCheck.Check(x => x[0].matmul(x[1]), GradCheck.Input(3, 4), GradCheck.Input(4, 5));
        GradCheck.Check(x => x[0].matmul(x[1].T), GradCheck.Input(2, 3, 4), GradCheck.Input(5, 4));
        GradCheck.Check(x => x[0].matmul(x[1]), GradCheck.Input(4), GradCheck.Input(4));
        GradCheck.Check(x => x[0].sum(1, keepdim: true) * x[0].mean(0), GradCheck.Input(3, 4));
        GradCheck.Check(x => x[0].permute(2, 0, 1).reshape(4, -1), GradCheck.Input(2, 3, 4));
    }

    [Fact]
    public void Backward_accumulates_and_refuses_a_second_pass_through_a_freed_graph()
    {
        var w = tensor(new[] { 1.0, 2.0 }, requires_grad: true);
        var loss = (w * w).sum();
        loss.backward(retain_graph: true);
        loss.backward();
        Assert.Equal(new[] { 4.0, 8.0 }, w.grad!.data<double>().ToArray());
        var error = Assert.Throws<InvalidOperationException>(() => loss.backward());
        Assert.Contains("second time", error.Message);
    }

    [Fact]
    public void Backward_of_a_non_scalar_needs_a_gradient()
    {
        var x = ones(2, 3, requires_grad: true);
        var y = x * 3.0;
        Assert.Contains("scalar outputs", Assert.Throws<InvalidOperationException>(() => y.backward()).Message);
        y.backward(ones(2, 3));
        Assert.All(x.grad!.data<float>().ToArray(), g => Assert.Equal(3f, g));
    }

    [Fact]
    public void No_grad_stops_recording_and_float32_scalars_stay_float32()
    {
        var x = ones(3, requires_grad: true);
        using (no_grad())
        {
            var y = x * 2.0;
            Assert.False(y.requires_grad);
            Assert.Equal(float32, y.dtype);
        }
        Assert.True((x * 2.0).requires_grad);
    }

    [Fact]
    public void Zero_dim_operands_follow_pytorch_type_promotion()
    {
        Assert.Equal(float32, (ones(3) * tensor(2.0)).dtype);          // 0-d float64 does not widen float32
        Assert.Equal(float32, (arange(3) * 2.5).dtype);                // int64 with a fractional number: default float
        Assert.Equal(int64, (arange(3) * 2.0).dtype);                  // a whole number keeps int64
        Assert.Equal(float64, (arange(3) + tensor(0.5)).dtype);        // a 0-d tensor of a higher category decides
        Assert.Equal(float64, (ones(3) + ones(3, dtype: float64)).dtype);
    }

    [Fact]
    public void Shape_errors_name_the_op_and_both_shapes()
    {
        var error = Assert.Throws<ArgumentException>(() => randn(64, 784).matmul(randn(10, 256)));
        Assert.Contains("matmul", error.Message);
        Assert.Contains("64x784", error.Message);
        Assert.Contains("10x256", error.Message);
        error = Assert.Throws<ArgumentException>(() => randn(3, 4) + randn(5));
        Assert.Contains("3x4", error.Message);
    }
}
