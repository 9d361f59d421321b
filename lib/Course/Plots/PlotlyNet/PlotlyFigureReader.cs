using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Plots.PlotlyNet;

/// <summary>
/// Reads a plotly figure's JSON (<c>{"data": [...], "layout": {...}}</c>, as plotly.js and Plotly.NET write it)
/// into the course's <see cref="Figure"/>, naming in <see cref="NotDrawn"/> every trace and property its SVG
/// renderer does not draw.
/// <para>
/// A layout's <c>template</c> is a theme. The renderer draws in plotly's default look, which is also
/// Plotly.NET's default template: a template equal to the default template given to <see cref="Read"/> is therefore drawn,
/// any other is named. Either way its colorway colours the traces, and a heatmap that takes its colour scale
/// from the template is named, since the renderer draws it with its own default scale.
/// </para>
/// </summary>
public static class PlotlyFigureReader
{
    /// <summary>Reads <paramref name="json"/>; throws <see cref="FormatException"/> when it is not a plotly figure.</summary>
    public static ReadFigure Read(string json, JsonNode? defaultTemplate = null)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"Not plotly figure JSON: {e.Message}", e);
        }
        if (root is not JsonObject figureJson)
            throw new FormatException($"A plotly figure is a JSON object with \"data\" and \"layout\"; got {root?.GetValueKind().ToString() ?? "null"}.");

        var notDrawn = new NotDrawn();
        var figureReader = new JsonObjectReader(figureJson, "", notDrawn);
        var layoutReader = figureReader.Object("layout");
        var template = layoutReader?.Object("template");
        var figure = new Figure(ReadTraces(figureReader, notDrawn))
        {
            Layout = layoutReader is null ? new Layout() : PlotlyLayoutReader.Read(layoutReader),
        };
        if (template is not null) ApplyTemplate(template, layoutReader!, figure, defaultTemplate, notDrawn);
        layoutReader?.Finish();
        figureReader.Finish();
        return new ReadFigure(figure, notDrawn);
    }

    private static List<Trace> ReadTraces(JsonObjectReader figureReader, NotDrawn notDrawn)
    {
        var traces = new List<Trace>();
        switch (figureReader.Node("data"))
        {
            case null:
                break;
            case JsonArray items:
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i] is not JsonObject item)
                        throw new FormatException($"data[{i}] of a plotly figure must be an object (a trace); got {items[i]?.GetValueKind().ToString() ?? "null"}.");
                    if (PlotlyTraceReader.Read(item, i, notDrawn) is { } trace) traces.Add(trace);
                }
                break;
            default:
                throw new FormatException("The \"data\" of a plotly figure must be a list of traces.");
        }
        return traces;
    }

    private static void ApplyTemplate(JsonObjectReader template, JsonObjectReader layoutReader, Figure figure, JsonNode? defaultTemplate,
        NotDrawn notDrawn)
    {
        var templateJson = layoutReader.Node("template");
        if (defaultTemplate is null || !JsonNode.DeepEquals(templateJson, defaultTemplate)) notDrawn.Add(template.Path);
        if (layoutReader.Node("colorway") is null && template.Object("layout") is { } templateLayout
            && PlotlyLayoutReader.ReadColorway(templateLayout, "colorway") is { } colorway)
            figure.Layout.Colorway = colorway;
        if (templateJson?["data"]?["heatmap"]?[0]?["colorscale"] is not null && figure.Data.Any(t => t is Heatmap { ColorScale: null }))
            notDrawn.Add(template.PathOf($"data.heatmap[0].colorscale (drawn with {Colorscales.Default} instead)"));
    }
}
