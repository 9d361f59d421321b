// A script session makes the notebook's folder the process's current directory while a cell runs (so
// File.ReadAllText("data.txt") works as in Jupyter, where each kernel is its own process). The current
// directory is process-wide, so sessions in one test process must not run cells at the same time:
// test classes here run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
