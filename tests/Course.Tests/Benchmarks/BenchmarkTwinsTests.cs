using System.Text.Json.Nodes;
using SideBySide;
using Xunit.Abstractions;

namespace Course.Tests.Benchmarks;

/// <summary>
/// benchmarks/side_by_side.py compares each workload with its twin in benchmarks/SideBySide; a ratio only
/// means something when both sides run the same thing. Both describe their workloads: parameter names and
/// shapes in order, items per step, the output (shape and sums) for weights and input set by formula, which
/// catches a layer without parameters (a ReLU) added or moved on one side, or a sequence model reading another
/// time step (lstm_*), and for training workloads the number of classes the targets are drawn from. A workload
/// added, renamed or changed on one side only fails here rather than skewing a table in docs/performance.md.
/// </summary>
public class BenchmarkTwinsTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Every_workload_has_an_identical_pytorch_twin()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Benchmarks", "side_by_side.py");
        var described = PyTorchScript.Run(output, "the benchmark twins check", script, "--describe");
        var pytorch = JsonNode.Parse(described)!.AsObject();
        var ours = Workloads.Describe();

        Assert.Equal(pytorch.Select(w => w.Key), ours.Select(w => w.Key));
        // Cross-entropy takes targets up to any bound below the output's width, so a training workload states its classes.
        Assert.All(ours.Where(w => w.Key.EndsWith("_train")), w => Assert.True(w.Value!["classes"] is not null, $"{w.Key} gives no classes"));
        foreach (var (name, description) in ours)
        {
            var twin = pytorch[name]!.AsObject();
            var differs = $"{name} differs:\n  PyTorch: {twin.ToJsonString()}\n  ours:    {description!.ToJsonString()}";
            Assert.True(JsonNode.DeepEquals(WithoutSums(twin), WithoutSums(description.AsObject())), differs);
            // float32 sums in two engines: equal up to rounding, measured against the size of the terms.
            double scale = Sum(twin, "output_abs_sum");
            Assert.True(Math.Abs(Sum(twin, "output_abs_sum") - Sum(description, "output_abs_sum")) <= 1e-5 * scale, differs);
            Assert.True(Math.Abs(Sum(twin, "output_sum") - Sum(description, "output_sum")) <= 1e-5 * scale, differs);
        }
    }

    private static JsonObject WithoutSums(JsonObject description)
    {
        var copy = description.DeepClone().AsObject();
        copy.Remove("output_sum");
        copy.Remove("output_abs_sum");
        return copy;
    }

    private static double Sum(JsonNode description, string key) => description[key]!.GetValue<double>();
}
