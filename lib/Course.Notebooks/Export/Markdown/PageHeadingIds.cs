using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Course.Notebooks.Export.Markdown;

/// <summary>
/// Heading anchors unique on a whole page. Markdig's identifiers are unique within one cell's document, but a
/// page joins many cells, and two cells may well both have a "Results" heading.
/// </summary>
internal sealed class PageHeadingIds
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public void MakeUnique(MarkdownDocument document)
    {
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var attributes = heading.GetAttributes();
            if (attributes.Id is not { } id)
                continue;
            string unique = id;
            for (int n = 1; !_used.Add(unique); n++)
                unique = $"{id}-{n}";
            attributes.Id = unique;
        }
    }
}
