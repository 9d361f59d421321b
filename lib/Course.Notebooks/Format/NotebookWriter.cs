using System.Text.Json.Nodes;
using Course.Notebooks.Execution;

namespace Course.Notebooks.Format;

/// <summary>
/// Writes nbformat 4.5 as Jupyter does (2-space indent, keys in alphabetical order, text as lists of lines),
/// adding the C# kernel metadata a notebook without it lacks: a kernelspec named ".net-csharp" (old Polyglot
/// Notebooks installs recognise it) and the per-cell dotnet_interactive/polyglot_notebook language.
/// </summary>
public static class NotebookWriter
{
    public const string KernelName = ".net-csharp";
    public const string KernelDisplayName = ".NET (C#)";

    public static void WriteFile(Notebook notebook, string path)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder) Directory.CreateDirectory(folder);
        File.WriteAllText(path, Write(notebook));
    }

    public static string Write(Notebook notebook)
    {
        var root = new JsonObject
        {
            ["cells"] = new JsonArray([.. notebook.Cells.Select(CellJson)]),
            ["metadata"] = NotebookMetadata(notebook.Metadata),
            ["nbformat"] = Notebook.FormatMajor,
            ["nbformat_minor"] = Notebook.FormatMinor,
        };
        return root.ToJsonString(JsonText.Options) + "\n";
    }

    private static JsonObject NotebookMetadata(JsonObject metadata)
    {
        var result = Sorted(metadata);
        result["kernelspec"] ??= new JsonObject { ["display_name"] = KernelDisplayName, ["language"] = "C#", ["name"] = KernelName };
        result["language_info"] ??= new JsonObject
        {
            ["file_extension"] = ".cs", ["mimetype"] = "text/x-csharp", ["name"] = "C#", ["pygments_lexer"] = "csharp",
        };
        result["polyglot_notebook"] ??= new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = "csharp",
                ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" }),
            },
        };
        return Sorted(result);
    }

    private static JsonObject CellJson(NotebookCell cell)
    {
        var json = new JsonObject
        {
            ["cell_type"] = cell.CellType,
            ["id"] = cell.Id,
            ["metadata"] = cell.IsCode ? CodeCellMetadata(cell.Metadata) : Sorted(cell.Metadata),
            ["source"] = JsonText.Lines(cell.Source),
        };
        if (cell.Attachments is not null) json["attachments"] = cell.Attachments.DeepClone();
        if (cell.IsCode)
        {
            json["execution_count"] = cell.ExecutionCount;
            json["outputs"] = new JsonArray([.. cell.Outputs.Select(OutputJson)]);
        }
        return Sorted(json);
    }

    private static JsonObject CodeCellMetadata(JsonObject metadata)
    {
        var result = Sorted(metadata);
        if (result["dotnet_interactive"] is not JsonObject dotnet) result["dotnet_interactive"] = dotnet = [];
        dotnet["language"] ??= "csharp";
        if (result["polyglot_notebook"] is not JsonObject polyglot) result["polyglot_notebook"] = polyglot = [];
        polyglot["kernelName"] ??= "csharp";
        return Sorted(result);
    }

    private static JsonObject OutputJson(NotebookOutput output)
    {
        var json = new JsonObject { ["output_type"] = output.OutputType };
        switch (output.OutputType)
        {
            case NotebookOutput.StreamType:
                json["name"] = output.Name;
                json["text"] = JsonText.Lines(output.Text ?? "");
                break;
            case NotebookOutput.ErrorType:
                json["ename"] = output.Ename;
                json["evalue"] = output.Evalue;
                json["traceback"] = new JsonArray([.. (output.Traceback ?? []).Select(l => (JsonNode?)l)]);
                break;
            default:
                json["data"] = MimeBundle(output.Data ?? new Dictionary<string, string>());
                json["metadata"] = output.OutputMetadata?.DeepClone() ?? new JsonObject();
                if (output.OutputType == NotebookOutput.ExecuteResultType) json["execution_count"] = output.ExecutionCount;
                break;
        }
        return Sorted(json);
    }

    private static JsonObject MimeBundle(IReadOnlyDictionary<string, string> data)
    {
        var bundle = new JsonObject();
        foreach (var (mimeType, content) in data.OrderBy(d => d.Key, StringComparer.Ordinal))
            bundle[mimeType] = DisplayOutput.IsJsonMimeType(mimeType) ? JsonText.ParseOrString(content) : JsonText.Lines(content);
        return bundle;
    }

    private static JsonObject Sorted(JsonObject node)
    {
        var sorted = new JsonObject();
        foreach (var (key, value) in node.OrderBy(p => p.Key, StringComparer.Ordinal)) sorted[key] = value?.DeepClone();
        return sorted;
    }
}
