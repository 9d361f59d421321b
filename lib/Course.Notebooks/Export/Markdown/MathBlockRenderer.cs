using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Course.Notebooks.Export.Markdown;

/// <summary>A display formula with <c>$$</c> on lines of their own.</summary>
internal sealed class MathBlockRenderer : HtmlObjectRenderer<MathBlock>
{
    protected override void Write(HtmlRenderer renderer, MathBlock math)
    {
        renderer.EnsureLine();
        renderer.Write(MathMarkup.For(math.Lines.ToString().Trim(), display: true));
        renderer.WriteLine();
    }
}
