using System.Text;
using Course.Notebooks.Export.Markdown;

namespace Course.Notebooks.Export;

/// <summary>One notebook's page: its cells in order, with links back to the index and to its neighbours.</summary>
internal static class NotebookPage
{
    public static string Render(ExportNotebook notebook, string title, string sourceFileName, string siteTitle, (string Href, string Title)? previous, (string Href, string Title)? next)
    {
        var markdown = new MarkdownRenderer();
        var body = new StringBuilder();
        foreach (var cell in notebook.Cells)
        {
            switch (cell.Kind)
            {
                case ExportCellKind.Markdown:
                    body.Append("<section class=\"cell markdown\">\n").Append(markdown.Render(cell.Source)).Append("</section>\n");
                    break;
                case ExportCellKind.Raw:
                    body.Append("<section class=\"cell raw\"><pre>");
                    Html.AppendEscaped(body, cell.Source);
                    body.Append("</pre></section>\n");
                    break;
                case ExportCellKind.Code:
                    body.Append("<section class=\"cell code\">\n<div class=\"input\"><div class=\"prompt in\">In [")
                        .Append(cell.ExecutionCount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? " ")
                        .Append("]:</div>");
                    CodeBlock.Append(body, cell.Source, cell.Language);
                    body.Append("</div>\n");
                    OutputRenderer.Append(body, cell.Outputs);
                    body.Append("</section>\n");
                    break;
            }
        }

        var nav = new StringBuilder("<nav class=\"pager\">");
        nav.Append(previous is { } p ? $"<a class=\"previous\" href=\"{Html.Escape(p.Href)}\">← {Html.Escape(p.Title)}</a>" : "<span></span>");
        nav.Append(next is { } n ? $"<a class=\"next\" href=\"{Html.Escape(n.Href)}\">{Html.Escape(n.Title)} →</a>" : "<span></span>");
        nav.Append("</nav>\n");

        string footer = $"Exported from {Html.Escape(sourceFileName)}"
                        + (notebook.ExecutionTime is { } time ? $"; executed in {Html.Escape(Duration.Format(time))}" : "") + ".";
        return SiteLayout.Page(
            $"{title} · {siteTitle}",
            $"<header class=\"site\"><a href=\"index.html\">{Html.Escape(siteTitle)}</a></header>\n<main>\n{body}</main>\n{nav}<footer>{footer}</footer>\n");
    }
}
