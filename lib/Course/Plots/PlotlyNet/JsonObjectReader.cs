using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Plots.PlotlyNet;

/// <summary>
/// Reads the properties of one plotly JSON object and remembers which it read, so that <see cref="Finish"/> can
/// name the rest: what the course's renderer does not draw must show in the output, not vanish. A property
/// whose value has an unexpected shape counts as not drawn, under its path (<c>layout.xaxis.range</c>).
/// </summary>
internal sealed class JsonObjectReader(JsonObject json, string path, NotDrawn notDrawn)
{
    private readonly HashSet<string> read = [];

    /// <summary>Where this object is in the figure (<c>layout.xaxis</c>).</summary>
    public string Path => path;

    public NotDrawn NotDrawn => notDrawn;

    public IEnumerable<string> Keys => json.Select(p => p.Key);

    /// <summary>Where a property of this object is: <c>layout.xaxis</c>; at the figure's top, just its key.</summary>
    public string PathOf(string key) => path.Length == 0 ? key : $"{path}.{key}";

    /// <summary>The value, marked as read (also when absent).</summary>
    public JsonNode? Node(string key)
    {
        read.Add(key);
        return json[key];
    }

    public string? String(string key) => Scalar(key, JsonValueKind.String, e => e.GetString());

    public double? Number(string key) => Scalar<double?>(key, JsonValueKind.Number, e => e.GetDouble());

    public int? Integer(string key) => Scalar<int?>(key, JsonValueKind.Number, e => e.TryGetInt32(out var i) ? i : null);

    public bool? Bool(string key) => Node(key) switch
    {
        null => null,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        _ => Unexpected<bool?>(key, null),
    };

    /// <summary>A nested object's reader; null when absent or not an object (then named as not drawn).</summary>
    public JsonObjectReader? Object(string key) => Node(key) switch
    {
        null => null,
        JsonObject o => new JsonObjectReader(o, PathOf(key), notDrawn),
        _ => Unexpected<JsonObjectReader?>(key, null),
    };

    /// <summary>
    /// A column of trace data: numbers (null for a gap) or, when any value is text, labels. Arrays of arrays
    /// (plotly's multi-level categories) are not drawn, and dates are named: they are drawn as categories.
    /// </summary>
    public DataArray? Data(string key)
    {
        if (Node(key) is not { } node) return null;
        if (node is not JsonArray items || items.Any(i => i is JsonArray or JsonObject)) return Unexpected<DataArray?>(key, null);
        if (items.Any(i => i?.GetValueKind() == JsonValueKind.String))
        {
            var labels = DataArray.FromLabels(items.Select(Label));
            // plotly.js puts dates on a time axis; the renderer has none and spaces them as categories.
            if (Enumerable.Range(0, labels.Count).All(i => IsDate(labels.LabelAt(i))))
                notDrawn.Add($"{PathOf(key)} (dates, drawn as categories)");
            return labels;
        }
        if (items.Any(i => i is not null && i.GetValueKind() != JsonValueKind.Number)) return Unexpected<DataArray?>(key, null);
        return DataArray.FromNumbers(items.Select(i => i?.GetValue<double>() ?? double.NaN));
    }

    /// <summary>A grid of numbers (a heatmap's z): rows of numbers, null for a missing cell.</summary>
    public double[][]? Grid(string key)
    {
        if (Node(key) is not { } node) return null;
        if (node is JsonArray rows && rows.All(r => r is JsonArray row && row.All(c => c is null || c.GetValueKind() == JsonValueKind.Number)))
            return [.. rows.Select(r => r!.AsArray().Select(c => c?.GetValue<double>() ?? double.NaN).ToArray())];
        return Unexpected<double[][]?>(key, null);
    }

    /// <summary>Marks the property as not drawn (it is there, but the renderer cannot draw it as given).</summary>
    public T Unexpected<T>(string key, T fallback)
    {
        read.Add(key);
        notDrawn.Add(PathOf(key));
        return fallback;
    }

    /// <summary>Names every property not read whose value holds something (empty objects and arrays set nothing).</summary>
    public void Finish()
    {
        foreach (var (key, value) in json)
            if (!read.Contains(key) && !IsEmpty(value)) notDrawn.Add(PathOf(key));
    }

    private static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonObject o => o.All(p => IsEmpty(p.Value)),
        JsonArray a => a.Count == 0,
        _ => false,
    };

    private T? Scalar<T>(string key, JsonValueKind kind, Func<JsonElement, T> get)
    {
        if (Node(key) is not { } node) return default;
        if (node is JsonValue value && value.GetValueKind() == kind && get(value.GetValue<JsonElement>()) is { } result) return result;
        return Unexpected<T?>(key, default);
    }

    /// <summary>A date as plotly writes one: year first (2026-12-07, with a time or not).</summary>
    private static bool IsDate(string text) =>
        text.Length >= 10 && char.IsAsciiDigit(text[0]) && text[4] == '-' && text[7] == '-'
        && DateTime.TryParse(text, CultureInfo.InvariantCulture, out _);

    private static string Label(JsonNode? item) => item switch
    {
        null => "",
        _ when item.GetValueKind() == JsonValueKind.Number => item.GetValue<double>().ToString("R", CultureInfo.InvariantCulture),
        _ when item.GetValueKind() == JsonValueKind.String => item.GetValue<string>(),
        _ => item.ToJsonString(),
    };
}
