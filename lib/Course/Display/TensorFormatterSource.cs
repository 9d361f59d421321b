using System.Globalization;
using System.Net;
using System.Text;
using Course.Display;
using Course.Torch;
using static Course.Torch.torch;

[assembly: TypeFormatterSource(typeof(TensorFormatterSource))]

namespace Course.Display;

/// <summary>
/// Tensors in notebooks: text/plain is PyTorch's printout (the engine's ToString), text/html a table of the
/// values with the shape and dtype above it, summarised with "⋯" at PyTorch's threshold so a 60000×784 tensor
/// shows its corners instead of freezing the front end.
/// </summary>
public sealed class TensorFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new TypeFormatter<Tensor>("text/html", FormatHtml),
        new TypeFormatter<Tensor>("text/plain", (tensor, writer) => writer.Write(tensor.ToString())),
    ];

    /// <summary>Rows or columns shown at each edge of a summarised dimension, as PyTorch's edgeitems.</summary>
    private const int EdgeItems = 3;

    /// <summary>Dimensions longer than this are summarised.</summary>
    private const int MaxFullLength = 2 * EdgeItems + 4;

    private static void FormatHtml(Tensor tensor, TextWriter writer)
    {
        var html = new StringBuilder();
        html.Append("<div class=\"course-tensor\"><div><code>tensor</code> shape [")
            .Append(string.Join(", ", tensor.shape)).Append("], dtype ").Append(tensor.dtype);
        if (tensor.requires_grad) html.Append(", requires_grad");
        html.Append("</div>");
        switch (tensor.Dimensions)
        {
            case 0:
                html.Append("<table><tbody><tr><td>").Append(Cell(tensor.reshape(1), 0)).Append("</td></tr></tbody></table>");
                break;
            case 1:
                Matrix(html, tensor.reshape(1, tensor.shape[0]));
                break;
            case 2:
                Matrix(html, tensor);
                break;
            default:
                // Leading dimensions become a list of matrices, each headed by its index, summarised like rows.
                var leading = tensor.shape[..^2];
                var count = leading.Aggregate(1L, (a, b) => a * b);
                var matrices = tensor.reshape(count, tensor.shape[^2], tensor.shape[^1]);
                foreach (var index in EdgeIndices(count))
                {
                    if (index < 0) { html.Append("<div>⋯</div>"); continue; }
                    html.Append("<div><code>[").Append(string.Join(", ", Unravel(index, leading))).Append(", :, :]</code></div>");
                    Matrix(html, matrices[index]);
                }
                break;
        }
        writer.Write(html.Append("</div>").ToString());
    }

    private static void Matrix(StringBuilder html, Tensor matrix)
    {
        var rows = EdgeIndices(matrix.shape[0]);
        var columns = EdgeIndices(matrix.shape[1]);
        html.Append("<table><thead><tr><th></th>");
        foreach (var c in columns) html.Append("<th>").Append(c < 0 ? "⋯" : c.ToString(CultureInfo.InvariantCulture)).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var r in rows)
        {
            html.Append("<tr><th>").Append(r < 0 ? "⋮" : r.ToString(CultureInfo.InvariantCulture)).Append("</th>");
            var row = r < 0 ? null : matrix[r];
            foreach (var c in columns)
                html.Append("<td>").Append(row is null ? "⋮" : c < 0 ? "⋯" : Cell(row, c)).Append("</td>");
            html.Append("</tr>");
        }
        html.Append("</tbody></table>");
    }

    /// <summary>The indices shown along a dimension; -1 marks the elided middle.</summary>
    private static List<long> EdgeIndices(long length) => length <= MaxFullLength
        ? [.. Enumerable.Range(0, (int)length).Select(i => (long)i)]
        : [.. Enumerable.Range(0, EdgeItems).Select(i => (long)i), -1, .. Enumerable.Range(0, EdgeItems).Select(i => length - EdgeItems + i)];

    private static long[] Unravel(long index, long[] shape)
    {
        var result = new long[shape.Length];
        for (var d = shape.Length - 1; d >= 0; d--)
        {
            result[d] = index % shape[d];
            index /= shape[d];
        }
        return result;
    }

    private static string Cell(Tensor vector, long index)
    {
        var element = vector[index];
        return WebUtility.HtmlEncode(element.dtype switch
        {
            ScalarType.Bool => element.item<bool>() ? "True" : "False",
            ScalarType.Int64 => element.item<long>().ToString(CultureInfo.InvariantCulture),
            _ => element.item<double>().ToString("0.####", CultureInfo.InvariantCulture),
        });
    }
}
