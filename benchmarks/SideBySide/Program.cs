using System.Globalization;
using SideBySide;

// Usage: SideBySide <workload> <steps>, SideBySide list, SideBySide describe or SideBySide trainer <steps> [rounds]
// A run prints one JSON line, read by benchmarks/side_by_side.py, which runs the PyTorch twin.
// describe prints what each workload is made of, as side_by_side.py --describe does for PyTorch.
if (args is ["list"])
{
    Console.WriteLine(string.Join(" ", Workloads.All.Keys));
    return 0;
}
if (args is ["describe"])
{
    Console.WriteLine(Workloads.Describe().ToJsonString(new() { WriteIndented = true }));
    return 0;
}
if (args is ["trainer", var trainerSteps, .. var more] && int.TryParse(trainerSteps, out var count) && count > 0)
{
    // The course's Trainer against a bare TorchSharp loop on the same batches (no PyTorch twin: it measures our loop).
    var rounds = more is [var r] && int.TryParse(r, out var parsed) && parsed > 0 ? parsed : 3;
    Console.WriteLine(TrainerOverhead.Measure(count, rounds).ToJsonString());
    return 0;
}
if (args.Length != 2 || !Workloads.All.TryGetValue(args[0], out var workload) || !int.TryParse(args[1], out var steps) || steps <= 0)
{
    Console.Error.WriteLine($"usage: SideBySide <workload> <steps> | list | describe | trainer <steps> [rounds]; workloads: {string.Join(", ", Workloads.All.Keys)}");
    return 2;
}
var (items, seconds) = workload.Run(steps);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $$"""{"workload": "{{args[0]}}", "items_per_second": {{items / seconds:F1}}, "threads": {{Environment.ProcessorCount}}}"""));
return 0;
