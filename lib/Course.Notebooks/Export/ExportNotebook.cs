namespace Course.Notebooks.Export;

/// <summary>
/// What the HTML export needs from an .ipynb, and nothing more: the full nbformat model lives in
/// Course.Notebooks.Format; the exporter keeps its own small view so that a page can be written from
/// any notebook that a front end could show, even one the strict model would reject.
/// </summary>
internal sealed record ExportNotebook(IReadOnlyList<ExportCell> Cells, TimeSpan? ExecutionTime);

internal enum ExportCellKind
{
    Markdown,
    Code,
    Raw,
}

/// <summary>One cell; <paramref name="Language"/> is the code cell's language ("csharp" unless its metadata says otherwise).</summary>
internal sealed record ExportCell(ExportCellKind Kind, string Source, string Language, int? ExecutionCount, IReadOnlyList<ExportOutput> Outputs);

internal abstract record ExportOutput;

/// <summary>Console text ("stdout" or "stderr").</summary>
internal sealed record StreamExportOutput(string Name, string Text) : ExportOutput;

/// <summary>display_data, update_display_data and execute_result: MIME type → content (JSON data as JSON text).</summary>
internal sealed record RichExportOutput(
    IReadOnlyDictionary<string, string> Data,
    IReadOnlyDictionary<string, (int? Width, int? Height)> ImageSizes,
    int? ExecutionCount) : ExportOutput;

internal sealed record ErrorExportOutput(string Name, string Value, IReadOnlyList<string> Traceback) : ExportOutput;
