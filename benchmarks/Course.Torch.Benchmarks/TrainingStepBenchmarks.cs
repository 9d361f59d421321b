using BenchmarkDotNet.Attributes;
using static Course.Torch.torch;

namespace Course.Torch.Benchmarks;

// The MLP 784-256-10 of the first chapters at batch 64: one full training step (forward,
// cross-entropy, backward, Adam) and one inference pass. Divide 64 by the mean time for samples/s;
// benchmarks/side_by_side.py runs the same step in PyTorch for the ratio.
[MemoryDiagnoser]
public class TrainingStepBenchmarks
{
    private const int BatchSize = 64;
    private nn.Module<Tensor, Tensor> _model = null!;
    private optim.Optimizer _optimizer = null!;
    private Tensor _input = null!, _labels = null!;

    [GlobalSetup]
    public void Setup()
    {
        manual_seed(0);
        _model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10));
        _optimizer = optim.Adam(_model.parameters(), lr: 1e-3);
        _input = randn(BatchSize, 784);
        _labels = randint(10, [BatchSize]);
    }

    [Benchmark]
    public float MlpTrainingStep()
    {
        _optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(_model.call(_input), _labels);
        loss.backward();
        _optimizer.step();
        return loss.item<float>();
    }

    [Benchmark]
    public Tensor MlpInference()
    {
        using (no_grad()) return _model.call(_input);
    }
}
