using Course.Notebooks.Export;

namespace Course.Notebooks.Tests.Export;

/// <summary>The course's own notebooks (notebooks/*.ipynb), for tests that check the export on real content.</summary>
internal static class CourseNotebooks
{
    public static string Folder() => Path.Combine(RepositoryFiles.Root(), "notebooks");

    public static IReadOnlyList<string> Paths()
    {
        var paths = Directory.GetFiles(Folder(), "*.ipynb").Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(paths);
        return paths;
    }

    public static IEnumerable<string> MarkdownSources(string path) =>
        ExportNotebookReader.Read(path).Cells.Where(cell => cell.Kind == ExportCellKind.Markdown).Select(cell => cell.Source);
}
