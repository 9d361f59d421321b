using Course.Notebooks.Export;

namespace Course.Notebooks.Tests.Export;

public class HtmlExporterTests
{
    private const string Sample = "export-sample.ipynb";

    private static ExportReport ExportSample(string output, params (string Name, string Content)[] extraNotebooks)
    {
        string input = Path.Combine(output, "notebooks");
        Directory.CreateDirectory(input);
        File.Copy(RepositoryFiles.TestNotebook(Sample), Path.Combine(input, Sample));
        foreach (var (name, content) in extraNotebooks)
            File.WriteAllText(Path.Combine(input, name), content);
        return HtmlExporter.ExportFolder(input, Path.Combine(output, "site"));
    }

    [Fact]
    public void Index_lists_notebooks_with_title_time_and_errors()
    {
        using var temp = new RepositoryFiles.TempFolder();
        var report = ExportSample(temp.Path);

        Assert.True(report.Succeeded);
        var page = Assert.Single(report.Pages);
        Assert.Equal("Exported notebook: tensors and plots", page.Title);
        Assert.Equal(TimeSpan.FromSeconds(3.5), page.ExecutionTime);
        Assert.Equal(1, page.ErrorCount);

        string index = File.ReadAllText(report.IndexPath);
        Assert.Contains("<a href=\"export-sample.html\">Exported notebook: tensors and plots</a>", index);
        Assert.Contains("ran in 3.5 s", index);
        Assert.Contains("1 error", index);
        Assert.True(File.Exists(Path.Combine(temp.Path, "site", "course.css")));
    }

    [Fact]
    public void Page_shows_markdown_code_and_every_kind_of_output()
    {
        using var temp = new RepositoryFiles.TempFolder();
        var report = ExportSample(temp.Path);
        string html = File.ReadAllText(report.Pages[0].PagePath);

        Assert.Contains("<link rel=\"stylesheet\" href=\"course.css\">", html);
        Assert.DoesNotContain("<script", html);
        // Markdown
        Assert.Contains("<h1 id=\"exported-notebook-tensors-and-plots\">Exported notebook: <em>tensors</em> and plots</h1>", html);
        Assert.Contains("<a href=\"01-next.html\">a link</a>", html);
        Assert.Contains("<math><semantics><mrow><mi>y</mi><mo>=</mo><mi>W</mi><mi>x</mi><mo>+</mo><mi>b</mi></mrow>", html);
        Assert.Contains("&lt;b&gt;raw HTML&lt;/b&gt;", html);
        // Code, with its prompt
        Assert.Contains("<div class=\"prompt in\">In [1]:</div><pre><code class=\"language-csharp\"><span class=\"comment\">// Train two epochs and print the loss</span>", html);
        // Stream lines from two text entries read as one block.
        Assert.Contains("<pre class=\"output stream stdout\">epoch 1: loss 0.52\nepoch 2: loss 0.31</pre>", html);
        // The plot's static SVG, not its plotly JSON.
        Assert.Contains("<path class=\"trace\" d=\"M40 60 L100 110", html);
        Assert.DoesNotContain("\"layout\"", html);
        // The image as a data URI, with its size from the output metadata.
        Assert.Matches("<img src=\"data:image/png;base64,iVBORw0KGgo[A-Za-z0-9+/=]+\" alt=\"ImageGrid \\(1x1\\)\" width=\"128\" height=\"128\">", html);
        Assert.Contains("<div class=\"prompt out\">Out[3]:</div>", html);
        // The error, its heading once and the traceback below.
        Assert.Contains("<div class=\"error-heading\">System.InvalidOperationException: linear: input (64x784) and weight (10x256) do not fit</div><pre>   at Submission#4.&lt;Main&gt;() in cell 4, line 1</pre>", html);
        Assert.Contains("executed in 3.5 s", html);
    }

    [Theory]
    [InlineData("{ \"cells\": [", "broken.ipynb is not valid JSON (line")]
    [InlineData("[1, 2]", "broken.ipynb: a notebook is a JSON object, this file holds a list")]
    [InlineData("{\"nbformat\": 3, \"worksheets\": []}", "broken.ipynb: nbformat 3 is not supported")]
    [InlineData("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}}", "broken.ipynb: \"cells\" is missing or not a list")]
    [InlineData("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": 5}]}", "broken.ipynb: cell 1: \"source\" is a number, expected text or a list of lines")]
    [InlineData("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"markdown\", \"source\": \"\"}, {\"cell_type\": \"code\", \"source\": \"\", \"outputs\": [{\"output_type\": \"bogus\"}]}]}", "broken.ipynb: cell 2: output 1: unknown output_type \"bogus\"")]
    [InlineData("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"widget\", \"source\": \"\"}]}", "broken.ipynb: cell 1: unknown cell_type \"widget\"")]
    public void Malformed_notebook_is_reported_by_name_and_the_others_still_export(string content, string expectedMessage)
    {
        using var temp = new RepositoryFiles.TempFolder();
        var report = ExportSample(temp.Path, ("broken.ipynb", content));

        Assert.False(report.Succeeded);
        var failure = Assert.Single(report.Failures);
        Assert.StartsWith(expectedMessage, failure.Message);
        Assert.EndsWith("broken.ipynb", failure.NotebookPath);
        Assert.Equal("export-sample.ipynb", Path.GetFileName(Assert.Single(report.Pages).NotebookPath));
        Assert.False(File.Exists(Path.Combine(temp.Path, "site", "broken.html")));
        Assert.Contains("<h2>Not exported</h2>", File.ReadAllText(report.IndexPath));
    }

    [Fact]
    public void Pages_link_to_their_neighbours_in_file_name_order()
    {
        using var temp = new RepositoryFiles.TempFolder();
        var report = ExportSample(temp.Path,
            ("a-first.ipynb", """{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": []}"""),
            ("z-last.ipynb", """{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "markdown", "metadata": {}, "source": ["Last\n", "===="]}]}"""));

        Assert.Equal(["a-first", "Exported notebook: tensors and plots", "Last"], report.Pages.Select(page => page.Title));
        string middle = File.ReadAllText(report.Pages[1].PagePath);
        Assert.Contains("<a class=\"previous\" href=\"a-first.html\">← a-first</a>", middle);
        Assert.Contains("<a class=\"next\" href=\"z-last.html\">Last →</a>", middle);
    }

    [Fact]
    public void Outputs_without_a_static_form_say_why()
    {
        using var temp = new RepositoryFiles.TempFolder();
        var report = ExportSample(temp.Path, ("plotly-only.ipynb", """
            {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
              {"cell_type": "code", "execution_count": 1, "metadata": {}, "source": "plot",
               "outputs": [{"output_type": "display_data", "metadata": {}, "data": {"application/vnd.plotly.v1+json": {"data": []}}},
                           {"output_type": "display_data", "metadata": {}, "data": {"image/png": "not base64!\"><script>"}}]}]}
            """));

        string html = File.ReadAllText(report.Pages.Single(page => page.Title == "plotly-only").PagePath);
        Assert.Contains("Output not shown (application/vnd.plotly.v1+json): an interactive plot that needs plotly.js", html);
        Assert.Contains("Output not shown: its image/png data is not valid base64.", html);
        Assert.DoesNotContain("<script>", html);
    }

    [Fact]
    public void Progress_lines_and_colour_codes_show_as_the_terminal_showed_them()
    {
        using var temp = new RepositoryFiles.TempFolder();
        var report = ExportSample(temp.Path, ("progress.ipynb", """
            {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
              {"cell_type": "code", "execution_count": 1, "metadata": {}, "source": "train()",
               "outputs": [{"output_type": "stream", "name": "stdout", "text": "epoch 1/3\repoch 2/3\repoch 3/3\ndone \u001b[32mok\u001b[0m\n"},
                           {"output_type": "stream", "name": "stderr", "text": "warning: <slow>\n"}]}]}
            """));

        string html = File.ReadAllText(report.Pages.Single(page => page.Title == "progress").PagePath);
        Assert.Contains("<pre class=\"output stream stdout\">epoch 3/3\ndone ok</pre>", html);
        Assert.Contains("<pre class=\"output stream stderr\">warning: &lt;slow&gt;</pre>", html);
    }

    [Fact]
    public void Missing_input_folder_is_a_clear_error()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => HtmlExporter.ExportFolder("/no/such/notebooks", "/tmp/unused-site"));
        Assert.Contains("/no/such/notebooks does not exist", error.Message);
    }
}
