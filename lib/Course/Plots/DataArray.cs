using System.Globalization;

namespace Course.Plots;

/// <summary>
/// A column of trace data as plotly calls it (a "data_array"): either numbers or category labels.
/// Arrays and lists convert implicitly, so <c>new Scatter { X = xs, Y = ys }</c> takes
/// <c>double[]</c>, <c>float[]</c>, <c>int[]</c>, <c>long[]</c>, <c>string[]</c> and their lists.
/// NaN marks a missing number: a gap in a line, a skipped bar, <c>null</c> in the JSON.
/// </summary>
public sealed class DataArray
{
    private readonly double[]? _numbers;
    private readonly string[]? _labels;

    private DataArray(double[]? numbers, string[]? labels)
    {
        _numbers = numbers;
        _labels = labels;
    }

    public static DataArray FromNumbers(IEnumerable<double> numbers) => new(numbers.ToArray(), null);

    public static DataArray FromLabels(IEnumerable<string> labels) => new(null, labels.ToArray());

    /// <summary>0, 1, ..., count-1: the x values plotly assumes when a trace gives only y.</summary>
    public static DataArray Range(int count) => new(Enumerable.Range(0, count).Select(i => (double)i).ToArray(), null);

    public int Count => _numbers?.Length ?? _labels!.Length;

    /// <summary>True when the values are labels, which puts them on a category axis.</summary>
    public bool IsCategorical => _labels is not null;

    /// <summary>The i-th number; NaN for labels (they have no numeric value).</summary>
    public double NumberAt(int index) => _numbers is null ? double.NaN : _numbers[index];

    /// <summary>The i-th value as text: the label itself, or the number in invariant culture.</summary>
    public string LabelAt(int index) => _labels?[index] ?? _numbers![index].ToString("R", CultureInfo.InvariantCulture);

    internal IReadOnlyList<double>? Numbers => _numbers;

    internal IReadOnlyList<string>? Labels => _labels;

    public static implicit operator DataArray(double[] values) => new((double[])values.Clone(), null);
    public static implicit operator DataArray(float[] values) => new(values.Select(v => (double)v).ToArray(), null);
    public static implicit operator DataArray(int[] values) => new(values.Select(v => (double)v).ToArray(), null);
    public static implicit operator DataArray(long[] values) => new(values.Select(v => (double)v).ToArray(), null);
    public static implicit operator DataArray(string[] values) => new(null, (string[])values.Clone());
    public static implicit operator DataArray(List<double> values) => new(values.ToArray(), null);
    public static implicit operator DataArray(List<float> values) => new(values.Select(v => (double)v).ToArray(), null);
    public static implicit operator DataArray(List<int> values) => new(values.Select(v => (double)v).ToArray(), null);
    public static implicit operator DataArray(List<string> values) => new(null, values.ToArray());
}
