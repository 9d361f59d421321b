using BenchmarkDotNet.Running;

namespace Course.Torch.Benchmarks;

public static class Program
{
    // Pass BenchmarkDotNet arguments through, for example:
    //   dotnet run -c Release --project benchmarks/Course.Torch.Benchmarks -- --filter '*Gemm*' --job short
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
