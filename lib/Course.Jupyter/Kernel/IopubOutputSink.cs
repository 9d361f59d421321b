using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Notebooks.Execution;

namespace Course.Jupyter.Kernel;

/// <summary>
/// Forwards one cell's outputs to iopub as Jupyter messages whose parent is the execute_request. A silent
/// execution publishes nothing. The last error is remembered for the execute_reply. Input the cell asks for
/// goes to <paramref name="readLine"/> (the stdin channel).
/// </summary>
internal sealed class IopubOutputSink(Action<string, JsonObject> publish, int executionCount, bool silent, Func<string, CancellationToken, string> readLine)
    : IOutputSink, IInputSource
{
    public (string Name, string Value, IReadOnlyList<string> Traceback)? LastError { get; private set; }

    public void Stream(string name, string text) =>
        Publish("stream", new JsonObject { ["name"] = name, ["text"] = text });

    public void Display(DisplayOutput output) => Publish("display_data", DisplayContent(output));

    public void UpdateDisplay(DisplayOutput output)
    {
        // update_display_data without a display_id cannot be matched to anything by front ends.
        if (output.DisplayId is null) Display(output);
        else Publish("update_display_data", DisplayContent(output));
    }

    /// <summary>The kernel's own count is used: it follows store_history, which the session does not know about.</summary>
    public void Result(DisplayOutput output, int sessionExecutionCount)
    {
        var content = DisplayContent(output);
        content.Remove("transient");
        content["execution_count"] = executionCount;
        Publish("execute_result", content);
    }

    public void Error(string name, string value, IReadOnlyList<string> traceback)
    {
        LastError = (name, value, traceback);
        Publish("error", ErrorContent(name, value, traceback));
    }

    public string ReadLine(string prompt, CancellationToken cancellationToken) => readLine(prompt, cancellationToken);

    public static JsonObject ErrorContent(string name, string value, IReadOnlyList<string> traceback) => new()
    {
        ["ename"] = name,
        ["evalue"] = value,
        ["traceback"] = new JsonArray(traceback.Select(line => (JsonNode?)JsonValue.Create(line)).ToArray()),
    };

    private void Publish(string messageType, JsonObject content)
    {
        if (!silent) publish(messageType, content);
    }

    internal static JsonObject DisplayContent(DisplayOutput output)
    {
        var data = new JsonObject();
        foreach (var (mimeType, value) in output.Data)
            data[mimeType] = DisplayOutput.IsJsonMimeType(mimeType) ? ParseJsonOrText(value) : JsonValue.Create(value);
        var metadata = new JsonObject();
        if (output.Metadata is not null)
            foreach (var (key, value) in output.Metadata) metadata[key] = ParseJsonOrText(value);
        var content = new JsonObject { ["data"] = data, ["metadata"] = metadata };
        if (output.DisplayId is not null) content["transient"] = new JsonObject { ["display_id"] = output.DisplayId };
        return content;
    }

    /// <summary>JSON text is embedded as JSON; anything else (a bad JSON payload, a plain metadata string) as a string.</summary>
    private static JsonNode? ParseJsonOrText(string value)
    {
        try
        {
            return JsonNode.Parse(value) ?? JsonValue.Create(value);
        }
        catch (JsonException)
        {
            return JsonValue.Create(value);
        }
    }
}
