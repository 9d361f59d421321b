using BenchmarkDotNet.Attributes;
using static Course.Torch.torch;

namespace Course.Torch.Benchmarks;

// Elementwise and reduction kernels on a batch-sized activation (64x256) and a large tensor
// (1M elements): the per-op cost that a training step pays dozens of times.
[MemoryDiagnoser]
public class KernelBenchmarks
{
    [Params(64 * 256, 1 << 20)]
    public int Elements { get; set; }

    private Tensor _x = null!, _y = null!, _row = null!;

    [GlobalSetup]
    public void Setup()
    {
        manual_seed(0);
        _x = randn(Elements / 256, 256);
        _y = randn(Elements / 256, 256);
        _row = randn(256);
    }

    [Benchmark] public Tensor Add() => _x + _y;
    [Benchmark] public Tensor AddBroadcastRow() => _x + _row;
    [Benchmark] public Tensor MultiplyScalar() => _x * 2.0;
    [Benchmark] public Tensor Relu() => _x.relu();
    [Benchmark] public Tensor Exp() => _x.exp();
    [Benchmark] public Tensor Sum() => _x.sum();
    [Benchmark] public Tensor SumOverBatch() => _x.sum(0);
    [Benchmark] public Tensor SumOverFeatures() => _x.sum(1);
    [Benchmark] public Tensor ArgmaxOverFeatures() => _x.argmax(1);
    [Benchmark] public Tensor Softmax() => _x.softmax(1);
}
