using Course.Torch;
using static Course.Torch.torch;

namespace SideBySide;

/// <summary>
/// The course's workloads, written exactly as benchmarks/side_by_side.py writes them for PyTorch:
/// same shapes, same optimizer, same batch size, synthetic data (data loading is not measured).
/// Each returns (samples or operations processed, seconds taken) for the timed steps only.
/// </summary>
internal static class Workloads
{
    public static readonly Dictionary<string, Func<int, (double Items, double Seconds)>> All = new()
    {
        ["mlp_train"] = MlpTrain,
        ["mlp_infer"] = MlpInfer,
        ["cnn_train"] = CnnTrain,
        ["cnn_infer"] = CnnInfer,
        ["matmul_64x784x256"] = steps => MatMul(64, 784, 256, steps),
        ["matmul_512"] = steps => MatMul(512, 512, 512, steps),
    };

    private const int BatchSize = 64;

    private static readonly long[] MlpInput = [BatchSize, 784];
    private static readonly long[] ImageInput = [BatchSize, 1, 28, 28];

    private static nn.Module<Tensor, Tensor> Mlp() =>
        nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10));

    /// <summary>The seeds' CNN for 28x28 grey images (Fashion-MNIST).</summary>
    private static nn.Module<Tensor, Tensor> Cnn() =>
        nn.Sequential(
            nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(64, 64, 3), nn.ReLU(), nn.Flatten(),
            nn.Linear(576, 64), nn.ReLU(), nn.Linear(64, 10));

    private static (double, double) MlpTrain(int steps) => Train(Mlp, MlpInput, steps);
    private static (double, double) MlpInfer(int steps) => Infer(Mlp, MlpInput, steps);
    private static (double, double) CnnTrain(int steps) => Train(Cnn, ImageInput, steps);
    private static (double, double) CnnInfer(int steps) => Infer(Cnn, ImageInput, steps);

    /// <summary>Training steps (forward, cross-entropy, backward, Adam lr 1e-3) on one fixed batch; items = samples.</summary>
    private static (double, double) Train(Func<nn.Module<Tensor, Tensor>> createModel, long[] inputShape, int steps)
    {
        manual_seed(0);
        var model = createModel();
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        var x = randn(inputShape);
        var y = randint(10, [BatchSize]);
        return Time(() =>
        {
            optimizer.zero_grad();
            nn.functional.cross_entropy(model.call(x), y).backward();
            optimizer.step();
        }, steps, BatchSize);
    }

    /// <summary>Forward passes in eval mode without gradient recording; items = samples.</summary>
    private static (double, double) Infer(Func<nn.Module<Tensor, Tensor>> createModel, long[] inputShape, int steps)
    {
        manual_seed(0);
        var model = createModel();
        model.eval();
        var x = randn(inputShape);
        return Time(() =>
        {
            using (no_grad()) model.call(x);
        }, steps, BatchSize);
    }

    /// <summary>A float32 matrix product; items = floating-point operations (2·m·k·n).</summary>
    private static (double, double) MatMul(int m, int k, int n, int steps)
    {
        manual_seed(0);
        var a = randn(m, k);
        var b = randn(k, n);
        return Time(() => a.matmul(b), steps, 2.0 * m * k * n);
    }

    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(1);

    private static (double, double) Time(Action step, int steps, double itemsPerStep)
    {
        // Warm-up: at least a tenth of the steps and one second, so .NET's tiered JIT has replaced the
        // first quick code with optimised code before timing starts (it does so in the background after
        // ~100 ms); the PyTorch twin warms up the same way.
        var warmUp = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < Math.Max(3, steps / 10) || warmUp.Elapsed < WarmUpTime; i++) step();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < steps; i++) step();
        return (steps * itemsPerStep, clock.Elapsed.TotalSeconds);
    }
}
