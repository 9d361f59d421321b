using static Course.Torch.torch;

namespace Course.Torch.Tests.Autograd;

/// <summary>
/// backward recycles the storage of large intermediate gradients (StoragePool). These tests use tensors
/// big enough to be recycled (70,001 float64 elements, 560 KB; an odd size no other test uses) and check
/// that no gradient anyone can still see is overwritten.
/// </summary>
public class GradientRecyclingTests
{
    private const int Size = 70_001;

    [Fact]
    public void A_gradient_shared_by_two_nodes_survives_until_both_have_used_it()
    {
        // add's backward hands the same gradient tensor to both tanh nodes. tanh's backward, g·(1 − t·t),
        // allocates t·t before it reads g: had the first branch recycled g, the second would overwrite it.
        var x = randn([Size], float64).requires_grad_();
        var w = randn([Size], float64);
        ((x.tanh() + (x * 3.0).tanh()) * w).sum().backward();
        var t1 = x.detach().tanh();
        var t3 = (x.detach() * 3.0).tanh();
        var expected = (w * (1.0 - t1 * t1) + w * 3.0 * (1.0 - t3 * t3)).data<double>().ToArray();
        var actual = x.grad!.data<double>().ToArray();
        for (var i = 0; i < Size; i++) Assert.Equal(expected[i], actual[i], 1e-9);
    }

    [Fact]
    public void The_callers_gradient_is_never_recycled()
    {
        var x = randn([Size], float64).requires_grad_();
        var y = (x * 2.0).exp();
        var gradient = full([Size], 0.5, float64);
        y.backward(gradient);
        for (var i = 0; i < 4; i++) zeros([Size], float64); // would receive the gradient's storage if it had been recycled
        Assert.All(gradient.data<double>().ToArray(), value => Assert.Equal(0.5, value));
    }
}
