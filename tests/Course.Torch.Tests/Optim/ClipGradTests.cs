using static Course.Torch.torch;

namespace Course.Torch.Tests.Optim;

/// <summary>
/// Gradient clipping compared with PyTorch 1.13 (Debian's /usr/bin/python3), on these parameters:
/// <code>
/// import torch
/// def grads():
///     a = torch.tensor([[3.0, -4.0], [1.0, 2.0]], dtype=torch.float64, requires_grad=True)
///     b = torch.tensor([-2.0, 0.5, 6.0], dtype=torch.float64, requires_grad=True)
///     c = torch.tensor([1.0], dtype=torch.float64, requires_grad=True)   # gets no gradient
///     a.grad = torch.tensor([[3.0, -4.0], [1.0, 2.0]], dtype=torch.float64)
///     b.grad = torch.tensor([-2.0, 0.5, 6.0], dtype=torch.float64)
///     return [a, b, c]
/// for max_norm, p in [(5.0, 2.0), (100.0, 2.0), (5.0, 1.0), (2.0, float('inf')), (3.0, 3.0)]:
///     ps = grads()
///     total = torch.nn.utils.clip_grad_norm_(ps, max_norm, p)
///     print(max_norm, p, repr(total.item()), ps[0].grad.flatten().tolist() + ps[1].grad.tolist())
/// ps = grads(); torch.nn.utils.clip_grad_value_(ps, 2.5); print(ps[0].grad.flatten().tolist() + ps[1].grad.tolist())
/// </code>
/// </summary>
public class ClipGradTests
{
    private static Tensor[] Parameters()
    {
        var a = tensor(new[] { 3.0, -4.0, 1.0, 2.0 }, [2, 2], requires_grad: true);
        var b = tensor(new[] { -2.0, 0.5, 6.0 }, requires_grad: true);
        var c = tensor(new[] { 1.0 }, requires_grad: true);
        a.grad = tensor(new[] { 3.0, -4.0, 1.0, 2.0 }, [2, 2]);
        b.grad = tensor(new[] { -2.0, 0.5, 6.0 });
        return [a, b, c];
    }

    private static double[] Gradients(Tensor[] parameters) =>
        [.. parameters[0].grad!.data<double>().ToArray(), .. parameters[1].grad!.data<double>().ToArray()];

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 1e-12);
    }

    [Theory]
    [InlineData(5.0, 2.0, 8.381527307120106, new[] { 1.7896497452925746, -2.3861996603900995, 0.5965499150975249, 1.1930998301950497, -1.1930998301950497, 0.29827495754876243, 3.579299490585149 })]
    [InlineData(100.0, 2.0, 8.381527307120106, new[] { 3.0, -4.0, 1.0, 2.0, -2.0, 0.5, 6.0 })]
    [InlineData(5.0, 1.0, 18.5, new[] { 0.8108107669832016, -1.0810810226442689, 0.2702702556610672, 0.5405405113221344, -0.5405405113221344, 0.1351351278305336, 1.6216215339664033 })]
    [InlineData(2.0, double.PositiveInfinity, 6.0, new[] { 0.9999998333333611, -1.3333331111111482, 0.33333327777778704, 0.6666665555555741, -0.6666665555555741, 0.16666663888889352, 1.9999996666667221 })]
    [InlineData(3.0, 3.0, 6.869168608917909, new[] { 1.3102020349469514, -1.7469360465959354, 0.43673401164898384, 0.8734680232979677, -0.8734680232979677, 0.21836700582449192, 2.620404069893903 })]
    public void Clip_grad_norm_returns_the_total_norm_and_scales_like_PyTorch(double maxNorm, double normType, double expectedTotal, double[] expectedGradients)
    {
        var parameters = Parameters();
        var total = nn.utils.clip_grad_norm_(parameters, maxNorm, normType);
        Assert.Equal(expectedTotal, total, 1e-12);
        AssertClose(expectedGradients, Gradients(parameters));
        Assert.Null(parameters[2].grad);
    }

    [Fact]
    public void Clip_grad_value_clamps_each_element()
    {
        var parameters = Parameters();
        nn.utils.clip_grad_value_(parameters, 2.5);
        AssertClose([2.5, -2.5, 1.0, 2.0, -2.0, 0.5, 2.5], Gradients(parameters));
        Assert.Null(parameters[2].grad);
    }

    [Fact]
    public void Clipping_float32_gradients_keeps_them_float32_and_without_gradients_returns_zero()
    {
        var w = ones(4, requires_grad: true);
        w.grad = full([4], 3.0f);
        Assert.Equal(6.0, nn.utils.clip_grad_norm_([w], 1.0), 1e-5);
        Assert.Equal(float32, w.grad.dtype);
        Assert.Equal(1.0, w.grad.norm().item<double>(), 1e-5);
        Assert.Equal(0.0, nn.utils.clip_grad_norm_([ones(2, requires_grad: true)], 1.0));
    }

    [Fact]
    public void Negative_limits_are_refused()
    {
        Assert.Contains("max_norm must be >= 0", Assert.Throws<ArgumentException>(() => nn.utils.clip_grad_norm_(Parameters(), -1)).Message);
        Assert.Contains("clip_value must be >= 0", Assert.Throws<ArgumentException>(() => nn.utils.clip_grad_value_(Parameters(), -1)).Message);
        Assert.Contains("norm: p must be positive", Assert.Throws<ArgumentException>(() => nn.utils.clip_grad_norm_(Parameters(), 1, norm_type: -2)).Message);
    }
}
