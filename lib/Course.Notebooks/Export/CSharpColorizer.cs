using ColorCode;

namespace Course.Notebooks.Export;

/// <summary>C# source as HTML spans with ColorCode's CSS classes (styled in course.css), escaped throughout.</summary>
internal static class CSharpColorizer
{
    /// <summary>The coloured code alone, to go inside the caller's own <c>&lt;pre&gt;&lt;code&gt;</c>.</summary>
    public static string Colorize(string code)
    {
        // A formatter per call: it keeps its output writer in a field while it works, so one instance shared by
        // pages exported at the same time (tests do) would mix them up.
        string html = new HtmlClassFormatter().GetHtmlString(code, CSharpScriptLanguage.Instance);
        // ColorCode wraps its spans in <div class="csharp"><pre>, with a line break after the opening tag and one
        // before the closing tag; pages write their own <pre><code class="language-csharp">, the same for every
        // language, so only the code between those line breaks is kept (blank lines of the code itself stay).
        int start = html.IndexOf("<pre>", StringComparison.Ordinal) + "<pre>".Length + Environment.NewLine.Length;
        int end = html.LastIndexOf("</pre>", StringComparison.Ordinal) - Environment.NewLine.Length;
        return html[start..end];
    }
}
