namespace Course.Notebooks.Export;

/// <summary>
/// The command line of <c>Course.Kernel export</c>, kept beside the exporter so that the CLI only forwards
/// its arguments: <c>export &lt;notebook or folder&gt;... --output &lt;site folder&gt; [--title &lt;text&gt;]</c>.
/// Exit codes: 0 all exported, 1 some notebooks could not be exported (the rest were), 2 bad arguments.
/// </summary>
public static class ExportCommand
{
    public const string Usage =
        "Usage: export <folder or .ipynb>... --output <site folder> [--title <site title>]\n" +
        "  Writes index.html, one page per notebook and course.css; the pages need no network and no JavaScript.";

    public static int Run(IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        var inputs = new List<string>();
        string? outputFolder = null;
        string title = HtmlExporter.DefaultSiteTitle;
        for (int i = 0; i < arguments.Count; i++)
        {
            switch (arguments[i])
            {
                case "-h" or "--help":
                    output.WriteLine(Usage);
                    return 0;
                case "-o" or "--output" when i + 1 < arguments.Count:
                    outputFolder = arguments[++i];
                    break;
                case "--title" when i + 1 < arguments.Count:
                    title = arguments[++i];
                    break;
                case var option when option.StartsWith('-'):
                    return UsageError(error, $"unknown option or missing value: {option}");
                default:
                    inputs.Add(arguments[i]);
                    break;
            }
        }

        if (inputs.Count == 0)
            return UsageError(error, "no notebooks given");
        if (outputFolder is null)
            return UsageError(error, "--output <site folder> is required");

        var notebooks = new List<string>();
        foreach (string input in inputs)
        {
            if (Directory.Exists(input))
                notebooks.AddRange(HtmlExporter.FindNotebooks(input));
            else if (File.Exists(input))
                notebooks.Add(input);
            else
                return UsageError(error, $"{input} does not exist");
        }

        if (notebooks.Count == 0)
        {
            error.WriteLine($"export: no .ipynb files in {string.Join(", ", inputs)}");
            return 1;
        }

        var report = HtmlExporter.ExportNotebooks(notebooks, outputFolder, title);
        foreach (var page in report.Pages)
            output.WriteLine($"{page.NotebookPath} -> {page.PagePath}");
        foreach (var failure in report.Failures)
            error.WriteLine($"export: not exported: {failure.Message}");
        output.WriteLine($"{report.Pages.Count} of {notebooks.Count} notebooks exported; open {report.IndexPath}");
        return report.Succeeded ? 0 : 1;
    }

    private static int UsageError(TextWriter error, string problem)
    {
        error.WriteLine($"export: {problem}");
        error.WriteLine(Usage);
        return 2;
    }
}
