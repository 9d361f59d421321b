using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Course.Torch.Kernels;

namespace Course.Torch.Benchmarks;

// Float32 matrix multiply on the shapes that matter: the MNIST MLP's 784 -> 256 layer at batch 64, the
// two products of its backward pass, and a square 512^3 product for comparison with published numbers.
[Config(typeof(GemmConfig))]
public class GemmBenchmarks
{
    // One product C[m,n] = A[m,k] · B[k,n]; a transposed operand is read through swapped strides.
    public sealed record Shape(string Name, int M, int N, int K, bool TransposeA, bool TransposeB)
    {
        // A product does m*n*k multiply-adds, each counted as 2 floating-point operations.
        public double Flops => 2.0 * M * N * K;

        public override string ToString() => Name;
    }

    // Names stay under 20 characters, past which BenchmarkDotNet abbreviates parameter values.
    public static IEnumerable<Shape> Shapes =>
    [
        new("64x784·784x256", 64, 256, 784, false, false),     // forward: input X · weight W
        new("64x256·(784x256)ᵀ", 64, 784, 256, false, true),   // backward: dX = dY · Wᵀ
        new("(64x784)ᵀ·64x256", 784, 256, 64, true, false),    // backward: dW = Xᵀ · dY
        new("512x512·512x512", 512, 512, 512, false, false),
    ];

    [ParamsSource(nameof(Shapes))]
    public Shape Product { get; set; } = null!;

    private float[] _a = [], _b = [], _c = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _a = Enumerable.Range(0, Product.M * Product.K).Select(_ => random.NextSingle() - 0.5f).ToArray();
        _b = Enumerable.Range(0, Product.K * Product.N).Select(_ => random.NextSingle() - 0.5f).ToArray();
        _c = new float[Product.M * Product.N];
    }

    [Benchmark]
    public void Gemm()
    {
        var (m, n, k, aRowStride, aColStride, bRowStride, bColStride) = Strides();
        Kernels.Gemm.Multiply(_a, 0, aRowStride, aColStride, _b, 0, bRowStride, bColStride, _c, 0, m, n, k, accumulate: false);
    }

    // The textbook triple loop on the same operands, for scale.
    [Benchmark(Baseline = true)]
    public void NaiveLoop()
    {
        var (m, n, k, aRowStride, aColStride, bRowStride, bColStride) = Strides();
        Kernels.Gemm.MultiplyNaive(_a, 0, aRowStride, aColStride, _b, 0, bRowStride, bColStride, _c, 0, m, n, k, accumulate: false);
    }

    // A is stored row-major as m x k, or when transposed as its transpose (k x m); likewise B.
    private (int M, int N, int K, int ARowStride, int AColStride, int BRowStride, int BColStride) Strides()
    {
        var (m, n, k) = (Product.M, Product.N, Product.K);
        (int aRowStride, int aColStride) = Product.TransposeA ? (1, m) : (k, 1);
        (int bRowStride, int bColStride) = Product.TransposeB ? (1, k) : (n, 1);
        return (m, n, k, aRowStride, aColStride, bRowStride, bColStride);
    }

    // GFLOP/s next to the times; the memory diagnoser shows that a product allocates almost nothing
    // (the pack buffers come from a pool).
    private sealed class GemmConfig : ManualConfig
    {
        public GemmConfig()
        {
            AddColumn(new GflopsColumn());
            AddDiagnoser(MemoryDiagnoser.Default);
        }
    }

    // Throughput in GFLOP/s = floating-point operations / mean time. With the time in nanoseconds,
    // flops / ns is already 10^9 flops per second.
    private sealed class GflopsColumn : IColumn
    {
        public string Id => nameof(GflopsColumn);
        public string ColumnName => "GFLOP/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Billions of floating-point operations per second: 2·m·n·k / mean time";

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public bool IsAvailable(Summary summary) => true;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
            GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var statistics = summary[benchmarkCase]?.ResultStatistics;
            if (statistics is null || benchmarkCase.Parameters["Product"] is not Shape shape)
            {
                return "-";
            }
            return (shape.Flops / statistics.Mean).ToString("F1");
        }
    }
}
