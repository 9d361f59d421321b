using System.Text;
using Course.Notebooks.Export.Markdown;

namespace Course.Notebooks.Export;

/// <summary>
/// Turns executed notebooks into a small static site: <c>index.html</c> listing them, one page per notebook
/// and <c>course.css</c>. Pages need no JavaScript and no network, so plots (inline SVG) and images show
/// anywhere, offline included. A notebook that cannot be read is reported and skipped; the others are
/// still exported.
/// </summary>
public static class HtmlExporter
{
    public const string DefaultSiteTitle = "Deep Learning in C#";

    /// <summary>Exports every <c>*.ipynb</c> in <paramref name="inputFolder"/> and its subfolders (see <see cref="FindNotebooks"/>).</summary>
    public static ExportReport ExportFolder(string inputFolder, string outputFolder, string siteTitle = DefaultSiteTitle)
    {
        if (!Directory.Exists(inputFolder))
            throw new DirectoryNotFoundException($"Cannot export notebooks: the folder {inputFolder} does not exist.");
        return ExportNotebooks(FindNotebooks(inputFolder), outputFolder, siteTitle);
    }

    /// <summary>
    /// The notebooks in a folder and its subfolders (the runner keeps each notebook's relative path under
    /// its output folder), in path order, leaving out Jupyter's .ipynb_checkpoints copies.
    /// </summary>
    public static IReadOnlyList<string> FindNotebooks(string folder) =>
        Directory.EnumerateFiles(folder, "*.ipynb", SearchOption.AllDirectories)
            .Where(path => !path.Contains(".ipynb_checkpoints", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Exports the given notebooks, in the given order, into <paramref name="outputFolder"/>.</summary>
    public static ExportReport ExportNotebooks(IReadOnlyList<string> notebookPaths, string outputFolder, string siteTitle = DefaultSiteTitle)
    {
        var readable = new List<(string Path, ExportNotebook Notebook, string Title)>();
        var failures = new List<NotebookExportException>();
        foreach (string path in notebookPaths)
        {
            try
            {
                var notebook = ExportNotebookReader.Read(path);
                readable.Add((path, notebook, Title(notebook, path)));
            }
            catch (NotebookExportException e)
            {
                failures.Add(e);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failures.Add(new NotebookExportException(path, $"{Path.GetFileName(path)} cannot be read: {e.Message}"));
            }
        }

        Directory.CreateDirectory(outputFolder);
        File.WriteAllText(Path.Combine(outputFolder, SiteLayout.StylesheetName), SiteLayout.Stylesheet());

        var pages = new List<ExportedPage>();
        for (int i = 0; i < readable.Count; i++)
        {
            var (path, notebook, title) = readable[i];
            string pageName = PageName(path);
            (string, string)? previous = i > 0 ? (PageName(readable[i - 1].Path), readable[i - 1].Title) : null;
            (string, string)? next = i + 1 < readable.Count ? (PageName(readable[i + 1].Path), readable[i + 1].Title) : null;
            string pagePath = Path.Combine(outputFolder, pageName);
            File.WriteAllText(pagePath, NotebookPage.Render(notebook, title, Path.GetFileName(path), siteTitle, previous, next));
            int errors = notebook.Cells.Sum(cell => cell.Outputs.Count(output => output is ErrorExportOutput));
            pages.Add(new ExportedPage(path, pagePath, title, notebook.ExecutionTime, errors));
        }

        string indexPath = Path.Combine(outputFolder, "index.html");
        File.WriteAllText(indexPath, IndexPage(pages, failures, siteTitle));
        return new ExportReport(indexPath, pages, failures);
    }

    private static string PageName(string notebookPath) => Path.GetFileNameWithoutExtension(notebookPath) + ".html";

    private static string Title(ExportNotebook notebook, string path) =>
        notebook.Cells.Where(cell => cell.Kind == ExportCellKind.Markdown)
            .Select(cell => MarkdownRenderer.FirstHeading(cell.Source))
            .FirstOrDefault(heading => heading is not null)
        ?? Path.GetFileNameWithoutExtension(path);

    private static string IndexPage(IReadOnlyList<ExportedPage> pages, IReadOnlyList<NotebookExportException> failures, string siteTitle)
    {
        var body = new StringBuilder();
        body.Append("<main class=\"index\">\n<h1>").Append(Html.Escape(siteTitle)).Append("</h1>\n");
        if (pages.Count == 0)
            body.Append("<p>No notebooks were exported.</p>\n");
        else
            body.Append("<ol class=\"notebooks\">\n");
        foreach (var page in pages)
        {
            body.Append("<li><a href=\"").Append(Html.Escape(Path.GetFileName(page.PagePath))).Append("\">")
                .Append(Html.Escape(page.Title)).Append("</a> <span class=\"file\">")
                .Append(Html.Escape(Path.GetFileName(page.NotebookPath))).Append("</span>");
            if (page.ExecutionTime is { } time)
                body.Append(" <span class=\"time\">ran in ").Append(Html.Escape(Duration.Format(time))).Append("</span>");
            if (page.ErrorCount > 0)
                body.Append(" <span class=\"badge error\">").Append(page.ErrorCount).Append(page.ErrorCount == 1 ? " error" : " errors").Append("</span>");
            body.Append("</li>\n");
        }

        if (pages.Count > 0)
            body.Append("</ol>\n");
        if (failures.Count > 0)
        {
            body.Append("<h2>Not exported</h2>\n<ul class=\"failures\">\n");
            foreach (var failure in failures)
                body.Append("<li>").Append(Html.Escape(failure.Message)).Append("</li>\n");
            body.Append("</ul>\n");
        }

        body.Append("</main>\n");
        return SiteLayout.Page(siteTitle, body.ToString());
    }
}

/// <summary>What an export wrote, and which notebooks it could not export (each with a message naming the file).</summary>
public sealed record ExportReport(string IndexPath, IReadOnlyList<ExportedPage> Pages, IReadOnlyList<NotebookExportException> Failures)
{
    public bool Succeeded => Failures.Count == 0;
}

/// <summary>One exported notebook: its page, the title taken from its first heading, its run time if recorded, and how many error outputs it holds.</summary>
public sealed record ExportedPage(string NotebookPath, string PagePath, string Title, TimeSpan? ExecutionTime, int ErrorCount);
