using System.Diagnostics;
using System.Text.Json.Nodes;
using Course.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace SideBySide;

/// <summary>
/// What the course's <see cref="Trainer"/> costs over a bare TorchSharp loop: both train the seeds' CNN (Adam 1e-3,
/// batches of 64) on the same batches, a dispose scope per step and the loss read back each step in both
/// (every real loop reports its loss). The trainer also counts right answers per batch, as it always does.
/// Rounds alternate between the two so that a machine getting slower or faster affects both alike.
/// </summary>
internal static class TrainerOverhead
{
    private const int BatchSize = 64;
    private const int DistinctBatches = 16;

    public static JsonObject Measure(int steps, int rounds)
    {
        manual_seed(0);
        var batches = Enumerable.Range(0, DistinctBatches)
            .Select(_ => (randn(BatchSize, 1, 28, 28), randint(10, [BatchSize])))
            .ToList();
        IEnumerable<(Tensor, Tensor)> Steps(int count) => Enumerable.Range(0, count).Select(i => batches[i % DistinctBatches]);

        var bare = new List<double>();
        var trainer = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            bare.Add(SamplesPerSecond(steps, count => BareLoop(Steps(count))));
            trainer.Add(SamplesPerSecond(steps, count => WithTrainer(Steps(count))));
        }
        return new JsonObject
        {
            ["workload"] = "cnn_trainer_vs_bare_loop",
            ["steps"] = steps,
            ["rounds"] = rounds,
            ["bare_loop_samples_per_second"] = new JsonArray([.. bare.Select(v => (JsonNode?)Math.Round(v, 1))]),
            ["trainer_samples_per_second"] = new JsonArray([.. trainer.Select(v => (JsonNode?)Math.Round(v, 1))]),
            ["trainer_over_bare_median"] = Math.Round(Median(trainer) / Median(bare), 4),
            ["threads"] = Environment.ProcessorCount,
        };
    }

    private static void BareLoop(IEnumerable<(Tensor Input, Tensor Target)> steps)
    {
        var model = Fresh(out var optimizer);
        model.train();
        foreach (var (input, target) in steps)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.call(input), target);
            loss.backward();
            optimizer.step();
            _ = loss.item<float>();
        }
    }

    private static void WithTrainer(IEnumerable<(Tensor Input, Tensor Target)> steps)
    {
        var model = Fresh(out var optimizer);
        new Trainer(model, optimizer, nn.CrossEntropyLoss()) { Progress = null }.Fit(new Batches(steps), validation: null, epochs: 1);
    }

    private static nn.Module<Tensor, Tensor> Fresh(out optim.Optimizer optimizer)
    {
        manual_seed(1);
        var model = Workloads.Cnn();
        optimizer = optim.Adam(model.parameters(), lr: 1e-3);
        return model;
    }

    // A warm-up run of 100 steps (tiered JIT and libtorch's first-call set-up), then the timed run.
    private static double SamplesPerSecond(int steps, Action<int> train)
    {
        train(100);
        var clock = Stopwatch.StartNew();
        train(steps);
        return steps * BatchSize / clock.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
