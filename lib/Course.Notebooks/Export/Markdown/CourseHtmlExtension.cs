using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Course.Notebooks.Export.Markdown;

/// <summary>
/// The course's changes to Markdig's HTML: formulas as MathML, code coloured like code cells, and display
/// formulas whose TeX runs over several lines. Registered after the mathematics extension, whose parsers and
/// renderers it adds to and replaces.
/// </summary>
internal sealed class CourseHtmlExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) =>
        pipeline.InlineParsers.InsertBefore<MathInlineParser>(new MultilineDisplayMathParser());

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html)
            return;
        html.ObjectRenderers.Replace<HtmlMathInlineRenderer>(new MathInlineRenderer());
        html.ObjectRenderers.Replace<HtmlMathBlockRenderer>(new MathBlockRenderer());
        html.ObjectRenderers.Replace<CodeBlockRenderer>(new ColoredCodeBlockRenderer());
    }
}
