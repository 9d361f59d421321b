using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.EmphasisExtras;

namespace Course.Notebooks.Export.Markdown;

/// <summary>The Markdig pipeline for notebook Markdown: what Jupyter's own renderer shows, and nothing that runs.</summary>
internal static class CourseMarkdownPipeline
{
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseMathematics()
        .UsePipeTables()
        // Only ~~deleted~~: the other extras (~sub~, ^sup^, ++ins++, ==mark==) would turn prose such as
        // "~5 s, ~3 s" into markup that Jupyter does not show either.
        .UseEmphasisExtras(EmphasisExtraOptions.Strikethrough)
        .UseTaskLists()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        // Raw HTML is shown as text: a Markdown cell cannot add scripts or styles to the page.
        .DisableHtml()
        .Use<CourseHtmlExtension>()
        .Build();
}
