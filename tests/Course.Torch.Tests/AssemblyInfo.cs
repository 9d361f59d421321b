// Random ops draw from one process-wide default generator, as in PyTorch. Tests that seed it with
// manual_seed and compare two runs (recycling on and off, a model saved and rebuilt) get different draws
// when a test in another class consumes random numbers at the same moment, so test classes here run one
// after another. The engine's kernels still use both cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
