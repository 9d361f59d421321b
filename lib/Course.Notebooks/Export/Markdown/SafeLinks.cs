using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Course.Notebooks.Export.Markdown;

/// <summary>
/// Keeps only the links and images a static page may follow: http(s), mailto, fragments and relative paths
/// (a relative <c>.ipynb</c> link points to the exported page instead); images may also be base64 data URIs
/// of raster formats. A link or image with any other target (javascript:, file:, an SVG data URI, ...)
/// is replaced by its text.
/// </summary>
internal static partial class SafeLinks
{
    public static void Apply(MarkdownDocument document)
    {
        // Every node is listed before any change, so that unwrapping a link (which moves its children)
        // cannot make the walk skip a node; walking links and autolinks separately did skip autolinks.
        foreach (var node in document.Descendants().ToList())
        {
            switch (node)
            {
                case LinkInline link when SafeUrl(link.Url ?? "", link.IsImage) is { } url:
                    link.Url = url;
                    break;
                case LinkInline link:
                    ReplaceByText(link);
                    break;
                case AutolinkInline { IsEmail: false } autolink when SafeUrl(autolink.Url, image: false) is null:
                    autolink.ReplaceBy(new LiteralInline(autolink.Url));
                    break;
            }
        }
    }

    /// <summary>The link's label (an image's alt text) stays where the link was.</summary>
    private static void ReplaceByText(LinkInline link)
    {
        for (var child = link.FirstChild; child is not null;)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }

        link.Remove();
    }

    /// <summary>The URL to write, or null when it may not be followed.</summary>
    private static string? SafeUrl(string url, bool image)
    {
        string trimmed = url.Trim();
        if (UrlScheme().Match(trimmed) is { Success: true } scheme)
        {
            string name = scheme.Groups["scheme"].Value.ToLowerInvariant();
            bool allowed = name is "http" or "https" || (!image && name == "mailto")
                           || (image && name == "data" && RasterDataUri().IsMatch(trimmed));
            return allowed ? trimmed : null;
        }

        if (trimmed.StartsWith("//", StringComparison.Ordinal))
            return null; // a protocol-relative URL would fetch from the network
        return NotebookLink().Replace(trimmed, ".html${fragment}");
    }

    [GeneratedRegex(@"^(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*):")]
    private static partial Regex UrlScheme();

    [GeneratedRegex(@"^data:image/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]+$")]
    private static partial Regex RasterDataUri();

    [GeneratedRegex(@"\.ipynb(?<fragment>#.*)?$")]
    private static partial Regex NotebookLink();
}
