using System.Text;
using Course.Notebooks.Export;

namespace Course.Notebooks.Tests.Export;

public class CSharpHighlighterTests
{
    private static string Highlight(string code)
    {
        var html = new StringBuilder();
        CSharpHighlighter.Append(html, code);
        return html.ToString();
    }

    [Fact]
    public void Marks_directives_keywords_numbers_and_comments()
    {
        Assert.Equal(
            "<span class=\"dir\">#r &quot;nuget: MathNet.Numerics, 5.0.0&quot;</span>\n<span class=\"kw\">var</span> lr = <span class=\"num\">1e-3</span>; <span class=\"com\">/* rate */</span>",
            Highlight("#r \"nuget: MathNet.Numerics, 5.0.0\"\nvar lr = 1e-3; /* rate */"));
    }

    [Fact]
    public void Strings_of_every_kind_end_where_csharp_ends_them()
    {
        Assert.Equal("<span class=\"str\">@&quot;C:\\&quot;&quot;x&quot;&quot;&quot;</span>;", Highlight("@\"C:\\\"\"x\"\"\";"));
        Assert.Equal("<span class=\"str\">$&quot;{a} \\&quot; b&quot;</span> + <span class=\"str\">&#39;\\&#39;&#39;</span>", Highlight("$\"{a} \\\" b\" + '\\''"));
        Assert.Equal("<span class=\"str\">&quot;&quot;&quot;raw &quot;quoted&quot; text&quot;&quot;&quot;</span>", Highlight("\"\"\"raw \"quoted\" text\"\"\""));
    }

    [Fact]
    public void Member_names_that_are_keywords_stay_plain()
    {
        Assert.Equal("x.string", Highlight("x.string"));
    }

    [Fact]
    public void Unterminated_string_stops_at_its_line()
    {
        Assert.Equal("<span class=\"str\">&quot;open</span>\n<span class=\"kw\">int</span> x;", Highlight("\"open\nint x;"));
    }
}
