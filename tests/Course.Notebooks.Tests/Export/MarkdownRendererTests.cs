using Course.Notebooks.Export.Markdown;

namespace Course.Notebooks.Tests.Export;

public class MarkdownRendererTests
{
    private static string Render(string markdown) => new MarkdownRenderer().Render(markdown).Trim();

    [Fact]
    public void Headings_get_unique_anchors()
    {
        string html = Render("# Tensors\n\n## Shapes and `dtype`\n\n## Shapes and `dtype`");

        Assert.Contains("<h1 id=\"tensors\">Tensors</h1>", html);
        Assert.Contains("<h2 id=\"shapes-and-dtype\">Shapes and <code>dtype</code></h2>", html);
        Assert.Contains("<h2 id=\"shapes-and-dtype-1\">", html);
    }

    [Fact]
    public void Anchors_are_unique_across_the_cells_of_a_page()
    {
        var page = new MarkdownRenderer();

        Assert.Equal("<h2 id=\"results\">Results</h2>", page.Render("## Results").Trim());
        Assert.Equal("<h2 id=\"results-1\">Results</h2>", page.Render("## Results").Trim());
        Assert.Equal("<h2 id=\"results\">Results</h2>", new MarkdownRenderer().Render("## Results").Trim());
    }

    [Fact]
    public void Setext_headings_and_rules()
    {
        Assert.Equal("<h1 id=\"title\">Title</h1>", Render("Title\n====="));
        Assert.Equal("<p>a</p>\n<hr />\n<p>b</p>", Render("a\n\n---\n\nb"));
    }

    [Fact]
    public void Emphasis_strong_and_deleted()
    {
        Assert.Equal("<p><strong>bold</strong>, <em>it</em>, <em>u</em>, <strong>uu</strong>, <del>gone</del></p>", Render("**bold**, *it*, _u_, __uu__, ~~gone~~"));
        Assert.Equal("<p><em>a <strong>b</strong> c</em></p>", Render("*a **b** c*"));
        Assert.Equal("<p><em><strong>both</strong></em></p>", Render("***both***"));
    }

    [Fact]
    public void Underscores_inside_words_and_lone_stars_stay_text()
    {
        Assert.Equal("<p>call snake_case_name and 2 * 3 * 4</p>", Render("call snake_case_name and 2 * 3 * 4"));
        Assert.Equal("<p>an *unclosed star</p>", Render("an *unclosed star"));
    }

    [Fact]
    public void Code_spans_keep_their_content_literal()
    {
        Assert.Equal("<p><code>a *b* &lt;c&gt;</code> and <code>x `y` z</code></p>", Render("`a *b* <c>` and `` x `y` z ``"));
    }

    [Fact]
    public void Fenced_code_is_escaped_and_csharp_is_coloured()
    {
        string html = Render("```csharp\nvar x = \"<b>\"; // note\n```\n\n~~~\nplain <text>\n~~~\n\n    indented <code>");

        Assert.Contains("<pre><code class=\"language-csharp\"><span class=\"keyword\">var</span> x = <span class=\"string\">&quot;&lt;b&gt;&quot;</span>; <span class=\"comment\">// note</span></code></pre>", html);
        Assert.Contains("<pre><code>plain &lt;text&gt;</code></pre>", html);
        Assert.Contains("<pre><code>indented &lt;code&gt;</code></pre>", html);
    }

    [Fact]
    public void Unclosed_fence_runs_to_the_end_of_the_cell()
    {
        Assert.Equal("<pre><code class=\"language-python\">print(1)\n# not a heading</code></pre>", Render("```python\nprint(1)\n# not a heading"));
    }

    [Fact]
    public void Tight_and_loose_and_nested_lists()
    {
        Assert.Equal("<ul>\n<li>one</li>\n<li>two</li>\n</ul>", Render("- one\n- two"));
        Assert.Equal("<ol start=\"3\">\n<li><p>three</p>\n</li>\n<li><p>four</p>\n</li>\n</ol>", Render("3. three\n\n4. four"));
        Assert.Equal("<ul>\n<li>outer\n<ol>\n<li>inner</li>\n</ol>\n</li>\n<li>next</li>\n</ul>", Render("- outer\n  1. inner\n- next"));
        Assert.Equal("<ul class=\"contains-task-list\">\n<li class=\"task-list-item\"><input disabled=\"disabled\" type=\"checkbox\" checked=\"checked\" /> done</li>\n</ul>", Render("- [x] done"));
    }

    [Fact]
    public void List_item_with_code_block()
    {
        string html = Render("1. Run this:\n\n   ```bash\n   dotnet test\n   ```\n2. Done");

        Assert.Contains("<li><p>Run this:</p>\n<pre><code class=\"language-bash\">dotnet test</code></pre>\n</li>", html);
        Assert.Contains("<li><p>Done</p>\n</li>", html);
    }

    [Fact]
    public void Links_are_kept_only_when_safe_and_notebook_links_point_to_pages()
    {
        Assert.Equal("<p><a href=\"https://pytorch.org/docs\" title=\"Docs\">docs</a></p>", Render("[docs](https://pytorch.org/docs \"Docs\")"));
        Assert.Equal("<p><a href=\"02-training.html#loss\">next</a></p>", Render("[next](02-training.ipynb#loss)"));
        Assert.Equal("<p>click</p>", Render("[click](javascript:alert(1))"));
        Assert.Equal("<p><a href=\"https://example.org/a_b\">https://example.org/a_b</a></p>", Render("<https://example.org/a_b>"));
        Assert.Equal("<p>javascript:alert(1) and <strong>bold</strong> label</p>", Render("<javascript:alert(1)> and [**bold** label](file:///etc/passwd)"));
        Assert.Equal("<p>host</p>", Render("[host](//evil.example/x)"));
        Assert.Equal("<p>docs</p>", Render("[docs][ref]\n\n[ref]: javascript:alert(1)"));
    }

    [Fact]
    public void Images_allow_raster_data_uris_but_not_script_urls()
    {
        Assert.Equal("<p><img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"a grid\" /></p>", Render("![a grid](data:image/png;base64,iVBORw0KGgo=)"));
        Assert.Equal("<p>svg</p>", Render("![svg](data:image/svg+xml;base64,PHN2Zz4=)"));
    }

    [Fact]
    public void Raw_html_is_shown_as_text()
    {
        Assert.Equal("<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;</p>", Render("<script>alert(\"x\")</script> & <b>"));
    }

    [Fact]
    public void Tables_with_alignment_escaped_pipes_and_code()
    {
        string html = Render("| op | shape |\n|:--|--:|\n| `a|b` | 2\\|3 |\n| Linear |");

        Assert.Contains("<th style=\"text-align: left;\">op</th>\n<th style=\"text-align: right;\">shape</th>", html);
        Assert.Contains("<td style=\"text-align: left;\"><code>a|b</code></td>\n<td style=\"text-align: right;\">2|3</td>", html);
        Assert.Contains("<tr>\n<td style=\"text-align: left;\">Linear</td>\n<td style=\"text-align: right;\"></td>\n</tr>", html);
    }

    [Fact]
    public void Block_quotes_nest_blocks()
    {
        Assert.Equal("<blockquote>\n<p><strong>Note</strong>\nlazy line</p>\n<ul>\n<li>item</li>\n</ul>\n</blockquote>", Render("> **Note**\nlazy line\n>\n> - item"));
    }

    [Fact]
    public void Math_becomes_mathml_with_its_tex_kept()
    {
        string inline = Render("loss $a<b \\cdot x_i$ here");
        Assert.StartsWith("<p>loss <math><semantics><mrow><mi>a</mi><mo>&lt;</mo><mi>b</mi><mo>⋅</mo><msub><mi>x</mi><mrow><mi>i</mi></mrow></msub></mrow>", inline);
        Assert.EndsWith("<annotation encoding=\"application/x-tex\">a&lt;b \\cdot x_i</annotation></semantics></math> here</p>", inline);
        Assert.StartsWith("<math display=\"block\"><semantics><mrow><munderover>", Render("$$\n\\sum_{i=1}^n x_i^2\n$$"));
        Assert.Equal("<p>costs $5 and $10, $ stays</p>", Render("costs $5 and $10, \\$ stays"));
    }

    [Fact]
    public void Display_math_may_run_over_several_lines_of_a_paragraph()
    {
        string html = Render("as written:\n$$a = b,\\qquad\nc = d.$$\nthen $x$");

        Assert.StartsWith("<p>as written:\n<math display=\"block\"><semantics>", html);
        Assert.Contains("<annotation encoding=\"application/x-tex\">a = b,\\qquad\nc = d.</annotation></semantics></math>\nthen <math>", html);
        Assert.DoesNotContain("$", html);
    }

    [Fact]
    public void Tex_the_translation_does_not_know_stays_as_escaped_source()
    {
        Assert.Equal("<p>see <span class=\"math\">\\unknowncommand{a&lt;b}</span></p>", Render("see $\\unknowncommand{a<b}$"));
        Assert.Equal("<div class=\"math display\">\\frac{1}{2</div>", Render("$$\n\\frac{1}{2\n$$"));
    }

    [Fact]
    public void Hard_line_breaks()
    {
        Assert.Equal("<p>one<br />\ntwo<br />\nthree</p>", Render("one  \ntwo\\\nthree"));
    }

    [Fact]
    public void First_heading_is_plain_text_and_skips_code()
    {
        Assert.Equal("Tensors and autograd", MarkdownRenderer.FirstHeading("```\n# comment\n```\n# Tensors and *autograd*"));
        Assert.Equal("Setup", MarkdownRenderer.FirstHeading("Setup\n---"));
        Assert.Null(MarkdownRenderer.FirstHeading("just text"));
    }
}
