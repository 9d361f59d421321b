using System.Text;

namespace Course.Notebooks.Export;

/// <summary>A block of source code, in a code cell or fenced in Markdown: C# is coloured by ColorCode, every other language is shown escaped as it is.</summary>
internal static class CodeBlock
{
    public static void Append(StringBuilder html, string code, string? language)
    {
        string name = string.IsNullOrWhiteSpace(language) ? "" : language.Trim().ToLowerInvariant();
        bool csharp = name is "csharp" or "cs" or "c#" or "csx";
        html.Append("<pre><code");
        if (name.Length > 0)
            html.Append(" class=\"language-").Append(Html.Escape(csharp ? "csharp" : name)).Append('"');
        html.Append('>');
        if (csharp)
            html.Append(CSharpColorizer.Colorize(code.TrimEnd('\n')));
        else
            Html.AppendEscaped(html, code.TrimEnd('\n'));
        html.Append("</code></pre>\n");
    }
}
