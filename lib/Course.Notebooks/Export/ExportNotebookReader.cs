using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Notebooks.Export;

/// <summary>
/// Reads the parts of an nbformat 4 notebook that the HTML export shows. Anything it cannot make sense
/// of is a <see cref="NotebookExportException"/> naming the file and the place, never a crash deeper in.
/// </summary>
internal static class ExportNotebookReader
{
    public static ExportNotebook Read(string path)
    {
        string fileName = Path.GetFileName(path);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new NotebookExportException(path, $"{fileName} is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {FirstSentence(e.Message)}");
        }

        if (root is not JsonObject notebook)
            throw new NotebookExportException(path, $"{fileName}: a notebook is a JSON object, this file holds {Describe(root)}");

        if (notebook["nbformat"] is not JsonValue formatValue || !formatValue.TryGetValue(out int format))
            throw new NotebookExportException(path, $"{fileName}: no \"nbformat\" version number; is it a Jupyter notebook?");
        if (format != 4)
            throw new NotebookExportException(path, $"{fileName}: nbformat {format} is not supported; convert it to version 4 (jupyter nbconvert --to notebook)");

        if (notebook["cells"] is not JsonArray cellArray)
            throw new NotebookExportException(path, $"{fileName}: \"cells\" is missing or not a list");

        string notebookLanguage = OptionalString(At(notebook, "metadata", "language_info", "name"))
                                  ?? OptionalString(At(notebook, "metadata", "kernelspec", "language"))
                                  ?? "csharp";
        var cells = new List<ExportCell>(cellArray.Count);
        for (int i = 0; i < cellArray.Count; i++)
        {
            try
            {
                cells.Add(ReadCell(cellArray[i], notebookLanguage));
            }
            catch (FormatException e)
            {
                throw new NotebookExportException(path, $"{fileName}: cell {i + 1}: {e.Message}");
            }
        }

        return new ExportNotebook(cells, ExecutionTime(notebook, cellArray));
    }

    private static ExportCell ReadCell(JsonNode? node, string notebookLanguage)
    {
        if (node is not JsonObject cell)
            throw new FormatException($"a cell is a JSON object, found {Describe(node)}");
        string type = cell["cell_type"] is JsonValue typeValue && typeValue.TryGetValue(out string? t) ? t : throw new FormatException("\"cell_type\" is missing");
        string source = MultilineText(cell["source"], "source");
        switch (type)
        {
            case "markdown":
                return new ExportCell(ExportCellKind.Markdown, source, "markdown", null, []);
            case "raw":
                return new ExportCell(ExportCellKind.Raw, source, "", null, []);
            case "code":
                var outputs = new List<ExportOutput>();
                if (cell["outputs"] is JsonArray outputArray)
                {
                    for (int i = 0; i < outputArray.Count; i++)
                    {
                        try
                        {
                            outputs.Add(ReadOutput(outputArray[i]));
                        }
                        catch (FormatException e)
                        {
                            throw new FormatException($"output {i + 1}: {e.Message}");
                        }
                    }
                }
                else if (cell["outputs"] is not null)
                {
                    throw new FormatException("\"outputs\" is not a list");
                }

                // .NET Interactive and Polyglot Notebooks record each cell's language in its metadata.
                string language = OptionalString(At(cell, "metadata", "dotnet_interactive", "language"))
                                  ?? OptionalString(At(cell, "metadata", "polyglot_notebook", "kernelName"))
                                  ?? notebookLanguage;
                return new ExportCell(ExportCellKind.Code, source, language, OptionalInt(cell["execution_count"]), outputs);
            default:
                throw new FormatException($"unknown cell_type \"{type}\" (expected markdown, code or raw)");
        }
    }

    private static ExportOutput ReadOutput(JsonNode? node)
    {
        if (node is not JsonObject output)
            throw new FormatException($"an output is a JSON object, found {Describe(node)}");
        string type = output["output_type"] is JsonValue v && v.TryGetValue(out string? s) ? s : throw new FormatException("\"output_type\" is missing");
        switch (type)
        {
            case "stream":
                string name = output["name"] is JsonValue n && n.TryGetValue(out string? streamName) ? streamName : "stdout";
                return new StreamExportOutput(name, MultilineText(output["text"], "text"));
            case "display_data":
            case "update_display_data":
            case "execute_result":
                return ReadRichOutput(output);
            case "error":
                var traceback = new List<string>();
                if (output["traceback"] is JsonArray lines)
                    traceback.AddRange(lines.Select(line => line is JsonValue lv && lv.TryGetValue(out string? l) ? l : ""));
                return new ErrorExportOutput(OptionalString(output["ename"]) ?? "Error", OptionalString(output["evalue"]) ?? "", traceback);
            default:
                throw new FormatException($"unknown output_type \"{type}\"");
        }
    }

    private static RichExportOutput ReadRichOutput(JsonObject output)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        if (output["data"] is JsonObject bundle)
        {
            foreach (var (mimeType, content) in bundle)
            {
                // JSON MIME types hold JSON; text types hold a string or a list of lines.
                data[mimeType] = content is JsonValue or JsonArray && !mimeType.EndsWith("json", StringComparison.Ordinal)
                    ? MultilineText(content, mimeType)
                    : content?.ToJsonString() ?? "null";
            }
        }

        var sizes = new Dictionary<string, (int?, int?)>(StringComparer.Ordinal);
        if (output["metadata"] is JsonObject metadata)
        {
            foreach (var (mimeType, entry) in metadata)
            {
                if (entry is JsonObject size)
                    sizes[mimeType] = (OptionalInt(size["width"]), OptionalInt(size["height"]));
            }
        }

        return new RichExportOutput(data, sizes, OptionalInt(output["execution_count"]));
    }

    /// <summary>
    /// How long the notebook took to run: papermill's recorded duration, or else the span from the first
    /// cell's start to the last cell's reply that nbclient (and our runner) write into each cell's metadata.
    /// </summary>
    private static TimeSpan? ExecutionTime(JsonObject notebook, JsonArray cells)
    {
        if (At(notebook, "metadata", "papermill", "duration") is JsonValue duration && duration.TryGetValue(out double seconds) && seconds >= 0)
            return TimeSpan.FromSeconds(seconds);

        DateTimeOffset? first = null, last = null;
        foreach (var cell in cells.OfType<JsonObject>())
        {
            if (At(cell, "metadata", "execution") is not JsonObject execution)
                continue;
            if (first is null && Timestamp(execution["iopub.execute_input"]) is { } start)
                first = start;
            if (Timestamp(execution["shell.execute_reply"]) is { } end)
                last = end;
        }

        return first is { } from && last is { } to && to >= from ? to - from : null;
    }

    private static DateTimeOffset? Timestamp(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue(out string? text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null;

    /// <summary>nbformat stores text either as one string or as a list of lines to concatenate.</summary>
    private static string MultilineText(JsonNode? node, string field) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue(out string? text) => text,
        JsonArray lines => string.Concat(lines.Select(line =>
            line is JsonValue lv && lv.TryGetValue(out string? l) ? l : throw new FormatException($"\"{field}\" holds {Describe(line)} where a line of text belongs"))),
        _ => throw new FormatException($"\"{field}\" is {Describe(node)}, expected text or a list of lines"),
    };

    /// <summary>The node at a path of object keys, or null where any step is missing or not an object.</summary>
    private static JsonNode? At(JsonNode? node, params ReadOnlySpan<string> keys)
    {
        foreach (string key in keys)
            node = node is JsonObject o ? o[key] : null;
        return node;
    }

    private static int? OptionalInt(JsonNode? node) => node is JsonValue v && v.TryGetValue(out int i) ? i : null;

    private static string? OptionalString(JsonNode? node) => node is JsonValue v && v.TryGetValue(out string? s) ? s : null;

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "a list",
        JsonObject => "an object",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            _ => "true/false",
        },
    };

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
