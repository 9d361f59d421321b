using static Course.Torch.torch;
using static Course.Torch.torch.nn;

namespace Course.Torch.Tests.Nn;

public class InitTests
{
    private static (double Mean, double Std, double Min, double Max) Stats(Tensor t)
    {
        var values = t.to(float64).data<double>().ToArray();
        var mean = values.Average();
        return (mean, Math.Sqrt(values.Select(v => (v - mean) * (v - mean)).Average()), values.Min(), values.Max());
    }

    [Fact]
    public void Uniform_normal_and_constants()
    {
        var generator = new Generator(11);
        var (mean, std, min, max) = Stats(init.uniform_(empty(200, 500), -2, 4, generator));
        Assert.InRange(min, -2, 4);
        Assert.InRange(max, -2, 4);
        Assert.InRange(mean, 0.98, 1.02);
        Assert.InRange(std, 0.99 * Math.Sqrt(3), 1.01 * Math.Sqrt(3)); // (b - a)/√12 = 6/√12

        (mean, std, _, _) = Stats(init.normal_(empty(200, 500), 3, 0.5, generator));
        Assert.InRange(mean, 2.995, 3.005);
        Assert.InRange(std, 0.495, 0.505);

        Assert.All(init.constant_(zeros(3, dtype: float64), 2.5).data<double>().ToArray(), v => Assert.Equal(2.5, v));
        Assert.All(init.ones_(empty(3)).data<float>().ToArray(), v => Assert.Equal(1f, v));
        Assert.All(init.zeros_(ones(3)).data<float>().ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Init_works_on_parameters_that_require_grad_and_returns_the_same_tensor()
    {
        var weight = new Course.Torch.Modules.Parameter(empty(4, 4));
        Assert.Same(weight, init.kaiming_normal_(weight));
        Assert.True(weight.requires_grad && weight.is_leaf);
    }

    [Fact]
    public void Xavier_bounds_and_std_follow_fan_in_plus_fan_out()
    {
        manual_seed(5);
        var (_, std, min, max) = Stats(init.xavier_uniform_(empty(300, 500), gain: 2));
        var bound = 2 * Math.Sqrt(6.0 / 800);
        Assert.InRange(min, -bound, -0.99 * bound);
        Assert.InRange(max, 0.99 * bound, bound);
        Assert.InRange(std, 0.99 * bound / Math.Sqrt(3), 1.01 * bound / Math.Sqrt(3));

        (_, std, _, _) = Stats(init.xavier_normal_(empty(300, 500)));
        Assert.InRange(std, 0.99 * Math.Sqrt(2.0 / 800), 1.01 * Math.Sqrt(2.0 / 800));
    }

    [Fact]
    public void Kaiming_uses_the_receptive_field_of_conv_weights_and_the_chosen_fan()
    {
        manual_seed(6);
        // Conv weight (out 64, in 16, 5x5): fan_in = 16*25 = 400, fan_out = 64*25 = 1600.
        var (mean, std, min, max) = Stats(init.kaiming_uniform_(empty(64, 16, 5, 5), nonlinearity: init.NonlinearityType.ReLU));
        var bound = Math.Sqrt(2) * Math.Sqrt(3.0 / 400);
        Assert.InRange(min, -bound, -0.99 * bound);
        Assert.InRange(max, 0.99 * bound, bound);
        Assert.InRange(mean, -0.002, 0.002);

        (_, std, _, _) = Stats(init.kaiming_normal_(empty(64, 16, 5, 5), mode: init.FanInOut.FanOut, nonlinearity: init.NonlinearityType.ReLU));
        Assert.InRange(std, 0.98 * Math.Sqrt(2.0 / 1600), 1.02 * Math.Sqrt(2.0 / 1600));

        Assert.Equal((400L, 1600L), init.CalculateFanInAndFanOut(empty(64, 16, 5, 5)));
        Assert.Equal((784L, 10L), init.CalculateFanInAndFanOut(empty(10, 784)));
    }

    [Fact]
    public void Gains_match_pytorch()
    {
        Assert.Equal(1.0, init.calculate_gain(init.NonlinearityType.Linear));
        Assert.Equal(1.0, init.calculate_gain(init.NonlinearityType.Conv2D));
        Assert.Equal(1.0, init.calculate_gain(init.NonlinearityType.Sigmoid));
        Assert.Equal(5.0 / 3, init.calculate_gain(init.NonlinearityType.Tanh));
        Assert.Equal(Math.Sqrt(2), init.calculate_gain(init.NonlinearityType.ReLU));
        Assert.Equal(Math.Sqrt(2 / 1.0001), init.calculate_gain(init.NonlinearityType.LeakyReLU, 0.01), 12);
    }

    [Fact]
    public void Same_seed_gives_the_same_weights()
    {
        var a = init.kaiming_uniform_(empty(3, 3), generator: new Generator(9)).data<float>().ToArray();
        var b = init.kaiming_uniform_(empty(3, 3), generator: new Generator(9)).data<float>().ToArray();
        Assert.Equal(a, b);
    }

    [Fact]
    public void Fan_needs_two_dimensions()
    {
        var error = Assert.Throws<ArgumentException>(() => init.xavier_uniform_(empty(5)));
        Assert.Contains("xavier_uniform_", error.Message);
        Assert.Contains("(5)", error.Message);
        var nothing = empty(0, 3);
        Assert.Same(nothing, init.kaiming_uniform_(nothing)); // zero elements: nothing to fill
    }
}
