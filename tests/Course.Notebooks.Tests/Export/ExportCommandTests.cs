using Course.Notebooks.Export;

namespace Course.Notebooks.Tests.Export;

public class ExportCommandTests
{
    private static (int ExitCode, string Output, string Error) Run(string[] inputs, string site, string? title = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode = ExportCommand.Run(inputs, site, title, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public void Exports_a_folder_and_says_where_the_site_is()
    {
        using var temp = new RepositoryFiles.TempFolder();
        string site = Path.Combine(temp.Path, "site");
        string notebooks = Directory.CreateDirectory(Path.Combine(temp.Path, "notebooks")).FullName;
        File.Copy(RepositoryFiles.TestNotebook("export-sample.ipynb"), Path.Combine(notebooks, "export-sample.ipynb"));

        var (exitCode, output, error) = Run([notebooks], site, "Test site");

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

        var (exitCode, output, error) = Run([RepositoryFiles.TestNotebook("export-sample.ipynb"), broken], Path.Combine(temp.Path, "site"));

        Assert.Equal(1, exitCode);
        Assert.Contains("1 of 2 notebooks exported", output);
        Assert.Contains("export: not exported: broken.ipynb is not valid JSON", error);
        Assert.True(File.Exists(Path.Combine(temp.Path, "site", "export-sample.html")));
    }

    [Fact]
    public void A_missing_input_is_named()
    {
        var (exitCode, _, error) = Run(["/no/such/folder"], "site");

        Assert.Equal(2, exitCode);
        Assert.Equal("export: /no/such/folder does not exist", error.Trim());
    }

    [Fact]
    public void A_folder_without_notebooks_says_so()
    {
        using var temp = new RepositoryFiles.TempFolder();

        var (exitCode, _, error) = Run([temp.Path], Path.Combine(temp.Path, "site"));

        Assert.Equal(1, exitCode);
        Assert.Equal($"export: no .ipynb files in {temp.Path}", error.Trim());
    }
}
