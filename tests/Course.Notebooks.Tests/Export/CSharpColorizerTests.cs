using Course.Notebooks.Export;

namespace Course.Notebooks.Tests.Export;

public class CSharpColorizerTests
{
    [Fact]
    public void Notebook_directives_are_coloured_as_whole_lines()
    {
        Assert.Equal(
            "<span class=\"preprocessorKeyword\">#r &quot;nuget: MathNet.Numerics, 5.0.0&quot;</span>\n"
            + "<span class=\"preprocessorKeyword\">#!time</span>\n"
            + "<span class=\"keyword\">var</span> lr = <span class=\"number\">3</span>; <span class=\"comment\">/* rate */</span>",
            CSharpColorizer.Colorize("#r \"nuget: MathNet.Numerics, 5.0.0\"\n#!time\nvar lr = 3; /* rate */"));
    }

    [Fact]
    public void A_hash_inside_code_is_no_directive()
    {
        Assert.Equal("x = y <span class=\"comment\">// #r not here</span>", CSharpColorizer.Colorize("x = y // #r not here"));
    }

    [Fact]
    public void Code_is_escaped_and_its_own_blank_lines_stay()
    {
        Assert.Equal("\na &lt; b &amp;&amp; c\n\n", CSharpColorizer.Colorize("\na < b && c\n\n"));
        Assert.Equal("", CSharpColorizer.Colorize(""));
    }
}
