using System.Text.Json;
using Course.Display;

namespace Course.Plots;

/// <summary>
/// A plotly figure: traces (<see cref="Data"/>) and a <see cref="Layout"/>. Displayed in a notebook
/// as a static SVG inside text/html (shows anywhere, offline) and as plotly JSON for front ends
/// that draw interactive plots.
/// </summary>
[TypeFormatterSource(typeof(FigureFormatterSource), PreferredMimeTypes = ["text/html"])]
public sealed class Figure
{
    public Figure(params IEnumerable<Trace> traces) => Data = [.. traces];

    public List<Trace> Data { get; set; }

    public Layout Layout { get; set; } = new();

    /// <summary>The figure as plotly.js JSON: <c>{"data": [...], "layout": {...}}</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, PlotlyJson.Options);

    /// <summary>The figure drawn as a standalone SVG document (no scripts, no external resources).</summary>
    public string ToSvg() => SvgRenderer.Render(this);

    /// <summary>The SVG inside a <c>div</c>, ready to embed in a page or a notebook output.</summary>
    public string ToHtml() => $"<div class=\"course-figure\">{ToSvg()}</div>";

    /// <summary>What a text-only front end shows: the title and each trace's kind, name and size.</summary>
    public override string ToString()
    {
        string title = Layout.Title?.Text is { Length: > 0 } text ? $" \"{text}\"" : "";
        var traces = Data.Select(trace => trace.Name is { Length: > 0 } name ? $"{trace.Type} '{name}'" : trace.Type);
        return $"Figure{title}: {Data.Count} trace{(Data.Count == 1 ? "" : "s")} ({string.Join(", ", traces)})";
    }
}

/// <summary>Formatters for <see cref="Figure"/>: the SVG as text/html, the plotly JSON, and a one-line summary as text.</summary>
public sealed class FigureFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new TypeFormatter<Figure>("text/html", (figure, writer) => writer.Write(figure.ToHtml())),
        new TypeFormatter<Figure>(PlotlyJson.MimeType, (figure, writer) => writer.Write(figure.ToJson())),
        new TypeFormatter<Figure>("text/plain", (figure, writer) => writer.Write(figure.ToString())),
    ];
}
