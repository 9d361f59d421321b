using static Course.Torch.torch;

namespace Course.Torch.Tests.Ops;

public class UnaryMathTests
{
    [Fact]
    public void Forward_values_match_the_math_library()
    {
        var x = tensor(new[] { 0.25, 1.0, 4.0 });
        OpsAssert.Close([Math.Exp(0.25), Math.E, Math.Exp(4)], x.exp(), 1e-12);
        OpsAssert.Close([Math.Log(0.25), 0, Math.Log(4)], torch.log(x), 1e-12);
        OpsAssert.Close([0.5, 1, 2], x.sqrt());
        OpsAssert.Close([2, 1, 0.5], x.rsqrt(), 1e-12);
        OpsAssert.Close([4, 1, 0.25], x.reciprocal());
        OpsAssert.Close([Math.Sin(0.25), Math.Sin(1), Math.Sin(4)], x.sin(), 1e-12);
        OpsAssert.Close([Math.Cos(0.25), Math.Cos(1), Math.Cos(4)], torch.cos(x), 1e-12);
        OpsAssert.Close([0.0625, 1, 16], x.square());
        OpsAssert.Close([0.125, 1, 8], x.pow(1.5), 1e-12);
        OpsAssert.Close([0.5, 1, 4], x.pow(tensor(new[] { 0.5, 7.0, 1.0 })), 1e-12);
        OpsAssert.Close([Math.Log(1.25), Math.Log(2), Math.Log(5)], x.log1p(), 1e-12);
        OpsAssert.Close([Math.Exp(0.25) - 1, Math.E - 1, Math.Exp(4) - 1], x.expm1(), 1e-12);
    }

    [Fact]
    public void Log1p_and_expm1_stay_accurate_for_tiny_inputs()
    {
        var tiny = tensor(new[] { 1e-10 });
        // log(1 + 1e-10) computed naively is off in the 8th digit.
        Assert.Equal(1e-10 - 5e-21, tiny.log1p().item<double>(), 1e-24);
        Assert.Equal(1e-10 + 5e-21, tiny.expm1().item<double>(), 1e-24);
    }

    [Fact]
    public void Abs_sign_and_square_work_on_integers_too()
    {
        var x = tensor(new long[] { -3, 0, 2 });
        Assert.Equal(new long[] { 3, 0, 2 }, x.abs().data<long>().ToArray());
        Assert.Equal(new long[] { -1, 0, 1 }, x.sign().data<long>().ToArray());
        Assert.Equal(new long[] { 9, 0, 4 }, x.square().data<long>().ToArray());
        Assert.Equal(new long[] { 9, 0, 4 }, x.pow(2).data<long>().ToArray());
        Assert.Equal(new[] { 0f, -1, 1 }, tensor(new[] { float.NaN, -2f, 3f }).sign().data<float>().ToArray());
    }

    [Fact]
    public void Erf_is_accurate_to_double_precision()
    {
        // Reference values from PyTorch 1.13 (torch.erf in float64).
        var x = tensor(new[] { -2, -0.5, 0.5, 2, 3.7, -5.5, 0.01, 0 });
        OpsAssert.Close([-0.9953222650189527, -0.5204998778130465, 0.5204998778130465, 0.9953222650189527,
                         0.9999998328489421, -0.9999999999999927, 0.011283415555849618, 0], x.erf(), 1e-15);
    }

    [Fact]
    public void Float32_stays_float32()
    {
        var x = tensor(new[] { 1f, 2f });
        Assert.Equal(float32, x.exp().dtype);
        Assert.Equal(float32, x.pow(2).dtype);
        Assert.Equal(float32, x.erf().dtype);
        Assert.Equal(float32, x.pow(tensor(new[] { 2f, 3f })).dtype);
    }

    [Fact]
    public void Ops_work_on_strided_views()
    {
        var x = tensor(new[] { 1.0, 2, 3, 4, 5, 6 }, [2, 3]).T;
        OpsAssert.Close([1, 4, 2, 5, 3, 6], x.square().sqrt(), 1e-12);
    }

    [Fact]
    public void Tensors_with_an_empty_dimension_pass_through()
    {
        var empty = zeros(new long[] { 2, 0 });
        Assert.Equal(new long[] { 2, 0 }, empty.exp().shape);
        Assert.Equal(new long[] { 2, 0 }, empty.softmax(0).shape);
        Assert.Equal(new long[] { 2 }, empty.sum(1).shape);
    }

    [Fact]
    public void Gradients_pass_gradient_checks()
    {
        GradCheck.Check(x => x[0].exp(), GradCheck.Input(3, 4));
        GradCheck.Check(x => x[0].log(), GradCheck.Input(3, 4));
        GradCheck.Check(x => x[0].log1p(), GradCheck.Input(5));
        GradCheck.Check(x => x[0].expm1(), GradCheck.Input(5));
        GradCheck.Check(x => x[0].sqrt(), GradCheck.Input(3, 4));
        GradCheck.Check(x => x[0].rsqrt(), GradCheck.Input(3, 4));
        GradCheck.Check(x => x[0].reciprocal(), GradCheck.Input(6));
        GradCheck.Check(x => x[0].sin() + x[0].cos(), GradCheck.Input(2, 3));
        GradCheck.Check(x => x[0].square(), GradCheck.Input(6));
        GradCheck.Check(x => x[0].pow(2.5), GradCheck.Input(2, 3));
        GradCheck.Check(x => x[0].pow(-1), GradCheck.Input(2, 3));
        GradCheck.Check(x => x[0].pow(x[1]), GradCheck.Input(2, 3), GradCheck.Input(3));
        GradCheck.Check(x => x[0].erf(), GradCheck.Input(7));
        GradCheck.Check(x => (x[0] - 1.0).abs(), tensor(new[] { -1.5, -0.3, 0.4, 2.0 }).requires_grad_());
        GradCheck.Check(x => x[0].sign() * x[0], GradCheck.Input(4));
    }

    [Fact]
    public void Pow_of_zero_base_has_a_finite_exponent_gradient()
    {
        var basis = tensor(new[] { 0.0, 2.0 });
        var exponent = tensor(new[] { 2.0, 3.0 }, requires_grad: true);
        basis.pow(exponent).sum().backward();
        OpsAssert.Close([0, 8 * Math.Log(2)], exponent.grad!, 1e-12);
    }

    [Fact]
    public void Transcendental_functions_of_integers_ask_for_a_conversion()
    {
        var error = Assert.Throws<NotSupportedException>(() => arange(3).log());
        Assert.Contains("log", error.Message);
        Assert.Contains("Int64", error.Message);
        Assert.Contains(".to(float32)", error.Message);
        Assert.Contains("pow", Assert.Throws<NotSupportedException>(() => arange(3).pow(0.5)).Message);
        Assert.Contains("abs", Assert.Throws<NotSupportedException>(() => tensor(new[] { true }).abs()).Message);
    }

    [Fact]
    public void In_place_forms_update_the_tensor_and_refuse_tracked_leaves()
    {
        var x = tensor(new[] { 4.0, 9.0 });
        x.sqrt_();
        OpsAssert.Close([2, 3], x);
        x.pow_(2).exp_();
        OpsAssert.Close([Math.Exp(4), Math.Exp(9)], x, 1e-9);
        var w = tensor(new[] { 1.0 }, requires_grad: true);
        Assert.Contains("no_grad", Assert.Throws<InvalidOperationException>(() => w.sqrt_()).Message);
        using (no_grad()) w.sqrt_();
    }

    [Fact]
    public void Addcmul_addcdiv_and_lerp_do_what_optimizers_need()
    {
        var p = tensor(new[] { 1.0, 2.0 });
        p.addcmul_(tensor(new[] { 2.0, 3.0 }), tensor(new[] { 4.0, 5.0 }), value: 0.5);
        OpsAssert.Close([5, 9.5], p);
        p.addcdiv_(tensor(new[] { 1.0, 3.0 }), tensor(new[] { 2.0, 4.0 }), value: -2);
        OpsAssert.Close([4, 8], p);
        p.lerp_(tensor(new[] { 0.0, 0.0 }), 0.25);
        OpsAssert.Close([3, 6], p);
        GradCheck.Check(x => x[0].addcdiv(x[1], x[2], 0.3).lerp(x[1], 0.2), GradCheck.Input(3), GradCheck.Input(3), GradCheck.Input(3));
    }
}
