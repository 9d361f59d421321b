using System.Globalization;
using SideBySide;

// Usage: SideBySide <workload> <steps>   (or "list")
// Prints one JSON line, read by benchmarks/side_by_side.py, which runs the PyTorch twin.
if (args.Length == 1 && args[0] == "list")
{
    Console.WriteLine(string.Join(" ", Workloads.All.Keys));
    return 0;
}
if (args.Length != 2 || !Workloads.All.TryGetValue(args[0], out var workload) || !int.TryParse(args[1], out var steps) || steps <= 0)
{
    Console.Error.WriteLine($"usage: SideBySide <workload> <steps>; workloads: {string.Join(", ", Workloads.All.Keys)}");
    return 2;
}
var (items, seconds) = workload(steps);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $$"""{"workload": "{{args[0]}}", "items_per_second": {{items / seconds:F1}}, "threads": {{Environment.ProcessorCount}}}"""));
return 0;
