using System.Text.RegularExpressions;
using Course.Notebooks.Export.Markdown;
using Course.Notebooks.Export.Tex;

namespace Course.Notebooks.Tests.Export;

public partial class TexToMathMlTests
{
    /// <summary>The MathML inside semantics, without the annotation that repeats the source.</summary>
    private static string Body(string tex, bool display = false)
    {
        string math = TexToMathMl.Convert(tex, display);
        int start = math.IndexOf("<semantics><mrow>", StringComparison.Ordinal) + "<semantics><mrow>".Length;
        int end = math.LastIndexOf("</mrow><annotation", StringComparison.Ordinal);
        return math[start..end];
    }

    [Fact]
    public void Letters_numbers_and_operators()
    {
        Assert.Equal("<mi>y</mi><mo>=</mo><mn>0.5</mn><mi>x</mi><mo>−</mo><mn>12</mn>", Body("y = 0.5x - 12"));
        Assert.Equal("<mi>σ</mi><mo stretchy=\"false\">(</mo><mi>z</mi><mo stretchy=\"false\">)</mo><mo>⋅</mo><mi>Δ</mi>", Body(@"\sigma(z) \cdot \Delta"));
        Assert.Equal("<mi>log</mi><mspace width=\"0.167em\"></mspace><mi>p</mi>", Body(@"\log p"));
        Assert.Equal("<mi>log</mi><mo stretchy=\"false\">(</mo><mi>p</mi><mo stretchy=\"false\">)</mo>", Body(@"\log(p)"));
        Assert.Equal("<msup><mi>tanh</mi><mrow><mn>2</mn></mrow></msup><mspace width=\"0.167em\"></mspace><mi>x</mi>", Body(@"\tanh^2 x"));
    }

    [Fact]
    public void Scripts_in_either_order_and_primes()
    {
        const string both = "<msubsup><mi>x</mi><mrow><mi>i</mi></mrow><mrow><mn>2</mn></mrow></msubsup>";
        Assert.Equal(both, Body("x_i^2"));
        Assert.Equal(both, Body("x^2_i"));
        Assert.Equal("<msup><mi>W</mi><mrow><mo>⊤</mo></mrow></msup>", Body(@"W^\top"));
        Assert.Equal("<msup><mi>e</mi><mrow><mo>−</mo><mi>z</mi></mrow></msup>", Body("e^{-z}"));
        Assert.Equal("<msup><mi>f</mi><mrow><mo>′</mo></mrow></msup><mo stretchy=\"false\">(</mo><mi>x</mi><mo stretchy=\"false\">)</mo>", Body("f'(x)"));
        Assert.Equal("<msup><mi>x</mi><mrow><mn>2</mn></mrow></msup><mn>3</mn>", Body("x^23"));
    }

    [Fact]
    public void Large_operators_take_limits_under_and_over()
    {
        Assert.Equal("<munderover><mo movablelimits=\"true\" form=\"prefix\">∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mrow><mi>n</mi></mrow></munderover>",
            Body(@"\sum_{i=1}^{n}"));
        Assert.StartsWith("<munder><mo movablelimits=\"true\" form=\"prefix\">arg max</mo>", Body(@"\operatorname*{arg\,max}_x f"));
        Assert.StartsWith("<msubsup><mo>∫</mo>", Body(@"\int_0^1 x\,dx"));
    }

    [Fact]
    public void Fractions_roots_accents_and_fonts()
    {
        Assert.Equal("<mfrac><mrow><mi>∂</mi><mi>L</mi></mrow><mrow><mi>∂</mi><mi>w</mi></mrow></mfrac>", Body(@"\frac{\partial L}{\partial w}"));
        Assert.Equal("<msqrt><msub><mover accent=\"true\"><mrow><mi>v</mi></mrow><mo>^</mo></mover><mrow><mi>t</mi></mrow></msub></msqrt>", Body(@"\sqrt{\hat{v}_t}"));
        Assert.Equal("<mroot><mrow><mi>x</mi></mrow><mrow><mn>3</mn></mrow></mroot>", Body(@"\sqrt[3]{x}"));
        Assert.Equal("<mrow style=\"font-weight:bold\"><mi mathvariant=\"normal\">W</mi></mrow><mi>x</mi>", Body(@"\mathbf{W}x"));
        Assert.Equal("<mrow><mi>ℝ</mi></mrow>", Body(@"\mathbb{R}"));
        Assert.Equal("<mrow><mi>ℒ</mi></mrow>", Body(@"\mathcal{L}"));
        Assert.Equal("<mtext>if </mtext><mi>x</mi><mo>&gt;</mo><mn>0</mn>", Body(@"\text{if } x > 0"));
    }

    [Fact]
    public void Fences_matrices_and_cases()
    {
        Assert.Equal("<mrow><mo fence=\"true\" stretchy=\"true\" form=\"prefix\">(</mo><mfrac><mrow><mn>1</mn></mrow><mrow><mn>2</mn></mrow></mfrac><mo fence=\"true\" stretchy=\"true\" form=\"postfix\">)</mo></mrow>",
            Body(@"\left( \frac12 \right)"));
        Assert.Equal("<mrow><mo fence=\"true\" stretchy=\"true\" form=\"prefix\">[</mo><mtable><mtr><mtd><mn>1</mn></mtd><mtd><mn>2</mn></mtd></mtr><mtr><mtd><mn>3</mn></mtd><mtd><mn>4</mn></mtd></mtr></mtable><mo fence=\"true\" stretchy=\"true\" form=\"postfix\">]</mo></mrow>",
            Body(@"\begin{bmatrix} 1 & 2 \\ 3 & 4 \\ \end{bmatrix}"));
        string cases = Body(@"\mathrm{ReLU}'(z) = \begin{cases} 1 & z > 0 \\ 0 & \text{otherwise} \end{cases}");
        Assert.Contains("<mtable columnalign=\"left left\"><mtr><mtd><mn>1</mn></mtd><mtd><mi>z</mi><mo>&gt;</mo><mn>0</mn></mtd></mtr>", cases);
        Assert.StartsWith("<msup><mrow><mi mathvariant=\"normal\">R</mi><mi mathvariant=\"normal\">e</mi>", cases);
    }

    [Fact]
    public void The_source_is_kept_escaped_as_an_annotation()
    {
        string math = TexToMathMl.Convert(@"a < b \text{<script>}", display: true);

        Assert.StartsWith("<math display=\"block\"><semantics>", math);
        Assert.Contains("<annotation encoding=\"application/x-tex\">a &lt; b \\text{&lt;script&gt;}</annotation>", math);
        Assert.DoesNotContain("<script", math);
    }

    [Theory]
    [InlineData(@"\unknown x", @"\unknown")]
    [InlineData(@"\frac{1}{2", "a { without its }")]
    [InlineData("a}", "a } without its {")]
    [InlineData(@"x \right)", @"\right without \left")]
    [InlineData(@"\left( x", @"\left without \right")]
    [InlineData("a & b", "& outside a matrix")]
    [InlineData(@"\begin{pmatrix} 1", @"\begin{pmatrix} without \end{pmatrix}")]
    [InlineData(@"\begin{matrix} 1 \end{pmatrix}", @"\begin{matrix} closed by \end{pmatrix}")]
    [InlineData(@"\begin{tabular} 1", "the environment tabular")]
    [InlineData("x^", "an argument is missing")]
    [InlineData(@"\sqrt[3{x}", @"\sqrt[ without its ]")]
    public void Unknown_or_broken_tex_is_refused_with_the_reason(string tex, string reason)
    {
        var error = Assert.Throws<TexNotSupportedException>(() => TexToMathMl.Convert(tex, display: false));
        Assert.Contains(reason, error.Message);
    }

    /// <summary>Every formula the course's notebooks write is typeset in the exported site, none left as source.</summary>
    [Fact]
    public void Every_formula_in_the_course_notebooks_is_typeset()
    {
        var untranslated = new List<string>();
        foreach (string path in CourseNotebooks.Paths())
        {
            foreach (string markdown in CourseNotebooks.MarkdownSources(path))
            {
                string html = new MarkdownRenderer().Render(markdown);
                untranslated.AddRange(FallbackMath().Matches(html).Select(match => $"{Path.GetFileName(path)}: {match.Value}"));
            }
        }

        Assert.True(untranslated.Count == 0, "formulas left as TeX source:\n" + string.Join("\n", untranslated));
    }

    [GeneratedRegex("<(span|div) class=\"math[^>]*>.*?</(span|div)>", RegexOptions.Singleline)]
    private static partial Regex FallbackMath();
}
