using Markdig.Extensions.Mathematics;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace Course.Notebooks.Export.Markdown;

/// <summary>
/// A display formula <c>$$...$$</c> inside a paragraph whose TeX runs over several lines, as in
/// <c>$$a = b,\qquad</c> / <c>c = d.$$</c>. Markdig's math parser ends a formula at the end of its line and
/// would leave such a formula as text; Jupyter (MathJax) typesets it, and the notebooks write it. A formula
/// on one line is left to Markdig's parser.
/// </summary>
internal sealed class MultilineDisplayMathParser : InlineParser
{
    private const string Fence = "$$";

    public MultilineDisplayMathParser() => OpeningCharacters = ['$'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        string text = slice.Text;
        int open = slice.Start;
        if (slice.PeekChar() != '$')
            return false;
        int texStart = open + Fence.Length;
        int close = texStart <= slice.End ? text.IndexOf(Fence, texStart, slice.End - texStart + 1, StringComparison.Ordinal) : -1;
        if (close < 0 || text.IndexOf('\n', texStart, close - texStart) < 0 || string.IsNullOrWhiteSpace(text[texStart..close]))
            return false;

        int end = close + Fence.Length - 1;
        processor.Inline = new MathInline
        {
            Delimiter = '$',
            DelimiterCount = Fence.Length,
            Content = new StringSlice(text, texStart, close - 1),
            Span = new SourceSpan(processor.GetSourcePosition(open, out int line, out int column), processor.GetSourcePosition(end)),
            Line = line,
            Column = column,
        };
        slice.Start = end + 1;
        return true;
    }
}
