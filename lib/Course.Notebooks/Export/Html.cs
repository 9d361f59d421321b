using System.Text;
using System.Text.RegularExpressions;

namespace Course.Notebooks.Export;

/// <summary>Escaping and small text helpers shared by the page writers.</summary>
internal static partial class Html
{
    /// <summary>Escapes text for element content and quoted attribute values.</summary>
    public static string Escape(string text)
    {
        var html = new StringBuilder(text.Length + 16);
        AppendEscaped(html, text);
        return html.ToString();
    }

    public static void AppendEscaped(StringBuilder html, ReadOnlySpan<char> text)
    {
        foreach (char c in text)
            AppendEscaped(html, c);
    }

    public static void AppendEscaped(StringBuilder html, char c)
    {
        switch (c)
        {
            case '&': html.Append("&amp;"); break;
            case '<': html.Append("&lt;"); break;
            case '>': html.Append("&gt;"); break;
            case '"': html.Append("&quot;"); break;
            case '\'': html.Append("&#39;"); break;
            default: html.Append(c); break;
        }
    }

    /// <summary>
    /// Terminal text as a reader saw it: colour codes removed, and a carriage return overwriting its line
    /// (progress bars print "\r epoch 3/10" again and again; only the last state is worth showing).
    /// </summary>
    public static string TerminalText(string text)
    {
        string plain = AnsiEscape().Replace(text, "").Replace("\r\n", "\n");
        if (!plain.Contains('\r'))
            return plain;
        return string.Join('\n', plain.Split('\n').Select(line =>
        {
            string shown = line.TrimEnd('\r');
            return shown[(shown.LastIndexOf('\r') + 1)..];
        }));
    }

    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex AnsiEscape();
}
