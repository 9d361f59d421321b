namespace Course.Notebooks.Export;

/// <summary>
/// What <c>Course.Kernel export</c> does once its command line is parsed: find the notebooks among files and
/// folders, export them, and report each page and each failure. Exit codes: 0 all exported, 1 some notebooks
/// could not be exported (the rest were), 2 an input does not exist.
/// </summary>
public static class ExportCommand
{
    public static int Run(IReadOnlyList<string> inputs, string outputFolder, string? title, TextWriter output, TextWriter error)
    {
        var notebooks = new List<string>();
        foreach (string input in inputs)
        {
            if (Directory.Exists(input))
                notebooks.AddRange(HtmlExporter.FindNotebooks(input));
            else if (File.Exists(input))
                notebooks.Add(input);
            else
            {
                error.WriteLine($"export: {input} does not exist");
                return 2;
            }
        }

        if (notebooks.Count == 0)
        {
            error.WriteLine($"export: no .ipynb files in {string.Join(", ", inputs)}");
            return 1;
        }

        var report = HtmlExporter.ExportNotebooks(notebooks, outputFolder, title ?? HtmlExporter.DefaultSiteTitle);
        foreach (var page in report.Pages)
            output.WriteLine($"{page.NotebookPath} -> {page.PagePath}");
        foreach (var failure in report.Failures)
            error.WriteLine($"export: not exported: {failure.Message}");
        output.WriteLine($"{report.Pages.Count} of {notebooks.Count} notebooks exported; open {report.IndexPath}");
        return report.Succeeded ? 0 : 1;
    }
}
