using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Notebooks.Format;

/// <summary>JSON helpers shared by the reader and the writer.</summary>
internal static class JsonText
{
    /// <summary>Jupyter's layout: indented, non-ASCII and markup characters written as they are.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonNode ParseOrString(string text)
    {
        try { return JsonNode.Parse(text) ?? JsonValue.Create(text); }
        catch (JsonException) { return JsonValue.Create(text); }
    }

    /// <summary>Text as nbformat stores it: a list of lines, each but the last ending in "\n".</summary>
    public static JsonArray Lines(string text)
    {
        var array = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            array.Add(text[start..end]);
            start = end;
        }
        return array;
    }
}
