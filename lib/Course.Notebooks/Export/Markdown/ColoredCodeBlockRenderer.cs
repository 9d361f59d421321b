using System.Text;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using MarkdigCodeBlock = Markdig.Syntax.CodeBlock;

namespace Course.Notebooks.Export.Markdown;

/// <summary>Fenced and indented code in Markdown, written like a code cell's source (<see cref="CodeBlock"/>).</summary>
internal sealed class ColoredCodeBlockRenderer : HtmlObjectRenderer<MarkdigCodeBlock>
{
    protected override void Write(HtmlRenderer renderer, MarkdigCodeBlock code)
    {
        var html = new StringBuilder();
        CodeBlock.Append(html, code.Lines.ToString(), (code as FencedCodeBlock)?.Info);
        renderer.EnsureLine();
        renderer.Write(html.ToString());
    }
}
