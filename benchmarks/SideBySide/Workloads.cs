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
        ["cnn_module_train"] = CnnModuleTrain,
        ["cnn_module_infer"] = CnnModuleInfer,
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

    /// <summary>
    /// The same network as <see cref="Cnn"/> written as a module of one's own, layers in fields and a forward
    /// that calls them, as the later chapters write their models. Sequential can recycle the arrays of the
    /// activations it passes along; a forward written by hand leaves that to the garbage collector.
    /// </summary>
    private sealed class CnnModule : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> conv1 = nn.Conv2d(1, 32, 3), conv2 = nn.Conv2d(32, 64, 3), conv3 = nn.Conv2d(64, 64, 3);
        private readonly nn.Module<Tensor, Tensor> fc1 = nn.Linear(576, 64), fc2 = nn.Linear(64, 10);

        public CnnModule() : base(nameof(CnnModule)) => RegisterComponents();

        public override Tensor forward(Tensor x)
        {
            x = nn.functional.max_pool2d(nn.functional.relu(conv1.call(x)), 2);
            x = nn.functional.max_pool2d(nn.functional.relu(conv2.call(x)), 2);
            x = nn.functional.relu(conv3.call(x)).flatten(1);
            return fc2.call(nn.functional.relu(fc1.call(x)));
        }
    }

    private static (double, double) MlpTrain(int steps) => Train(Mlp, MlpInput, steps);
    private static (double, double) MlpInfer(int steps) => Infer(Mlp, MlpInput, steps);
    private static (double, double) CnnTrain(int steps) => Train(Cnn, ImageInput, steps);
    private static (double, double) CnnInfer(int steps) => Infer(Cnn, ImageInput, steps);
    private static (double, double) CnnModuleTrain(int steps) => Train(() => new CnnModule(), ImageInput, steps);
    private static (double, double) CnnModuleInfer(int steps) => Infer(() => new CnnModule(), ImageInput, steps);

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
    private const int WarmUpSteps = 100;

    private static (double, double) Time(Action step, int steps, double itemsPerStep)
    {
        // Warm-up: at least 100 steps, a tenth of the timed steps and one second. .NET compiles a method
        // first quickly, then (tiered compilation) recompiles it optimised once it has been called about
        // 30 times, twice over with profile-guided optimisation; a training step calls most of its kernels
        // only a few times, so the seeds' CNN needs about 100 steps to reach its steady speed. With a
        // one-second warm-up most of that happened inside the timed steps, and short runs looked slow.
        // The PyTorch twin warms up the same way.
        var warmUp = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < Math.Max(WarmUpSteps, steps / 10) || warmUp.Elapsed < WarmUpTime; i++) step();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < steps; i++) step();
        return (steps * itemsPerStep, clock.Elapsed.TotalSeconds);
    }
}
