using Course.Notebooks.Execution;

namespace Course.Notebooks.Display;

/// <summary>
/// Turns a value into the MIME bundle a front end shows: formatters found by the TypeFormatterSource
/// convention first, then the defaults. When MIME types are asked for (<c>display(x, "text/plain")</c>)
/// only those are produced, in that order.
/// </summary>
public static class DisplayFormatter
{
    public const string PlainText = "text/plain";
    public const string Html = "text/html";

    public static DisplayOutput Format(object? value, IReadOnlyList<string>? mimeTypes = null, string? displayId = null)
    {
        var data = new Dictionary<string, string>();
        var wanted = mimeTypes is { Count: > 0 } ? mimeTypes : null;
        if (value is not null)
        {
            foreach (var formatter in TypeFormatterConvention.FormattersFor(value.GetType()))
            {
                if (data.ContainsKey(formatter.MimeType) || wanted is not null && !wanted.Contains(formatter.MimeType)) continue;
                if (formatter.TryFormat(value) is { } text) data[formatter.MimeType] = text;
            }
        }
        foreach (var (mimeType, text) in Defaults(value))
        {
            if (data.ContainsKey(mimeType) || wanted is not null && !wanted.Contains(mimeType)) continue;
            data[mimeType] = text();
        }
        if (wanted is not null)
        {
            // A MIME type nobody formats still gets the value's text, so display(x, "text/markdown") shows something.
            foreach (var mimeType in wanted.Where(m => !data.ContainsKey(m)))
                data[mimeType] = DefaultFormatters.PlainText(value);
            data = wanted.Distinct().ToDictionary(m => m, m => data[m]);
        }
        return new DisplayOutput(data, DisplayId: displayId);
    }

    // Lazily: a default is only worked out for a MIME type no formatter of the value's own has filled.
    private static IEnumerable<(string MimeType, Func<string> Text)> Defaults(object? value)
    {
        switch (value)
        {
            case HtmlContent html:
                yield return (Html, () => html.Html);
                yield break;
            case null:
            case var _ when PlainValues.IsScalar(value):
                yield return (PlainText, () => PlainValues.Text(value));
                yield break;
            case var _ when PlainValues.HasOwnToString(value.GetType()) && value is not System.Collections.IEnumerable:
                // Records and types with their own ToString: that text is what their author wants shown.
                yield return (PlainText, () => value.ToString() ?? "");
                yield return (Html, () => DefaultFormatters.Html(value));
                yield break;
            default:
                yield return (Html, () => DefaultFormatters.Html(value));
                yield return (PlainText, () => DefaultFormatters.PlainText(value));
                yield break;
        }
    }
}
