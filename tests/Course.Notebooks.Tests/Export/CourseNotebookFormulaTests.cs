using System.Text.RegularExpressions;
using Course.Notebooks.Export;

namespace Course.Notebooks.Tests.Export;

/// <summary>The exported pages of the course's notebooks show every display formula typeset, none as <c>$$</c> text.</summary>
public partial class CourseNotebookFormulaTests
{
    [Fact]
    public void Every_display_formula_of_the_course_notebooks_becomes_mathml()
    {
        using var temp = new RepositoryFiles.TempFolder();
        var report = HtmlExporter.ExportFolder(CourseNotebooks.Folder(), temp.Path);
        Assert.True(report.Succeeded, string.Join("\n", report.Failures.Select(failure => failure.Message)));

        var problems = new List<string>();
        int formulas = 0;
        foreach (string path in CourseNotebooks.Paths())
        {
            // The notebooks write $$ only to open and close display formulas, so half their number is how many there are.
            int expected = CourseNotebooks.MarkdownSources(path).Sum(source => Regex.Count(source, @"\$\$")) / 2;
            var page = report.Pages.Single(page => page.NotebookPath == path);
            string markdownCells = string.Concat(MarkdownSection().Matches(File.ReadAllText(page.PagePath)).Select(match => match.Value));

            int typeset = Regex.Count(markdownCells, "<math display=\"block\">");
            if (typeset != expected)
                problems.Add($"{Path.GetFileName(path)}: {expected} display formulas in the Markdown, {typeset} typeset as MathML");
            string outsideMath = MathElement().Replace(markdownCells, "");
            problems.AddRange(LeftoverFence().Matches(outsideMath).Select(match => $"{Path.GetFileName(path)}: {match.Value}"));
            formulas += expected;
        }

        Assert.True(problems.Count == 0, "display math not typeset:\n" + string.Join("\n", problems));
        Assert.True(formulas > 0, "the course notebooks have no display formula to check");
    }

    [GeneratedRegex("<section class=\"cell markdown\">.*?</section>", RegexOptions.Singleline)]
    private static partial Regex MarkdownSection();

    [GeneratedRegex("<math.*?</math>", RegexOptions.Singleline)]
    private static partial Regex MathElement();

    /// <summary>A $$ left in the page's text, with some of what follows it to find the formula by.</summary>
    [GeneratedRegex(@"\$\$.{0,60}", RegexOptions.Singleline)]
    private static partial Regex LeftoverFence();
}
