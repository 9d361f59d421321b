using static Course.Torch.torch;

namespace Course.Torch.Tests.Optim;

/// <summary>
/// The fixed problem every optimizer test runs: minimise sum((W x + b - y)²) over W (2x3) and b (2),
/// in float64, for a number of steps, then compare W and b with what PyTorch 1.13 computes.
/// The expected values in the tests come from this Python (Debian's /usr/bin/python3, torch 1.13),
/// followed by the `run(...)` line quoted next to each test:
/// <code>
/// import torch
/// W0 = torch.tensor([[0.5, -0.3, 0.8], [0.1, 0.9, -0.4]], dtype=torch.float64)
/// b0 = torch.tensor([0.2, -0.1], dtype=torch.float64)
/// x = torch.tensor([[1.0, 0.5, -0.5, 2.0], [0.3, -1.2, 0.8, 0.1], [-0.7, 0.4, 1.5, -0.2]], dtype=torch.float64)
/// y = torch.tensor([[1.0, -0.5, 0.3, 0.8], [-0.2, 0.6, 1.1, -0.4]], dtype=torch.float64)
/// def run(make, steps=20):
///     W = W0.clone().requires_grad_(); b = b0.clone().requires_grad_()
///     opt = make(W, b)
///     for _ in range(steps):
///         opt.zero_grad()
///         r = W @ x + b[:, None] - y
///         (r * r).sum().backward()
///         opt.step()
///     print(W.flatten().tolist() + b.tolist())
/// </code>
/// </summary>
internal static class LeastSquares
{
    private static readonly Tensor X = tensor(new[] { 1.0, 0.5, -0.5, 2.0, 0.3, -1.2, 0.8, 0.1, -0.7, 0.4, 1.5, -0.2 }, [3, 4]);
    private static readonly Tensor Y = tensor(new[] { 1.0, -0.5, 0.3, 0.8, -0.2, 0.6, 1.1, -0.4 }, [2, 4]);

    public static Tensor InitialW() => tensor(new[] { 0.5, -0.3, 0.8, 0.1, 0.9, -0.4 }, [2, 3], requires_grad: true);

    public static Tensor InitialB() => tensor(new[] { 0.2, -0.1 }, requires_grad: true);

    public static Tensor Loss(Tensor w, Tensor b)
    {
        var r = w.matmul(X) + b.unsqueeze(1) - Y;
        return (r * r).sum();
    }

    /// <summary>Runs <paramref name="steps"/> training steps and returns W (row-major) followed by b.</summary>
    public static double[] Run(Func<Tensor, Tensor, torch.optim.Optimizer> make, int steps = 20)
    {
        var w = InitialW();
        var b = InitialB();
        var optimizer = make(w, b);
        for (var i = 0; i < steps; i++)
        {
            optimizer.zero_grad();
            Loss(w, b).backward();
            optimizer.step();
        }
        return [.. w.data<double>().ToArray(), .. b.data<double>().ToArray()];
    }

    public static void AssertClose(double[] expected, double[] actual, double tolerance = 1e-10)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"element {i}: expected {expected[i]:R}, got {actual[i]:R}");
    }
}
