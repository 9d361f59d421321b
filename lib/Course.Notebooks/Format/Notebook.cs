using System.Text.Json.Nodes;

namespace Course.Notebooks.Format;

/// <summary>A Jupyter notebook (nbformat 4): its cells and metadata. Read with <see cref="NotebookReader"/>, written with <see cref="NotebookWriter"/>.</summary>
public sealed class Notebook
{
    public const int FormatMajor = 4;
    public const int FormatMinor = 5;

    public int NbformatMinor { get; set; } = FormatMinor;

    /// <summary>Notebook metadata as found in the file (kernelspec, language_info, anything else front ends keep).</summary>
    public JsonObject Metadata { get; set; } = [];

    public List<NotebookCell> Cells { get; } = [];
}

/// <summary>One cell: code, markdown or raw.</summary>
public sealed class NotebookCell
{
    public const string Code = "code";
    public const string Markdown = "markdown";
    public const string Raw = "raw";

    public string Id { get; set; } = NewId();

    public string CellType { get; set; } = Code;

    public string Source { get; set; } = "";

    public JsonObject Metadata { get; set; } = [];

    /// <summary>Outputs of a code cell, in order (always empty for markdown and raw cells).</summary>
    public List<NotebookOutput> Outputs { get; } = [];

    /// <summary>Jupyter's execution_count of a code cell; null when it has not run.</summary>
    public int? ExecutionCount { get; set; }

    /// <summary>Attachments of a markdown or raw cell (images pasted into it), kept as they are.</summary>
    public JsonObject? Attachments { get; set; }

    public bool IsCode => CellType == Code;

    /// <summary>A cell id as Jupyter makes them: 8 to 64 characters of [a-zA-Z0-9-_].</summary>
    public static string NewId() => Guid.NewGuid().ToString("N")[..12];
}
