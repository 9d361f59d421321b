using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Notebooks.Execution;

namespace Course.Notebooks.Format;

/// <summary>
/// Reads nbformat 4 notebooks (4.0 to 4.5; ids are given to cells of older minor versions). Anything else gets
/// a <see cref="NotebookFormatException"/> that names the file and the problem.
/// </summary>
public static class NotebookReader
{
    public static Notebook ReadFile(string path)
    {
        try
        {
            return Read(File.ReadAllText(path), path);
        }
        catch (IOException e)
        {
            throw new NotebookFormatException($"{path}: cannot be read: {e.Message}", e);
        }
    }

    public static Notebook Read(string json, string source = "notebook")
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException($"{source}: is not valid JSON ({e.Message})", e);
        }
        if (root is not JsonObject top) throw new NotebookFormatException($"{source}: a notebook is a JSON object, this is {Kind(root)}.");

        var major = Integer(top, "nbformat", source) ?? throw new NotebookFormatException($"{source}: has no \"nbformat\" version.");
        if (major != Notebook.FormatMajor)
            throw new NotebookFormatException($"{source}: is nbformat {major}; only nbformat 4 notebooks can be read (open and save it in Jupyter to convert it).");
        var notebook = new Notebook
        {
            NbformatMinor = Integer(top, "nbformat_minor", source) ?? 0,
            Metadata = top["metadata"] is JsonObject metadata ? (JsonObject)metadata.DeepClone() : [],
        };
        if (top["cells"] is not JsonArray cells) throw new NotebookFormatException($"{source}: has no \"cells\" list.");
        var ids = new HashSet<string>();
        for (var i = 0; i < cells.Count; i++)
        {
            var where = $"{source}: cell {i + 1}";
            if (cells[i] is not JsonObject cell) throw new NotebookFormatException($"{where} is not a JSON object.");
            var parsed = ReadCell(cell, where);
            // Duplicate or missing ids (older files, copy-paste) get fresh ones; nbformat 4.5 requires unique ids.
            if (!ids.Add(parsed.Id)) parsed.Id = NotebookCell.NewId();
            notebook.Cells.Add(parsed);
        }
        notebook.NbformatMinor = Notebook.FormatMinor;
        return notebook;
    }

    private static NotebookCell ReadCell(JsonObject cell, string where)
    {
        var type = cell["cell_type"] is JsonValue value && value.TryGetValue<string>(out var t) ? t
            : throw new NotebookFormatException($"{where} has no \"cell_type\".");
        if (type is not (NotebookCell.Code or NotebookCell.Markdown or NotebookCell.Raw))
            throw new NotebookFormatException($"{where} has cell_type \"{type}\"; expected code, markdown or raw.");
        var result = new NotebookCell
        {
            CellType = type,
            Source = MultilineText(cell["source"], $"{where} \"source\"") ?? throw new NotebookFormatException($"{where} has no \"source\"."),
            Metadata = cell["metadata"] is JsonObject metadata ? (JsonObject)metadata.DeepClone() : [],
            Attachments = cell["attachments"] is JsonObject attachments ? (JsonObject)attachments.DeepClone() : null,
        };
        if (cell["id"] is JsonValue id && id.TryGetValue<string>(out var idText) && idText.Length > 0) result.Id = idText;
        if (type != NotebookCell.Code) return result;
        result.ExecutionCount = Integer(cell, "execution_count", where);
        if (cell["outputs"] is JsonArray outputs)
        {
            for (var i = 0; i < outputs.Count; i++)
                result.Outputs.Add(ReadOutput(outputs[i] as JsonObject ?? throw new NotebookFormatException($"{where} output {i + 1} is not a JSON object."),
                    $"{where} output {i + 1}"));
        }
        return result;
    }

    private static NotebookOutput ReadOutput(JsonObject output, string where)
    {
        var type = output["output_type"] is JsonValue v && v.TryGetValue<string>(out var t) ? t
            : throw new NotebookFormatException($"{where} has no \"output_type\".");
        return type switch
        {
            NotebookOutput.StreamType => NotebookOutput.Stream(
                output["name"]?.GetValue<string>() ?? "stdout", MultilineText(output["text"], where) ?? ""),
            NotebookOutput.DisplayDataType => new NotebookOutput
            {
                OutputType = type, Data = MimeBundle(output["data"], where),
                OutputMetadata = output["metadata"] as JsonObject is { } m ? (JsonObject)m.DeepClone() : [],
            },
            NotebookOutput.ExecuteResultType => new NotebookOutput
            {
                OutputType = type, Data = MimeBundle(output["data"], where),
                OutputMetadata = output["metadata"] as JsonObject is { } m ? (JsonObject)m.DeepClone() : [],
                ExecutionCount = Integer(output, "execution_count", where),
            },
            NotebookOutput.ErrorType => NotebookOutput.Error(
                output["ename"]?.ToString() ?? "", output["evalue"]?.ToString() ?? "",
                output["traceback"] is JsonArray lines ? lines.Select(l => l?.ToString() ?? "").ToList() : []),
            _ => throw new NotebookFormatException($"{where} has output_type \"{type}\"; expected stream, display_data, execute_result or error."),
        };
    }

    private static Dictionary<string, string> MimeBundle(JsonNode? data, string where)
    {
        var bundle = new Dictionary<string, string>();
        if (data is null) return bundle;
        if (data is not JsonObject mimeBundle) throw new NotebookFormatException($"{where} \"data\" is not a JSON object.");
        foreach (var (mimeType, content) in mimeBundle)
        {
            bundle[mimeType] = DisplayOutput.IsJsonMimeType(mimeType)
                ? content?.ToJsonString() ?? "null"
                : MultilineText(content, $"{where} {mimeType}") ?? "";
        }
        return bundle;
    }

    /// <summary>nbformat's multiline string: one string, or a list of strings to concatenate.</summary>
    private static string? MultilineText(JsonNode? node, string where) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonArray lines => string.Concat(lines.Select(l => l is JsonValue line && line.TryGetValue<string>(out var s) ? s
            : throw new NotebookFormatException($"{where} must be a string or a list of strings."))),
        _ => throw new NotebookFormatException($"{where} must be a string or a list of strings, not {Kind(node)}."),
    };

    private static int? Integer(JsonObject node, string name, string where) => node[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<int>(out var number) => number,
        JsonValue value when value.TryGetValue<double>(out var real) && real == Math.Floor(real) => (int)real,
        var other => throw new NotebookFormatException($"{where}: \"{name}\" must be an integer, not {Kind(other)}."),
    };

    private static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "a list",
        JsonObject => "an object",
        _ => $"the value {node.ToJsonString()}",
    };
}
