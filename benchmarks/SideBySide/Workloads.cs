using System.Text.Json.Nodes;
using TorchSharp;
using static TorchSharp.torch;

namespace SideBySide;

/// <summary>
/// The course's workloads, written exactly as benchmarks/side_by_side.py writes them for PyTorch:
/// same shapes, same optimizer, same batch size, synthetic data (data loading is not measured).
/// Each returns (samples or operations processed, seconds taken) for the timed steps only.
/// </summary>
internal static class Workloads
{
    /// <summary>A workload's timed run, and what one step works on (compared with the PyTorch twin's by BenchmarkTwinsTests).</summary>
    internal sealed record Workload(Func<int, (double Items, double Seconds)> Run, Func<JsonObject> Describe);

    private const int BatchSize = 64;

    private const long Vocabulary = 40, Sequence = 16, Classes = 7;

    /// <summary>
    /// A model's batch: Random draws the timed runs' batch (after manual_seed(0) and the model's creation),
    /// Formula builds describe's batch, the same numbers in both engines (side_by_side.py's Input).
    /// </summary>
    private sealed record Input(Func<Tensor> Random, Func<Tensor> Formula);

    private static Input Dense(params long[] shape) => new(() => randn(shape), () => Wave(cos, shape));

    private static Input Tokens(long[] shape, long vocabulary) => new(() => randint(vocabulary, shape), () => TokenWave(shape, vocabulary));

    private static readonly Input MlpInput = Dense(BatchSize, 784);
    private static readonly Input ImageInput = Dense(BatchSize, 1, 28, 28);
    private static readonly Input TokenInput = Tokens([BatchSize, Sequence], Vocabulary);

    public static readonly Dictionary<string, Workload> All = new()
    {
        ["mlp_train"] = Training(Mlp, MlpInput),
        ["mlp_infer"] = Inference(Mlp, MlpInput),
        ["cnn_train"] = Training(Cnn, ImageInput),
        ["cnn_infer"] = Inference(Cnn, ImageInput),
        ["cnn_module_train"] = Training(() => new CnnModule(), ImageInput),
        ["cnn_module_infer"] = Inference(() => new CnnModule(), ImageInput),
        ["cnn_module_scoped_train"] = Training(() => new CnnModule(), ImageInput, scoped: true),
        ["cnn_module_scoped_infer"] = Inference(() => new CnnModule(), ImageInput, scoped: true),
        // A module of one's own too, so each step runs in a dispose scope, as the course's loops do (PyTorch's twin is the plain step).
        ["lstm_train"] = Training(() => new LstmClassifier(), TokenInput, scoped: true, classes: Classes),
        ["lstm_infer"] = Inference(() => new LstmClassifier(), TokenInput, scoped: true),
        ["matmul_64x784x256"] = new(steps => MatMul(64, 784, 256, steps), () => DescribeMatMul(64, 784, 256)),
        ["matmul_512"] = new(steps => MatMul(512, 512, 512, steps), () => DescribeMatMul(512, 512, 512)),
    };

    /// <summary>A model's training workload (side_by_side.py's train): the timed steps and the description share the classes.</summary>
    private static Workload Training(Func<nn.Module<Tensor, Tensor>> createModel, Input input, bool scoped = false, long classes = 10) =>
        new(steps => Train(createModel, input, steps, scoped, classes), () => DescribeModel(createModel, input, classes));

    /// <summary>A model's inference workload (side_by_side.py's infer).</summary>
    private static Workload Inference(Func<nn.Module<Tensor, Tensor>> createModel, Input input, bool scoped = false) =>
        new(steps => Infer(createModel, input, steps, scoped), () => DescribeModel(createModel, input));

    /// <summary>Every workload's description, keyed by name, in the JSON shape <c>side_by_side.py --describe</c> prints.</summary>
    public static JsonObject Describe() => new(All.Select(w => KeyValuePair.Create(w.Key, (JsonNode?)w.Value.Describe())));

    private static nn.Module<Tensor, Tensor> Mlp() =>
        nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10));

    /// <summary>The seeds' CNN for 28x28 grey images (Fashion-MNIST).</summary>
    internal static nn.Module<Tensor, Tensor> Cnn() =>
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

    /// <summary>Token sequences to classes: embedding, a one-layer LSTM, a linear layer on the last time step's hidden state.</summary>
    private sealed class LstmClassifier : nn.Module<Tensor, Tensor>
    {
        private readonly nn.Module<Tensor, Tensor> embedding = nn.Embedding(Vocabulary, 32);
        private readonly TorchSharp.Modules.LSTM lstm = nn.LSTM(32, 128, batchFirst: true);
        private readonly nn.Module<Tensor, Tensor> fc = nn.Linear(128, Classes);

        public LstmClassifier() : base(nameof(LstmClassifier)) => RegisterComponents();

        public override Tensor forward(Tensor tokens)
        {
            var (output, _, _) = lstm.call(embedding.call(tokens), null);
            return fc.call(output.select(1, -1));
        }
    }

    /// <summary>
    /// The model's parameters (name and shape, in order) and samples per step, and its output (shape and sums)
    /// for weights and input set by formula, which the PyTorch twin builds alike: the same layers in the same
    /// order give the same sums, whatever each engine's random generator does. A training workload also
    /// gives the number of classes its targets are drawn from, which the output's shape does not pin down.
    /// </summary>
    private static JsonObject DescribeModel(Func<nn.Module<Tensor, Tensor>> createModel, Input input, long? classes = null)
    {
        var model = createModel();
        using var _ = no_grad();
        foreach (var parameter in model.parameters()) parameter.copy_(Wave(sin, parameter.shape, 0.05));
        var output = model.call(input.Formula());
        var description = Description(model.named_parameters().Select(p => KeyValuePair.Create(p.name, (JsonNode?)Shape(p.parameter.shape))), output, BatchSize);
        if (classes is { } count) description["classes"] = count;
        return description;
    }

    private static JsonObject DescribeMatMul(int m, int k, int n) =>
        Description([], Wave(cos, [m, k]).matmul(Wave(sin, [k, n])), 2.0 * m * k * n);

    /// <summary>scale · function(0, 1, 2, ...) in the given shape, as float32 (side_by_side.py's wave).</summary>
    private static Tensor Wave(Func<Tensor, Tensor> function, long[] shape, double scale = 1.0) =>
        function(arange(Count(shape), dtype: float64)).mul(scale).reshape(shape).to(float32);

    /// <summary>(7i + 3) mod vocabulary for i = 0, 1, 2, ... in the given shape, int64: token ids set by formula (side_by_side.py's token_wave).</summary>
    private static Tensor TokenWave(long[] shape, long vocabulary) =>
        arange(Count(shape), dtype: int64).mul(7).add(3).remainder(vocabulary).reshape(shape);

    private static long Count(long[] shape) => shape.Aggregate(1L, (count, size) => count * size);

    private static JsonObject Description(IEnumerable<KeyValuePair<string, JsonNode?>> parameters, Tensor output, double itemsPerStep) => new()
    {
        ["parameters"] = new JsonObject(parameters),
        ["output"] = Shape(output.shape),
        ["items_per_step"] = itemsPerStep,
        ["output_sum"] = output.to(float64).sum().item<double>(),
        ["output_abs_sum"] = output.to(float64).abs().sum().item<double>(),
    };

    private static JsonNode Shape(long[] shape) => new JsonArray([.. shape.Select(size => (JsonNode?)size)]);

    /// <summary>
    /// Training steps (forward, cross-entropy, backward, Adam lr 1e-3) on one fixed batch; items = samples.
    /// Scoped: each step in a torch.NewDisposeScope(), as TorchSharp code writes its loops (PyTorch's twin is the plain step).
    /// </summary>
    private static (double, double) Train(Func<nn.Module<Tensor, Tensor>> createModel, Input input, int steps, bool scoped, long classes)
    {
        manual_seed(0);
        var model = createModel();
        var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        var x = input.Random();
        var y = randint(classes, [BatchSize]);
        return Time(() =>
        {
            using var scope = scoped ? NewDisposeScope() : null;
            optimizer.zero_grad();
            nn.functional.cross_entropy(model.call(x), y).backward();
            optimizer.step();
        }, steps, BatchSize);
    }

    /// <summary>Forward passes in eval mode without gradient recording; items = samples. Scoped as in <see cref="Train"/>.</summary>
    private static (double, double) Infer(Func<nn.Module<Tensor, Tensor>> createModel, Input input, int steps, bool scoped)
    {
        manual_seed(0);
        var model = createModel();
        model.eval();
        var x = input.Random();
        return Time(() =>
        {
            using var scope = scoped ? NewDisposeScope() : null;
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
