using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Course.Plots.PlotlyNet;

/// <summary>
/// Reads a plotly <c>layout</c> into the course's <see cref="Layout"/>: title, size, legend, subplot grid,
/// annotations, colorway and the axes (<c>xaxis</c>, <c>yaxis2</c>, ...). Everything else is named as not drawn.
/// The <c>template</c> is the figure reader's (see <see cref="PlotlyFigureReader"/>).
/// </summary>
internal static partial class PlotlyLayoutReader
{
    public static Layout Read(JsonObjectReader reader)
    {
        var layout = new Layout
        {
            Title = ReadTitle(reader, "title"),
            Width = reader.Integer("width"),
            Height = reader.Integer("height"),
            ShowLegend = reader.Bool("showlegend"),
            Legend = ReadLegend(reader.Object("legend")),
            Grid = ReadGrid(reader.Object("grid")),
            Annotations = ReadAnnotations(reader),
        };
        if (ReadColorway(reader, "colorway") is { } colorway) layout.Colorway = colorway;
        foreach (var key in AxisKeys(reader))
        {
            var match = AxisKey().Match(key);
            var number = match.Groups["number"].Value is { Length: > 0 } digits ? int.Parse(digits) : 1;
            if (reader.Object(key) is { } axis)
                layout.SetAxis(match.Groups["letter"].Value[0], number, ReadAxis(axis));
        }
        return layout;
    }

    /// <summary>A list of colours (a layout's or a template's <c>colorway</c>); null when absent or not a list of strings.</summary>
    public static List<string>? ReadColorway(JsonObjectReader reader, string key) => reader.Node(key) switch
    {
        null => null,
        JsonArray colors when colors.All(c => c?.GetValueKind() == JsonValueKind.String) => [.. colors.Select(c => c!.GetValue<string>())],
        _ => reader.Unexpected<List<string>?>(key, null),
    };

    private static IEnumerable<string> AxisKeys(JsonObjectReader reader) =>
        reader.Keys.Where(k => AxisKey().IsMatch(k)).OrderBy(k => k, StringComparer.Ordinal).ToList();

    /// <summary>plotly writes a title as <c>{"text": ...}</c> or, in older figures, as a plain string.</summary>
    private static Title? ReadTitle(JsonObjectReader reader, string key)
    {
        if (reader.Node(key) is JsonValue value && value.TryGetValue(out string? text)) return text;
        if (reader.Object(key) is not { } title) return null;
        var result = title.String("text") is { } t ? new Title { Text = t } : null;
        title.Finish();
        return result;
    }

    private static Axis ReadAxis(JsonObjectReader reader)
    {
        var axis = new Axis
        {
            Title = ReadTitle(reader, "title"),
            Type = reader.String("type"),
            Range = ReadRange(reader),
            AutoRange = ReadAutoRange(reader),
            ShowGrid = reader.Bool("showgrid"),
        };
        reader.Finish();
        return axis;
    }

    private static double[]? ReadRange(JsonObjectReader reader) => reader.Node("range") switch
    {
        null => null,
        JsonArray and [JsonValue from, JsonValue to] when from.GetValueKind() == JsonValueKind.Number && to.GetValueKind() == JsonValueKind.Number =>
            [from.GetValue<double>(), to.GetValue<double>()],
        _ => reader.Unexpected<double[]?>("range", null),
    };

    /// <summary>"reversed" is drawn; true is plotly's default, so it changes nothing; anything else is not drawn.</summary>
    private static string? ReadAutoRange(JsonObjectReader reader) => reader.Node("autorange") switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.True => null,
        JsonValue v when v.TryGetValue(out string? text) && text == "reversed" => text,
        _ => reader.Unexpected<string?>("autorange", null),
    };

    private static Legend? ReadLegend(JsonObjectReader? reader)
    {
        if (reader is null) return null;
        var legend = new Legend { Orientation = reader.String("orientation") };
        reader.Finish();
        return legend;
    }

    private static LayoutGrid? ReadGrid(JsonObjectReader? reader)
    {
        if (reader is null) return null;
        var grid = new LayoutGrid { Rows = reader.Integer("rows") ?? 1, Columns = reader.Integer("columns") ?? 1 };
        if (reader.String("pattern") is { } pattern && pattern != grid.Pattern) reader.Unexpected("pattern", pattern);
        reader.Finish();
        return grid;
    }

    private static List<Annotation>? ReadAnnotations(JsonObjectReader reader)
    {
        switch (reader.Node("annotations"))
        {
            case null:
                return null;
            case JsonArray items:
                var annotations = new List<Annotation>();
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i] is not JsonObject item)
                    {
                        reader.NotDrawn.Add(reader.PathOf($"annotations[{i}]"));
                        continue;
                    }
                    annotations.Add(ReadAnnotation(new JsonObjectReader(item, reader.PathOf($"annotations[{i}]"), reader.NotDrawn)));
                }
                return annotations;
            default:
                return reader.Unexpected<List<Annotation>?>("annotations", null);
        }
    }

    private static Annotation ReadAnnotation(JsonObjectReader reader)
    {
        var annotation = new Annotation
        {
            Text = reader.String("text"),
            X = reader.Number("x") ?? 0.5,
            Y = reader.Number("y") ?? 0.5,
            XRef = reader.String("xref") ?? "paper",
            YRef = reader.String("yref") ?? "paper",
            XAnchor = reader.String("xanchor"),
            YAnchor = reader.String("yanchor"),
        };
        // plotly draws an arrow unless told not to; the course's renderer draws none.
        if (reader.Bool("showarrow") != false) reader.NotDrawn.Add(reader.PathOf("showarrow"));
        reader.Finish();
        return annotation;
    }

    [GeneratedRegex(@"^(?<letter>[xy])axis(?<number>[1-9][0-9]*)?$")]
    private static partial Regex AxisKey();
}
