using Course.Notebooks.Export;

namespace Course.Notebooks.Tests.Export;

public class ExportCommandTests
{
    private static (int ExitCode, string Output, string Error) Run(params string[] arguments)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode = ExportCommand.Run(arguments, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public void Exports_a_folder_and_says_where_the_site_is()
    {
        using var temp = new RepositoryFiles.TempFolder();
        string site = Path.Combine(temp.Path, "site");
        string notebooks = Directory.CreateDirectory(Path.Combine(temp.Path, "notebooks")).FullName;
        File.Copy(RepositoryFiles.TestNotebook("export-sample.ipynb"), Path.Combine(notebooks, "export-sample.ipynb"));

        var (exitCode, output, error) = Run(notebooks, "--output", site, "--title", "Test site");

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains($"1 of 1 notebooks exported; open {Path.Combine(site, "index.html")}", output);
        Assert.Contains("<h1>Test site</h1>", File.ReadAllText(Path.Combine(site, "index.html")));
    }

    [Fact]
    public void A_broken_notebook_fails_the_command_but_not_the_others()
    {
        using var temp = new RepositoryFiles.TempFolder();
        string broken = Path.Combine(temp.Path, "broken.ipynb");
        File.WriteAllText(broken, "not json");

        var (exitCode, output, error) = Run(RepositoryFiles.TestNotebook("export-sample.ipynb"), broken, "-o", Path.Combine(temp.Path, "site"));

        Assert.Equal(1, exitCode);
        Assert.Contains("1 of 2 notebooks exported", output);
        Assert.Contains("export: not exported: broken.ipynb is not valid JSON", error);
        Assert.True(File.Exists(Path.Combine(temp.Path, "site", "export-sample.html")));
    }

    [Theory]
    [InlineData(new[] { "--output", "site" }, "export: no notebooks given")]
    [InlineData(new[] { "notebooks" }, "export: --output <site folder> is required")]
    [InlineData(new[] { "/no/such/folder", "--output", "site" }, "export: /no/such/folder does not exist")]
    [InlineData(new[] { "notebooks", "--colour" }, "export: unknown option or missing value: --colour")]
    [InlineData(new[] { "notebooks", "--output" }, "export: unknown option or missing value: --output")]
    public void Bad_arguments_explain_themselves(string[] arguments, string expected)
    {
        var (exitCode, _, error) = Run(arguments);

        Assert.Equal(2, exitCode);
        Assert.StartsWith(expected, error);
        Assert.Contains("Usage: export", error);
    }
}
