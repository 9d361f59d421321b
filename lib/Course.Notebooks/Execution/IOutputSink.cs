namespace Course.Notebooks.Execution;

/// <summary>
/// Receives a cell's outputs in the order they happen; the shapes follow Jupyter's message types
/// (stream, display_data, update_display_data, execute_result, error), so the kernel forwards them
/// unchanged and the runner writes them into the .ipynb as nbformat 4 outputs.
/// </summary>
public interface IOutputSink
{
    /// <summary>Text written to Console.Out ("stdout") or Console.Error ("stderr").</summary>
    void Stream(string name, string text);

    /// <summary>A new display (display_data); <see cref="DisplayOutput.DisplayId"/> is set when it can be updated later.</summary>
    void Display(DisplayOutput output);

    /// <summary>New content for an earlier display with the same <see cref="DisplayOutput.DisplayId"/> (update_display_data).</summary>
    void UpdateDisplay(DisplayOutput output);

    /// <summary>The value of the cell's trailing expression (execute_result).</summary>
    void Result(DisplayOutput output, int executionCount);

    /// <summary>A compile error or an exception (error): its type name, message and traceback lines.</summary>
    void Error(string name, string value, IReadOnlyList<string> traceback);
}

/// <summary>
/// One rendered value: MIME type → content. Text formats carry their text; JSON formats (any MIME type
/// ending in "json") carry serialized JSON text, which writers embed as JSON, not as a string.
/// </summary>
public sealed record DisplayOutput(
    IReadOnlyDictionary<string, string> Data,
    IReadOnlyDictionary<string, string>? Metadata = null,
    string? DisplayId = null)
{
    public static bool IsJsonMimeType(string mimeType) => mimeType.EndsWith("json", StringComparison.Ordinal);
}
