using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Course.Notebooks.Export.Markdown;

/// <summary>A formula inside a paragraph; <c>$$...$$</c> there is typeset as display math, as Jupyter does.</summary>
internal sealed class MathInlineRenderer : HtmlObjectRenderer<MathInline>
{
    protected override void Write(HtmlRenderer renderer, MathInline math) =>
        renderer.Write(MathMarkup.For(math.Content.ToString(), display: math.DelimiterCount >= 2));
}
