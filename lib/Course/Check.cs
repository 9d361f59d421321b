using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace Course;

/// <summary>
/// The notebooks' checks, one short call each, so a cell shows its lesson first and its proof in one line
/// (in the spirit of makemore's <c>cmp()</c>). Each check returns a line saying what held, which a cell can
/// end with to show it, and throws <see cref="CheckFailedException"/> saying what did not.
/// </summary>
public static class Check
{
    /// <summary>
    /// <paramref name="actual"/> equals <paramref name="expected"/> within <paramref name="tolerance"/> in every
    /// element (same shape); reports the largest absolute difference. Compares in float64 on the CPU.
    /// </summary>
    public static string Close(Tensor expected, Tensor actual, double tolerance, string what)
    {
        if (!expected.shape.SequenceEqual(actual.shape))
            throw new CheckFailedException($"{what}: shapes differ, expected [{string.Join(", ", expected.shape)}], got [{string.Join(", ", actual.shape)}]");
        using var scope = NewDisposeScope();
        var gap = expected.numel() == 0 ? 0 : (expected.detach().cpu().to(float64) - actual.detach().cpu().to(float64)).abs().max().item<double>();
        return gap <= tolerance
            ? Passed($"{what} (max |difference| {Number(gap)} ≤ {Number(tolerance)})")
            : throw new CheckFailedException($"{what}: max |difference| {Number(gap)} exceeds {Number(tolerance)}");
    }

    /// <summary>Two numbers agree within <paramref name="tolerance"/>.</summary>
    public static string Close(double expected, double actual, double tolerance, string what)
    {
        var gap = Math.Abs(expected - actual);
        return gap <= tolerance
            ? Passed($"{what} ({Number(actual)}, expected {Number(expected)} ± {Number(tolerance)})")
            : throw new CheckFailedException($"{what}: got {Number(actual)}, expected {Number(expected)} ± {Number(tolerance)} (off by {Number(gap)})");
    }

    /// <summary><paramref name="value"/> reaches <paramref name="bar"/> (a quality bar such as an accuracy).</summary>
    public static string AtLeast(double value, double bar, string what) =>
        value >= bar
            ? Passed($"{what} {Number(value)} ≥ {Number(bar)}")
            : throw new CheckFailedException($"{what}: {Number(value)} is below the bar {Number(bar)}");

    /// <summary><paramref name="value"/> stays at or under <paramref name="bar"/> (a loss, an error, a time).</summary>
    public static string AtMost(double value, double bar, string what) =>
        value <= bar
            ? Passed($"{what} {Number(value)} ≤ {Number(bar)}")
            : throw new CheckFailedException($"{what}: {Number(value)} is above the bar {Number(bar)}");

    /// <summary>A claim that is true or false; <paramref name="what"/> states the claim.</summary>
    public static string That(bool condition, string what) =>
        condition ? Passed(what) : throw new CheckFailedException($"not so: {what}");

    private static string Passed(string line) => "✓ " + line;

    private static string Number(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}

/// <summary>A notebook's claim did not hold; the message says which and by how much.</summary>
public sealed class CheckFailedException(string message) : Exception(message);
