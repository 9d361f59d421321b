using System.Globalization;
using System.Text;

namespace Course.Torch;

public static partial class torch
{
    /// <summary>How tensors are printed; PyTorch's defaults (see <see cref="set_printoptions"/>).</summary>
    private sealed record PrintOptions(int Precision, long Threshold, int EdgeItems, int LineWidth, bool? SciMode);

    private static readonly PrintOptions DefaultPrintOptions = new(Precision: 4, Threshold: 1000, EdgeItems: 3, LineWidth: 80, SciMode: null);

    private static PrintOptions printOptions = DefaultPrintOptions;

    /// <summary>
    /// Changes how tensors print, as PyTorch's set_printoptions: <paramref name="precision"/> digits after the
    /// point, summarising with "..." above <paramref name="threshold"/> elements (showing
    /// <paramref name="edgeitems"/> at each edge), lines up to <paramref name="linewidth"/> characters.
    /// <paramref name="profile"/> "default", "short" or "full" sets all of them first. <paramref name="sci_mode"/>
    /// forces scientific notation on (true) or off (false); null lets each tensor choose.
    /// </summary>
    public static void set_printoptions(int? precision = null, long? threshold = null, int? edgeitems = null,
        int? linewidth = null, string? profile = null, bool? sci_mode = null)
    {
        var options = profile switch
        {
            null => printOptions,
            "default" => DefaultPrintOptions,
            "short" => DefaultPrintOptions with { Precision = 2, EdgeItems = 2 },
            "full" => DefaultPrintOptions with { Threshold = long.MaxValue },
            _ => throw new ArgumentException($"set_printoptions: profile must be \"default\", \"short\" or \"full\", got \"{profile}\"."),
        };
        printOptions = options with
        {
            Precision = precision ?? options.Precision,
            Threshold = threshold ?? options.Threshold,
            EdgeItems = edgeitems ?? options.EdgeItems,
            LineWidth = linewidth ?? options.LineWidth,
            SciMode = sci_mode,
        };
    }

    /// <summary>Writes the tensor to the console the way PyTorch's <c>print(t)</c> does, and returns it.</summary>
    public static Tensor print(Tensor t) => t.print();

    public partial class Tensor
    {
        /// <summary>
        /// The tensor as PyTorch prints it, e.g. <c>tensor([[ 0.1234, -1.2000], [ 2.0000,  3.0000]])</c> laid
        /// out over lines, with dtype, requires_grad or grad_fn appended when they are worth knowing.
        /// </summary>
        public override string ToString() => IsInvalid ? $"tensor [{FormatShape(_shape)}], disposed" : TensorText.Format(this, printOptions);

        /// <summary>Writes <see cref="ToString"/> to the console and returns this tensor, so it can sit inside an expression.</summary>
        public Tensor print()
        {
            Console.WriteLine(ToString());
            return this;
        }
    }

    /// <summary>PyTorch's tensor printing (torch/_tensor_str.py, version 1.13), rule for rule.</summary>
    private static class TensorText
    {
        private const string Prefix = "tensor(";

        public static string Format(Tensor t, PrintOptions options)
        {
            var indent = Prefix.Length;
            var suffixes = new List<string>();
            string body;
            if (t.numel() == 0)
            {
                // Like NumPy: the shape is spelled out unless it is (0,), and so is any non-default dtype,
                // since there are no elements to show it.
                if (t.Dimensions != 1) suffixes.Add($"size=({string.Join(", ", t._shape)})");
                if (t.dtype != default_dtype) suffixes.Add($"dtype={DtypeName(t.dtype)}");
                body = "[]";
            }
            else
            {
                if (t.dtype != default_dtype && t.dtype is not (ScalarType.Int64 or ScalarType.Bool))
                    suffixes.Add($"dtype={DtypeName(t.dtype)}");
                body = new Layout(t, options).Nested(0, 0, indent);
            }
            if (t.grad_fn is { } node) suffixes.Add($"grad_fn=<{node.Name}>");
            else if (t.requires_grad) suffixes.Add("requires_grad=True");
            return AddSuffixes(Prefix + body, suffixes, indent, options.LineWidth);
        }

        private static string DtypeName(ScalarType dtype) => dtype switch
        {
            ScalarType.Float32 => "torch.float32",
            ScalarType.Float64 => "torch.float64",
            ScalarType.Int64 => "torch.int64",
            _ => "torch.bool",
        };

        /// <summary>Appends ", suffix" to the last line, or starts a new line when it would exceed the line width.</summary>
        private static string AddSuffixes(string text, List<string> suffixes, int indent, int lineWidth)
        {
            var result = new StringBuilder(text);
            var lastLineLength = text.Length - text.LastIndexOf('\n') + 1;
            foreach (var suffix in suffixes)
            {
                if (lastLineLength + suffix.Length + 2 > lineWidth)
                {
                    result.Append(",\n").Append(' ', indent).Append(suffix);
                    lastLineLength = indent + suffix.Length;
                }
                else
                {
                    result.Append(", ").Append(suffix);
                    lastLineLength += suffix.Length + 2;
                }
            }
            return result.Append(')').ToString();
        }

        /// <summary>Nested brackets over a dense copy of the elements; large tensors show only their edges.</summary>
        private sealed class Layout
        {
            private readonly long[] _shape;
            private readonly long[] _strides;
            private readonly bool _summarize;
            private readonly PrintOptions _options;
            private readonly ElementFormat _format;

            public Layout(Tensor t, PrintOptions options)
            {
                _shape = t._shape;
                _strides = Tensor.ContiguousStrides(_shape);
                _options = options;
                _summarize = t.numel() > options.Threshold;
                var dense = t.detach();
                // The number format (decimals, scientific, column width) is chosen from the shown elements only.
                var shown = new List<long>();
                CollectShown(0, 0, shown);
                _format = dense.dtype switch
                {
                    ScalarType.Int64 => new ElementFormat(dense.ToDenseArray<long>(), shown),
                    ScalarType.Bool => new ElementFormat(dense.ToDenseArray<bool>(), shown),
                    _ => new ElementFormat(dense.to(ScalarType.Float64).ToDenseArray<double>(), shown, options),
                };
            }

            /// <summary>The positions along a dimension of this size that are printed (-1 marks the "..." gap).</summary>
            private IEnumerable<long> Positions(long size)
            {
                var edge = _options.EdgeItems;
                if (!_summarize || size <= 2L * edge)
                {
                    for (long i = 0; i < size; i++) yield return i;
                    yield break;
                }
                for (long i = 0; i < edge; i++) yield return i;
                yield return -1;
                for (var i = size - edge; i < size; i++) yield return i;
            }

            private void CollectShown(int dim, long start, List<long> shown)
            {
                if (dim == _shape.Length)
                {
                    shown.Add(start);
                    return;
                }
                foreach (var i in Positions(_shape[dim]))
                    if (i >= 0) CollectShown(dim + 1, start + i * _strides[dim], shown);
            }

            /// <summary>The sub-tensor from dimension <paramref name="dim"/> on, starting at flat index <paramref name="start"/>.</summary>
            public string Nested(int dim, long start, int indent)
            {
                var rank = _shape.Length - dim;
                if (rank == 0) return _format.Format(start);
                if (rank == 1) return Vector(start, indent);
                var slices = Positions(_shape[dim])
                    .Select(i => i < 0 ? "..." : Nested(dim + 1, start + i * _strides[dim], indent + 1));
                return "[" + string.Join("," + new string('\n', rank - 1) + new string(' ', indent + 1), slices) + "]";
            }

            private string Vector(long start, int indent)
            {
                var elementsPerLine = Math.Max(1, (_options.LineWidth - indent) / (_format.Width + 2));
                var data = Positions(_shape[^1]).Select(i => i < 0 ? " ..." : _format.Format(start + i)).ToList();
                var lines = data.Chunk(elementsPerLine).Select(line => string.Join(", ", line));
                return "[" + string.Join(",\n" + new string(' ', indent + 1), lines) + "]";
            }
        }

        /// <summary>
        /// How every element of one tensor is written, decided once from the shown elements so columns line up:
        /// floats whose finite nonzero values are all whole numbers print as "3.", others with fixed decimals,
        /// and in scientific notation when the magnitudes span more than 1000× or reach 1e8 (or go below 1e-4).
        /// </summary>
        private sealed class ElementFormat
        {
            private readonly Func<long, string> _text;

            public int Width { get; }

            public ElementFormat(long[] values, List<long> shown)
            {
                _text = i => values[i].ToString(CultureInfo.InvariantCulture);
                Width = shown.Select(i => _text(i).Length).Append(1).Max();
            }

            public ElementFormat(bool[] values, List<long> shown)
            {
                _text = i => values[i] ? "True" : "False";
                Width = shown.Select(i => _text(i).Length).Append(1).Max();
            }

            public ElementFormat(double[] values, List<long> shown, PrintOptions options)
            {
                var fixedFormat = "F" + options.Precision;
                var sciFormat = "0." + new string('0', options.Precision) + "e+00";
                var finite = shown.Select(i => values[i]).Where(v => double.IsFinite(v) && v != 0).ToList();
                var integers = finite.All(v => v == Math.Ceiling(v));
                var scientific = false;
                var width = 1;
                if (finite.Count > 0)
                {
                    var smallest = finite.Min(Math.Abs);
                    var largest = finite.Max(Math.Abs);
                    scientific = largest / smallest > 1000 || largest > 1e8 || !integers && smallest < 1e-4;
                    // Whole numbers get one extra column for the "." that marks them as floating point.
                    width = finite.Max(v => scientific ? Number(v, sciFormat).Length
                        : integers ? Number(v, "F0").Length + 1
                        : Number(v, fixedFormat).Length);
                }
                scientific = options.SciMode ?? scientific;
                Width = width;
                _text = i => scientific ? Number(values[i], sciFormat)
                    : integers ? Number(values[i], "F0") + (double.IsFinite(values[i]) ? "." : "")
                    : Number(values[i], fixedFormat);
            }

            /// <summary>The element right-aligned to the common width.</summary>
            public string Format(long index) => _text(index).PadLeft(Width);

            /// <summary>Python's float formatting: "nan", "inf", "-inf" and otherwise .NET's (identically rounded) digits.</summary>
            private static string Number(double v, string format) =>
                double.IsNaN(v) ? "nan" : double.IsInfinity(v) ? (v > 0 ? "inf" : "-inf") : v.ToString(format, CultureInfo.InvariantCulture);
        }
    }
}
