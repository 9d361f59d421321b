using System.Text;
using Course.Notebooks.Export.Tex;
using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Course.Notebooks.Export.Markdown;

/// <summary>
/// Renders the Markdown of notebook cells with Markdig (<see cref="CourseMarkdownPipeline"/>). It is safe by
/// construction: raw HTML in Markdown shows as text, and links only keep http(s), mailto and relative targets
/// (<see cref="SafeLinks"/>). LaTeX (<c>$...$</c>, <c>$$...$$</c>) becomes MathML (<see cref="TexToMathMl"/>), which
/// browsers typeset offline without MathJax. One instance renders one page, so that heading anchors are unique
/// within it, not only within a cell.
/// </summary>
internal sealed class MarkdownRenderer
{
    private readonly PageHeadingIds _headingIds = new();

    public string Render(string markdown)
    {
        var document = Parse(markdown);
        SafeLinks.Apply(document);
        _headingIds.MakeUnique(document);

        var html = new StringWriter();
        var renderer = new HtmlRenderer(html);
        CourseMarkdownPipeline.Pipeline.Setup(renderer);
        renderer.Render(document);
        return html.ToString();
    }

    /// <summary>The text of the first heading outside code blocks, without inline markup; null if none.</summary>
    public static string? FirstHeading(string markdown) =>
        Parse(markdown).Descendants<HeadingBlock>()
            .Select(heading => heading.Inline is null ? "" : PlainText(heading.Inline))
            .FirstOrDefault(text => text.Length > 0);

    private static MarkdownDocument Parse(string markdown) => Markdig.Markdown.Parse(markdown, CourseMarkdownPipeline.Pipeline);

    /// <summary>What a reader sees of the inlines, as text: for page titles, where no markup may go.</summary>
    private static string PlainText(ContainerInline inlines)
    {
        var text = new StringBuilder();
        foreach (var inline in inlines.Descendants<Inline>())
        {
            text.Append(inline switch
            {
                LiteralInline literal => literal.Content.ToString(),
                CodeInline code => code.Content,
                MathInline math => math.Content.ToString(),
                HtmlEntityInline entity => entity.Transcoded.ToString(),
                LineBreakInline => " ",
                _ => "",
            });
        }

        return string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
