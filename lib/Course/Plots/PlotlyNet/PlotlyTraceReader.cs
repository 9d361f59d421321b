using System.Text.Json.Nodes;

namespace Course.Plots.PlotlyNet;

/// <summary>
/// Reads one plotly trace (<c>data[i]</c>) into the course's trace types: scatter, bar, heatmap and histogram,
/// the ones its renderer draws. Another type is skipped and named; so is any property of a known type that
/// the course's trace has no place for.
/// </summary>
internal static class PlotlyTraceReader
{
    /// <summary>The trace, or null when its type is one the renderer does not draw.</summary>
    public static Trace? Read(JsonObject json, int index, NotDrawn notDrawn)
    {
        var reader = new JsonObjectReader(json, $"data[{index}]", notDrawn);
        // plotly's default trace type is scatter.
        var type = reader.String("type") ?? "scatter";
        Trace? trace = type switch
        {
            "scatter" => ReadScatter(reader),
            "bar" => ReadBar(reader),
            "heatmap" => ReadHeatmap(reader),
            "histogram" => ReadHistogram(reader),
            _ => null,
        };
        if (trace is null)
        {
            notDrawn.Add($"data[{index}] ({type})");
            return null;
        }
        trace.Name = reader.String("name");
        trace.ShowLegend = reader.Bool("showlegend");
        trace.XAxis = reader.String("xaxis");
        trace.YAxis = reader.String("yaxis");
        trace.Opacity = reader.Number("opacity");
        reader.Finish();
        return trace;
    }

    private static Scatter ReadScatter(JsonObjectReader reader) => new()
    {
        Mode = reader.String("mode"),
        X = reader.Data("x"),
        Y = reader.Data("y"),
        Line = ReadLine(reader.Object("line")),
        Marker = ReadMarker(reader.Object("marker")),
    };

    private static Bar ReadBar(JsonObjectReader reader) => new()
    {
        X = reader.Data("x"),
        Y = reader.Data("y"),
        Orientation = reader.String("orientation"),
        Marker = ReadMarker(reader.Object("marker")),
    };

    private static Heatmap ReadHeatmap(JsonObjectReader reader) => new()
    {
        Z = reader.Grid("z"),
        X = reader.Data("x"),
        Y = reader.Data("y"),
        ColorScale = ReadColorScale(reader),
        ReverseScale = reader.Bool("reversescale"),
        ShowScale = reader.Bool("showscale"),
        ZMin = reader.Number("zmin"),
        ZMax = reader.Number("zmax"),
        TextTemplate = reader.String("texttemplate"),
    };

    private static Histogram ReadHistogram(JsonObjectReader reader) => new()
    {
        X = reader.Data("x"),
        NBinsX = reader.Integer("nbinsx"),
        Marker = ReadMarker(reader.Object("marker")),
    };

    /// <summary>A named scale the renderer knows; a list of colour stops or another name is not drawn.</summary>
    private static string? ReadColorScale(JsonObjectReader reader)
    {
        if (reader.Node("colorscale") is not { } scale) return null;
        return scale is JsonValue value && value.TryGetValue(out string? name) && Colorscales.Names.Contains(name, StringComparer.OrdinalIgnoreCase)
            ? name
            : reader.Unexpected<string?>("colorscale", null);
    }

    private static Line? ReadLine(JsonObjectReader? reader)
    {
        if (reader is null) return null;
        var line = new Line { Color = reader.String("color"), Width = reader.Number("width"), Dash = reader.String("dash") };
        reader.Finish();
        return line.Color is null && line.Width is null && line.Dash is null ? null : line;
    }

    private static Marker? ReadMarker(JsonObjectReader? reader)
    {
        if (reader is null) return null;
        var marker = new Marker { Color = reader.String("color"), Size = reader.Number("size") };
        reader.Finish();
        return marker.Color is null && marker.Size is null ? null : marker;
    }
}
