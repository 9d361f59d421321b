using System.Text;
using System.Text.RegularExpressions;
using Course.Notebooks.Export.Tex;

namespace Course.Notebooks.Export;

/// <summary>
/// Renders the Markdown that course notebooks use: headings, paragraphs, emphasis, inline code, fenced
/// code, lists, links, images, tables, block quotes and rules. It is safe by construction: every piece
/// of source text is escaped, raw HTML in Markdown shows as text, and links only keep http(s), mailto
/// and relative targets. LaTeX (<c>$...$</c>, <c>$$...$$</c>) becomes MathML (<see cref="TexToMathMl"/>), which
/// browsers typeset offline without MathJax; TeX it cannot translate stays as source in a <c>class="math"</c> element.
/// One instance renders one page, so that heading anchors are unique within it.
/// </summary>
internal sealed partial class MarkdownRenderer
{
    private readonly HashSet<string> _headingIds = new(StringComparer.Ordinal);

    public string Render(string markdown)
    {
        var html = new StringBuilder();
        RenderBlocks(SplitLines(markdown), html, tight: false);
        return html.ToString();
    }

    /// <summary>The text of the first heading (ATX or setext) outside code blocks, without inline markup; null if none.</summary>
    public static string? FirstHeading(string markdown)
    {
        var lines = SplitLines(markdown);
        bool inFence = false;
        for (int i = 0; i < lines.Count; i++)
        {
            if (FenceOpening().IsMatch(lines[i]))
            {
                inFence = !inFence;
                continue;
            }

            if (inFence)
                continue;
            if (AtxHeading().Match(lines[i]) is { Success: true } atx && atx.Groups["text"].Value.Trim() is { Length: > 0 } text)
                return PlainText(text);
            if (i + 1 < lines.Count && lines[i].Trim().Length > 0 && SetextUnderline().IsMatch(lines[i + 1]) && !IsBlockStart(lines[i]))
                return PlainText(lines[i].Trim());
        }

        return null;
    }

    // ---------------------------------------------------------------- blocks

    private static List<string> SplitLines(string markdown) =>
        markdown.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(ExpandLeadingTabs).ToList();

    private static string ExpandLeadingTabs(string line)
    {
        int i = 0;
        var indent = new StringBuilder();
        for (; i < line.Length && (line[i] == ' ' || line[i] == '\t'); i++)
            indent.Append(line[i] == '\t' ? new string(' ', 4 - indent.Length % 4) : " ");
        return indent.Append(line, i, line.Length - i).ToString();
    }

    private void RenderBlocks(IReadOnlyList<string> lines, StringBuilder html, bool tight)
    {
        int i = 0;
        while (i < lines.Count)
        {
            string line = lines[i];
            if (string.IsNullOrWhiteSpace(line))
            {
                i++;
            }
            else if (FenceOpening().Match(line) is { Success: true } fence)
            {
                i = RenderFencedCode(lines, i, fence, html);
            }
            else if (line.TrimStart().StartsWith("$$", StringComparison.Ordinal))
            {
                i = RenderDisplayMath(lines, i, html);
            }
            else if (AtxHeading().Match(line) is { Success: true } heading)
            {
                RenderHeading(heading.Groups["hashes"].Length, heading.Groups["text"].Value.Trim(), html);
                i++;
            }
            else if (ThematicBreak().IsMatch(line))
            {
                html.Append("<hr>\n");
                i++;
            }
            else if (BlockQuoteMarker().IsMatch(line))
            {
                i = RenderBlockQuote(lines, i, html);
            }
            else if (ListMarker().Match(line) is { Success: true } marker)
            {
                i = RenderList(lines, i, marker, html);
            }
            else if (i + 1 < lines.Count && line.Contains('|') && TableDelimiterRow().IsMatch(lines[i + 1]))
            {
                i = RenderTable(lines, i, html);
            }
            else
            {
                i = RenderParagraph(lines, i, html, tight);
            }
        }
    }

    private static int RenderFencedCode(IReadOnlyList<string> lines, int start, Match fence, StringBuilder html)
    {
        string marker = fence.Groups["fence"].Value;
        int indent = fence.Groups["indent"].Length;
        string language = fence.Groups["info"].Value.Trim().Split(' ', 2)[0];
        var code = new StringBuilder();
        int i = start + 1;
        for (; i < lines.Count; i++)
        {
            string trimmed = lines[i].Trim();
            if (trimmed.Length >= marker.Length && trimmed.All(c => c == marker[0]))
            {
                i++;
                break;
            }

            // Content is de-indented by the fence's own indentation, as CommonMark does.
            string line = lines[i];
            int strip = 0;
            while (strip < indent && strip < line.Length && line[strip] == ' ')
                strip++;
            code.Append(line, strip, line.Length - strip).Append('\n');
        }

        CodeBlock.Append(html, code.ToString(), language);
        return i;
    }

    private static int RenderDisplayMath(IReadOnlyList<string> lines, int start, StringBuilder html)
    {
        string first = lines[start].Trim()[2..];
        var tex = new StringBuilder();
        int i = start;
        int close = first.IndexOf("$$", StringComparison.Ordinal);
        if (close >= 0)
        {
            tex.Append(first[..close]);
            i++;
        }
        else
        {
            tex.Append(first);
            for (i = start + 1; i < lines.Count; i++)
            {
                close = lines[i].IndexOf("$$", StringComparison.Ordinal);
                if (close >= 0)
                {
                    tex.Append('\n').Append(lines[i][..close]);
                    i++;
                    break;
                }

                tex.Append('\n').Append(lines[i]);
            }
        }

        AppendMath(html, tex.ToString().Trim(), display: true, fallbackTag: "div");
        html.Append('\n');
        return i;
    }

    private void RenderHeading(int level, string text, StringBuilder html)
    {
        string id = UniqueId(Slug(PlainText(text)));
        html.Append("<h").Append(level).Append(" id=\"").Append(id).Append("\">");
        RenderInline(text, html);
        html.Append("</h").Append(level).Append(">\n");
    }

    private int RenderBlockQuote(IReadOnlyList<string> lines, int start, StringBuilder html)
    {
        var quoted = new List<string>();
        int i = start;
        for (; i < lines.Count; i++)
        {
            if (BlockQuoteMarker().Match(lines[i]) is { Success: true } marker)
                quoted.Add(lines[i][marker.Length..]);
            else if (!string.IsNullOrWhiteSpace(lines[i]) && quoted.Count > 0 && !string.IsNullOrWhiteSpace(quoted[^1]) && !IsBlockStart(lines[i]))
                quoted.Add(lines[i]); // a lazy continuation line of the quoted paragraph
            else
                break;
        }

        html.Append("<blockquote>\n");
        RenderBlocks(quoted, html, tight: false);
        html.Append("</blockquote>\n");
        return i;
    }

    private int RenderList(IReadOnlyList<string> lines, int start, Match firstMarker, StringBuilder html)
    {
        bool ordered = char.IsDigit(firstMarker.Groups["marker"].Value[0]);
        char delimiter = firstMarker.Groups["marker"].Value[^1];
        var items = new List<List<string>>();
        bool loose = false;
        int i = start;
        while (i < lines.Count && ListMarker().Match(lines[i]) is { Success: true } marker
               && char.IsDigit(marker.Groups["marker"].Value[0]) == ordered && marker.Groups["marker"].Value[^1] == delimiter)
        {
            int contentIndent = ContentIndent(marker);
            var item = new List<string> { lines[i].Length > contentIndent ? lines[i][contentIndent..] : marker.Groups["rest"].Value };
            i++;
            while (i < lines.Count)
            {
                string line = lines[i];
                if (string.IsNullOrWhiteSpace(line))
                {
                    int next = i;
                    while (next < lines.Count && string.IsNullOrWhiteSpace(lines[next]))
                        next++;
                    if (next < lines.Count && Indent(lines[next]) >= contentIndent)
                    {
                        item.Add("");
                        loose = true; // blocks inside one item separated by a blank line
                        i = next;
                        continue;
                    }

                    if (next < lines.Count && ListMarker().Match(lines[next]) is { Success: true } sibling
                        && char.IsDigit(sibling.Groups["marker"].Value[0]) == ordered && Indent(lines[next]) < contentIndent)
                        loose = true; // items separated by a blank line
                    i = next;
                    break;
                }

                if (Indent(line) >= contentIndent)
                    item.Add(line[contentIndent..]);
                else if (!IsBlockStart(line) && !ListMarker().IsMatch(line) && !string.IsNullOrWhiteSpace(item[^1]))
                    item.Add(line.TrimStart()); // a lazy continuation line of the item's paragraph
                else
                    break;
                i++;
            }

            items.Add(item);
        }

        if (ordered)
        {
            int number = int.Parse(firstMarker.Groups["marker"].Value[..^1], System.Globalization.CultureInfo.InvariantCulture);
            html.Append(number == 1 ? "<ol>\n" : $"<ol start=\"{number}\">\n");
        }
        else
        {
            html.Append("<ul>\n");
        }

        foreach (var item in items)
        {
            html.Append("<li>");
            RenderBlocks(item, html, tight: !loose);
            TrimTrailingNewline(html);
            html.Append("</li>\n");
        }

        html.Append(ordered ? "</ol>\n" : "</ul>\n");
        return i;
    }

    private static int ContentIndent(Match marker)
    {
        int afterMarker = marker.Groups["indent"].Length + marker.Groups["marker"].Length;
        int spaces = marker.Groups["space"].Length;
        // An empty first line, or a first line starting with indented code, sits one space after the marker.
        return marker.Groups["rest"].Length == 0 || spaces > 4 ? afterMarker + 1 : afterMarker + spaces;
    }

    private int RenderTable(IReadOnlyList<string> lines, int start, StringBuilder html)
    {
        var header = SplitTableRow(lines[start]);
        var alignments = SplitTableRow(lines[start + 1]).Select(cell =>
        {
            string c = cell.Trim();
            return (c.StartsWith(':'), c.EndsWith(':')) switch
            {
                (true, true) => "center",
                (false, true) => "right",
                (true, false) => "left",
                _ => null,
            };
        }).ToList();

        html.Append("<table>\n<thead>\n");
        RenderTableRow(header, "th", alignments, header.Count, html);
        html.Append("</thead>\n<tbody>\n");
        int i = start + 2;
        for (; i < lines.Count && !string.IsNullOrWhiteSpace(lines[i]) && lines[i].Contains('|') && !IsBlockStart(lines[i]); i++)
            RenderTableRow(SplitTableRow(lines[i]), "td", alignments, header.Count, html);
        html.Append("</tbody>\n</table>\n");
        return i;
    }

    private void RenderTableRow(List<string> cells, string tag, List<string?> alignments, int columns, StringBuilder html)
    {
        html.Append("<tr>");
        for (int c = 0; c < columns; c++)
        {
            string? align = c < alignments.Count ? alignments[c] : null;
            html.Append('<').Append(tag);
            if (align is not null)
                html.Append(" style=\"text-align:").Append(align).Append('"');
            html.Append('>');
            if (c < cells.Count)
                RenderInline(cells[c].Trim(), html);
            html.Append("</").Append(tag).Append('>');
        }

        html.Append("</tr>\n");
    }

    /// <summary>Splits a table row at pipes that are neither escaped (<c>\|</c>) nor inside a code span.</summary>
    private static List<string> SplitTableRow(string row)
    {
        string text = row.Trim();
        if (text.StartsWith('|'))
            text = text[1..];
        if (text.EndsWith('|') && !text.EndsWith("\\|", StringComparison.Ordinal))
            text = text[..^1];

        var cells = new List<string>();
        var cell = new StringBuilder();
        bool inCode = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\\' && i + 1 < text.Length && text[i + 1] == '|')
            {
                cell.Append('|');
                i++;
            }
            else if (c == '`')
            {
                inCode = !inCode;
                cell.Append(c);
            }
            else if (c == '|' && !inCode)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }

    private int RenderParagraph(IReadOnlyList<string> lines, int start, StringBuilder html, bool tight)
    {
        var text = new List<string> { lines[start].TrimStart() };
        int i = start + 1;
        for (; i < lines.Count; i++)
        {
            string line = lines[i];
            if (SetextUnderline().IsMatch(line))
            {
                RenderHeading(line.Trim()[0] == '=' ? 1 : 2, string.Join('\n', text), html);
                return i + 1;
            }

            if (string.IsNullOrWhiteSpace(line) || IsBlockStart(line)
                || (i + 1 < lines.Count && line.Contains('|') && TableDelimiterRow().IsMatch(lines[i + 1])))
                break;
            text.Add(line.TrimStart());
        }

        if (!tight)
            html.Append("<p>");
        RenderInline(string.Join('\n', text).TrimEnd(), html);
        html.Append(tight ? "\n" : "</p>\n");
        return i;
    }

    /// <summary>Whether a line begins a block that interrupts a paragraph.</summary>
    private static bool IsBlockStart(string line) =>
        FenceOpening().IsMatch(line) || AtxHeading().IsMatch(line) || ThematicBreak().IsMatch(line)
        || BlockQuoteMarker().IsMatch(line) || line.TrimStart().StartsWith("$$", StringComparison.Ordinal)
        || (ListMarker().Match(line) is { Success: true } m && m.Groups["rest"].Length > 0
            && (!char.IsDigit(m.Groups["marker"].Value[0]) || m.Groups["marker"].Value[..^1] == "1"));

    private static int Indent(string line)
    {
        int n = 0;
        while (n < line.Length && line[n] == ' ')
            n++;
        return n;
    }

    private static void TrimTrailingNewline(StringBuilder html)
    {
        while (html.Length > 0 && html[^1] == '\n')
            html.Length--;
    }

    // ---------------------------------------------------------------- inlines

    private static void RenderInline(string text, StringBuilder html)
    {
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            switch (c)
            {
                case '\\' when i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]) is false && text[i + 1] is > ' ' and < '\x7f':
                    Html.AppendEscaped(html, text[i + 1]);
                    i += 2;
                    continue;
                case '\\' when i + 1 < text.Length && text[i + 1] == '\n':
                    html.Append("<br>\n");
                    i += 2;
                    continue;
                case '`':
                    i = RenderCodeSpan(text, i, html);
                    continue;
                case '$':
                    i = RenderInlineMath(text, i, html);
                    continue;
                case '!' when i + 1 < text.Length && text[i + 1] == '[' && TryParseLink(text, i + 1) is { } image:
                    RenderImage(image, html);
                    i = image.End;
                    continue;
                case '[' when TryParseLink(text, i) is { } link:
                    RenderLink(link, html);
                    i = link.End;
                    continue;
                case '<' when Autolink().Match(text, i) is { Success: true } auto && auto.Index == i:
                    html.Append("<a href=\"").Append(Html.Escape(auto.Groups["url"].Value)).Append("\">");
                    Html.AppendEscaped(html, auto.Groups["url"].Value);
                    html.Append("</a>");
                    i += auto.Length;
                    continue;
                case '*' or '_' or '~':
                    i = RenderEmphasis(text, i, html);
                    continue;
                case '\n':
                    // Two trailing spaces make a hard line break.
                    if (i >= 2 && text[i - 1] == ' ' && text[i - 2] == ' ')
                    {
                        while (html.Length > 0 && html[^1] == ' ')
                            html.Length--;
                        html.Append("<br>");
                    }

                    html.Append('\n');
                    i++;
                    continue;
                default:
                    Html.AppendEscaped(html, c);
                    i++;
                    continue;
            }
        }
    }

    private static int RenderCodeSpan(string text, int start, StringBuilder html)
    {
        int run = RunLength(text, start, '`');
        int close = FindBacktickRun(text, start + run, run);
        if (close < 0)
        {
            html.Append(text, start, run);
            return start + run;
        }

        string code = text[(start + run)..close].Replace('\n', ' ');
        if (code.Length >= 2 && code[0] == ' ' && code[^1] == ' ' && code.Trim().Length > 0)
            code = code[1..^1];
        html.Append("<code>");
        Html.AppendEscaped(html, code);
        html.Append("</code>");
        return close + run;
    }

    private static int FindBacktickRun(string text, int from, int length)
    {
        for (int j = from; j < text.Length; j++)
        {
            if (text[j] != '`')
                continue;
            int run = RunLength(text, j, '`');
            if (run == length)
                return j;
            j += run - 1;
        }

        return -1;
    }

    /// <summary>
    /// <c>$$tex$$</c> or <c>$tex$</c>. Like Jupyter, an inline opening <c>$</c> must be followed by a
    /// non-space and the closing one preceded by a non-space and not followed by a digit, so prices
    /// ("$5 and $10") stay text.
    /// </summary>
    private static int RenderInlineMath(string text, int start, StringBuilder html)
    {
        bool display = start + 1 < text.Length && text[start + 1] == '$';
        int open = display ? 2 : 1;
        int close = -1;
        if (display)
        {
            close = text.IndexOf("$$", start + 2, StringComparison.Ordinal);
        }
        else if (start + 1 < text.Length && !char.IsWhiteSpace(text[start + 1]))
        {
            for (int j = start + 1; j < text.Length; j++)
            {
                if (text[j] == '\\')
                {
                    j++;
                    continue;
                }

                if (text[j] == '$' && !char.IsWhiteSpace(text[j - 1]) && (j + 1 >= text.Length || !char.IsDigit(text[j + 1])))
                {
                    close = j;
                    break;
                }
            }
        }

        if (close < 0 || close == start + open)
        {
            html.Append(text, start, open);
            return start + open;
        }

        AppendMath(html, text.Substring(start + open, close - start - open), display, fallbackTag: "span");
        return close + open;
    }

    /// <summary>MathML the browser typesets; TeX the translation does not know stays as its source, never lost.</summary>
    private static void AppendMath(StringBuilder html, string tex, bool display, string fallbackTag)
    {
        try
        {
            html.Append(TexToMathMl.Convert(tex, display));
        }
        catch (TexNotSupportedException)
        {
            html.Append('<').Append(fallbackTag).Append(display ? " class=\"math display\">" : " class=\"math\">");
            Html.AppendEscaped(html, tex);
            html.Append("</").Append(fallbackTag).Append('>');
        }
    }

    /// <summary>
    /// <c>**strong**</c>, <c>*em*</c>, <c>__strong__</c>, <c>_em_</c> and <c>~~deleted~~</c>. A delimiter
    /// opens only when followed by a non-space and closes only after one; underscores never act inside a
    /// word, so snake_case names stay as they are.
    /// </summary>
    private static int RenderEmphasis(string text, int start, StringBuilder html)
    {
        char c = text[start];
        int run = RunLength(text, start, c);
        bool opens = start + run < text.Length && !char.IsWhiteSpace(text[start + run])
                     && !(c == '_' && start > 0 && char.IsLetterOrDigit(text[start - 1]));
        if (opens)
        {
            if (c == '~')
            {
                if (run == 2 && FindCloser(text, start + 2, c, 2) is var tilde and >= 0)
                    return Wrap("del", text, start + 2, tilde, tilde + 2, html);
            }
            else
            {
                if (run >= 2 && FindCloser(text, start + 2, c, 2) is var strong and >= 0)
                    return Wrap("strong", text, start + 2, strong, strong + 2, html);
                if (FindCloser(text, start + 1, c, 1) is var em and >= 0)
                    return Wrap("em", text, start + 1, em, em + 1, html);
            }
        }

        html.Append(c, run);
        return start + run;
    }

    private static int Wrap(string tag, string text, int innerStart, int innerEnd, int next, StringBuilder html)
    {
        html.Append('<').Append(tag).Append('>');
        RenderInline(text[innerStart..innerEnd], html);
        html.Append("</").Append(tag).Append('>');
        return next;
    }

    /// <summary>
    /// The closing delimiter of <paramref name="length"/> characters, skipping escapes and code spans. A
    /// longer run closes with its last characters (so <c>***a***</c> nests); a run of two never closes a
    /// single delimiter (it belongs to a strong span inside).
    /// </summary>
    private static int FindCloser(string text, int from, char delimiter, int length)
    {
        for (int j = from; j < text.Length; j++)
        {
            char c = text[j];
            if (c == '\\')
            {
                j++;
                continue;
            }

            if (c == '`')
            {
                int run = RunLength(text, j, '`');
                int close = FindBacktickRun(text, j + run, run);
                j = close < 0 ? j + run - 1 : close + run - 1;
                continue;
            }

            if (c != delimiter)
                continue;
            int delimiterRun = RunLength(text, j, delimiter);
            int end = j + delimiterRun;
            bool closes = j > from && !char.IsWhiteSpace(text[j - 1])
                          && !(delimiter == '_' && end < text.Length && char.IsLetterOrDigit(text[end]));
            if (closes && (delimiterRun == length || (delimiterRun > length && delimiterRun != 2)))
                return delimiterRun > length && length == 2 ? end - 2 : j;
            j = end - 1;
        }

        return -1;
    }

    private static int RunLength(string text, int start, char c)
    {
        int end = start;
        while (end < text.Length && text[end] == c)
            end++;
        return end - start;
    }

    private sealed record LinkSyntax(string Label, string Destination, string? Title, int End);

    /// <summary>Parses <c>[label](destination "title")</c> starting at the <c>[</c>, or null if it is not one.</summary>
    private static LinkSyntax? TryParseLink(string text, int start)
    {
        int depth = 0;
        int labelEnd = -1;
        for (int j = start; j < text.Length && labelEnd < 0; j++)
        {
            switch (text[j])
            {
                case '\\':
                    j++;
                    break;
                case '`':
                    int run = RunLength(text, j, '`');
                    int close = FindBacktickRun(text, j + run, run);
                    j = close < 0 ? j + run - 1 : close + run - 1;
                    break;
                case '[':
                    depth++;
                    break;
                case ']':
                    if (--depth == 0)
                        labelEnd = j;
                    break;
            }
        }

        if (labelEnd < 0 || labelEnd + 1 >= text.Length || text[labelEnd + 1] != '(')
            return null;

        var match = LinkTail().Match(text, labelEnd + 1);
        if (!match.Success || match.Index != labelEnd + 1)
            return null;
        string destination = match.Groups["angled"].Success ? match.Groups["angled"].Value : match.Groups["bare"].Value;
        string? title = match.Groups["title"].Success ? match.Groups["title"].Value : null;
        return new LinkSyntax(text[(start + 1)..labelEnd], destination, title, match.Index + match.Length);
    }

    private static void RenderLink(LinkSyntax link, StringBuilder html)
    {
        string? href = SafeUrl(link.Destination, image: false);
        if (href is null)
        {
            // Only the label of a link with a disallowed scheme (javascript:, file:, ...) is kept.
            RenderInline(link.Label, html);
            return;
        }

        html.Append("<a href=\"").Append(Html.Escape(href)).Append('"');
        if (link.Title is not null)
            html.Append(" title=\"").Append(Html.Escape(link.Title)).Append('"');
        html.Append('>');
        RenderInline(link.Label, html);
        html.Append("</a>");
    }

    private static void RenderImage(LinkSyntax image, StringBuilder html)
    {
        string? src = SafeUrl(image.Destination, image: true);
        if (src is null)
        {
            Html.AppendEscaped(html, image.Label);
            return;
        }

        html.Append("<img src=\"").Append(Html.Escape(src)).Append("\" alt=\"").Append(Html.Escape(PlainText(image.Label))).Append('"');
        if (image.Title is not null)
            html.Append(" title=\"").Append(Html.Escape(image.Title)).Append('"');
        html.Append('>');
    }

    /// <summary>
    /// The URL to write, or null when it may not be followed: http(s), mailto, fragments and relative paths
    /// pass (a relative <c>.ipynb</c> link points to the exported page instead); images may also be
    /// base64 data URIs of raster formats.
    /// </summary>
    internal static string? SafeUrl(string url, bool image)
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

    /// <summary>Heading text without Markdown markup, for titles, anchors and alt texts.</summary>
    internal static string PlainText(string markdown)
    {
        string text = MarkdownLinkText().Replace(markdown, "${label}");
        text = InlineMarkup().Replace(text, "");
        return WhiteSpace().Replace(text, " ").Trim();
    }

    private static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (char c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
                slug.Append(c);
            else if ((c is ' ' or '-' or '_') && slug.Length > 0 && slug[^1] != '-')
                slug.Append('-');
        }

        string result = slug.ToString().Trim('-');
        return result.Length == 0 ? "section" : result;
    }

    private string UniqueId(string slug)
    {
        string id = slug;
        for (int n = 2; !_headingIds.Add(id); n++)
            id = $"{slug}-{n}";
        return id;
    }

    [GeneratedRegex(@"^(?<indent> {0,3})(?<fence>`{3,}|~{3,})(?<info>[^`]*)$")]
    private static partial Regex FenceOpening();

    [GeneratedRegex(@"^ {0,3}(?<hashes>#{1,6})(?:[ \t]+(?<text>.*?))?(?:[ \t]+#+)?[ \t]*$")]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"^ {0,3}(?:=+|-+)[ \t]*$")]
    private static partial Regex SetextUnderline();

    [GeneratedRegex(@"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")]
    private static partial Regex ThematicBreak();

    [GeneratedRegex(@"^ {0,3}> ?")]
    private static partial Regex BlockQuoteMarker();

    [GeneratedRegex(@"^(?<indent> {0,3})(?<marker>[-*+]|\d{1,9}[.)])(?:(?<space> +)(?<rest>.*))?$")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^ {0,3}\|?(?:[ \t]*:?-+:?[ \t]*\|)*[ \t]*:?-+:?[ \t]*\|?[ \t]*$")]
    private static partial Regex TableDelimiterRow();

    [GeneratedRegex("""\G\([ \t]*(?:<(?<angled>[^<>\n]*)>|(?<bare>(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*))(?:[ \t]+(?:"(?<title>[^"]*)"|'(?<title>[^']*)'))?[ \t]*\)""")]
    private static partial Regex LinkTail();

    [GeneratedRegex(@"\G<(?<url>(?:https?://|mailto:)[^\s<>]+)>")]
    private static partial Regex Autolink();

    [GeneratedRegex(@"^(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*):")]
    private static partial Regex UrlScheme();

    [GeneratedRegex(@"^data:image/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]+$")]
    private static partial Regex RasterDataUri();

    [GeneratedRegex(@"\.ipynb(?<fragment>#.*)?$")]
    private static partial Regex NotebookLink();

    [GeneratedRegex(@"!?\[(?<label>[^\]]*)\]\([^)]*\)")]
    private static partial Regex MarkdownLinkText();

    [GeneratedRegex(@"[*_`~]|\$|\\(?=[^A-Za-z])")]
    private static partial Regex InlineMarkup();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
