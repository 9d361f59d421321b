using System.Text.Json.Nodes;
using Course.Notebooks.Execution;

namespace Course.Notebooks.Format;

/// <summary>
/// One output of a code cell, one of nbformat's output types: stream, display_data, execute_result, error
/// (update_display_data never reaches a file: it changes an earlier display_data in place).
/// </summary>
public sealed class NotebookOutput
{
    public const string StreamType = "stream";
    public const string DisplayDataType = "display_data";
    public const string ExecuteResultType = "execute_result";
    public const string ErrorType = "error";

    public required string OutputType { get; init; }

    /// <summary>stream: "stdout" or "stderr".</summary>
    public string? Name { get; init; }

    /// <summary>stream: the text; grows as more text arrives.</summary>
    public string? Text { get; set; }

    /// <summary>display_data and execute_result: MIME type → content (JSON types as serialized JSON).</summary>
    public IReadOnlyDictionary<string, string>? Data { get; set; }

    /// <summary>display_data and execute_result: metadata per output (e.g. image sizes), as in the file.</summary>
    public JsonObject? OutputMetadata { get; set; }

    /// <summary>execute_result: the cell's execution count.</summary>
    public int? ExecutionCount { get; init; }

    /// <summary>display_data: the id that later updates refer to; kept in memory only, as Jupyter does.</summary>
    public string? DisplayId { get; init; }

    public string? Ename { get; init; }

    public string? Evalue { get; init; }

    public IReadOnlyList<string>? Traceback { get; init; }

    public static NotebookOutput Stream(string name, string text) => new() { OutputType = StreamType, Name = name, Text = text };

    public static NotebookOutput Display(DisplayOutput output) => new()
    {
        OutputType = DisplayDataType,
        Data = output.Data,
        OutputMetadata = MetadataOf(output),
        DisplayId = output.DisplayId,
    };

    public static NotebookOutput Result(DisplayOutput output, int executionCount) => new()
    {
        OutputType = ExecuteResultType,
        Data = output.Data,
        OutputMetadata = MetadataOf(output),
        ExecutionCount = executionCount,
    };

    public static NotebookOutput Error(string name, string value, IReadOnlyList<string> traceback) =>
        new() { OutputType = ErrorType, Ename = name, Evalue = value, Traceback = traceback };

    /// <summary>Per-MIME-type metadata; values that are JSON text are kept as JSON.</summary>
    private static JsonObject MetadataOf(DisplayOutput output)
    {
        var metadata = new JsonObject();
        foreach (var (key, value) in output.Metadata ?? new Dictionary<string, string>())
            metadata[key] = JsonText.ParseOrString(value);
        return metadata;
    }
}
