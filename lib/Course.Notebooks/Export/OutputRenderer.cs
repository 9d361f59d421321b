using System.Text;
using System.Text.Json;
using Course.Notebooks.Export.Markdown;

namespace Course.Notebooks.Export;

/// <summary>
/// Writes a code cell's outputs as static HTML. Rich outputs show their richest format that needs no
/// script: our own <c>text/html</c> is embedded as it is (plots arrive there as inline SVG), images become
/// data URIs. Formats meant for a live front end (<c>application/vnd.plotly.v1+json</c>) are skipped when a
/// static form is present beside them.
/// </summary>
internal static class OutputRenderer
{
    private const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    /// <summary>Most preferred first.</summary>
    private static readonly string[] StaticMimeTypes =
    [
        "text/html", "image/svg+xml", "image/png", "image/jpeg", "image/gif", "text/markdown", "text/latex",
        "application/json", "text/plain",
    ];

    public static void Append(StringBuilder html, IReadOnlyList<ExportOutput> outputs)
    {
        if (outputs.Count == 0)
            return;
        html.Append("<div class=\"outputs\">\n");
        for (int i = 0; i < outputs.Count; i++)
        {
            switch (outputs[i])
            {
                case StreamExportOutput stream:
                    // Consecutive writes to one stream read as one block, as in a terminal.
                    var text = new StringBuilder(stream.Text);
                    while (i + 1 < outputs.Count && outputs[i + 1] is StreamExportOutput next && next.Name == stream.Name)
                        text.Append(((StreamExportOutput)outputs[++i]).Text);
                    AppendStream(html, stream.Name, text.ToString());
                    break;
                case RichExportOutput rich:
                    AppendRich(html, rich);
                    break;
                case ErrorExportOutput error:
                    AppendError(html, error);
                    break;
            }
        }

        html.Append("</div>\n");
    }

    private static void AppendStream(StringBuilder html, string name, string text)
    {
        string kind = name == "stderr" ? "stderr" : "stdout";
        html.Append("<pre class=\"output stream ").Append(kind).Append("\">");
        Html.AppendEscaped(html, Html.TerminalText(text).TrimEnd('\n'));
        html.Append("</pre>\n");
    }

    private static void AppendRich(StringBuilder html, RichExportOutput output)
    {
        string? mimeType = StaticMimeTypes.FirstOrDefault(output.Data.ContainsKey);
        html.Append("<div class=\"output rich\">");
        if (output.ExecutionCount is { } count)
            html.Append("<div class=\"prompt out\">Out[").Append(count).Append("]:</div>");
        if (mimeType is null)
        {
            string kinds = string.Join(", ", output.Data.Keys);
            string why = output.Data.ContainsKey(PlotlyMimeType)
                ? "an interactive plot that needs plotly.js; this static page shows only outputs that work offline"
                : "no format this static page can show";
            html.Append("<p class=\"output-note\">");
            Html.AppendEscaped(html, $"Output not shown ({kinds}): {why}.");
            html.Append("</p>");
        }
        else
        {
            string content = output.Data[mimeType];
            switch (mimeType)
            {
                case "text/html":
                case "image/svg+xml":
                    // Trusted: these pages show outputs our own kernel produced for the course notebooks.
                    html.Append("<div class=\"html\">").Append(content).Append("</div>");
                    break;
                case "image/png" or "image/jpeg" or "image/gif":
                    AppendImage(html, mimeType, content, output);
                    break;
                case "text/markdown":
                    html.Append("<div class=\"markdown\">").Append(new MarkdownRenderer().Render(content)).Append("</div>");
                    break;
                case "text/latex":
                    html.Append("<div class=\"math display\">");
                    Html.AppendEscaped(html, content.Trim().Trim('$'));
                    html.Append("</div>");
                    break;
                case "application/json":
                    html.Append("<pre class=\"text\">");
                    Html.AppendEscaped(html, IndentedJson(content));
                    html.Append("</pre>");
                    break;
                default:
                    html.Append("<pre class=\"text\">");
                    Html.AppendEscaped(html, Html.TerminalText(content).TrimEnd('\n'));
                    html.Append("</pre>");
                    break;
            }
        }

        html.Append("</div>\n");
    }

    private static void AppendImage(StringBuilder html, string mimeType, string base64, RichExportOutput output)
    {
        string data = string.Concat(base64.Where(c => !char.IsWhiteSpace(c)));
        if (!Convert.TryFromBase64String(data, new byte[data.Length], out _))
        {
            // Refusing is safer than writing unchecked text into an attribute.
            html.Append("<p class=\"output-note\">");
            Html.AppendEscaped(html, $"Output not shown: its {mimeType} data is not valid base64.");
            html.Append("</p>");
            return;
        }

        string alt = output.Data.TryGetValue("text/plain", out string? plain) ? plain.Trim() : "output image";
        html.Append("<img src=\"data:").Append(mimeType).Append(";base64,").Append(data).Append("\" alt=\"").Append(Html.Escape(alt)).Append('"');
        if (output.ImageSizes.TryGetValue(mimeType, out var size))
        {
            if (size.Width is { } width)
                html.Append(" width=\"").Append(width).Append('"');
            if (size.Height is { } height)
                html.Append(" height=\"").Append(height).Append('"');
        }

        html.Append('>');
    }

    private static void AppendError(StringBuilder html, ErrorExportOutput error)
    {
        string heading = error.Value.Length > 0 ? $"{error.Name}: {error.Value}" : error.Name;
        var details = error.Traceback.Select(Html.TerminalText).Where(line => line.Trim() != heading.Trim()).ToList();
        html.Append("<div class=\"output error\"><div class=\"error-heading\">");
        Html.AppendEscaped(html, Html.TerminalText(heading));
        html.Append("</div>");
        if (details.Count > 0)
        {
            html.Append("<pre>");
            Html.AppendEscaped(html, string.Join('\n', details).TrimEnd('\n'));
            html.Append("</pre>");
        }

        html.Append("</div>\n");
    }

    private static string IndentedJson(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(document.RootElement, new JsonSerializerOptions { WriteIndented = true });
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
