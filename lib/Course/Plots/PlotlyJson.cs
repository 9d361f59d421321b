using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Course.Plots;

/// <summary>
/// Writes figures as plotly.js JSON: lower-case property names (<c>showlegend</c>, <c>nbinsx</c>),
/// unset properties left out, NaN and infinities as <c>null</c> (plotly's gaps), traces by their
/// own type, axes under their layout keys (<c>xaxis</c>, <c>yaxis2</c>).
/// </summary>
public static class PlotlyJson
{
    /// <summary>The MIME type of a plotly figure in Jupyter outputs.</summary>
    public const string MimeType = "application/vnd.plotly.v1+json";

    public static readonly JsonSerializerOptions Options = CreateOptions(withLayoutConverter: true);

    /// <summary>The same options without the layout converter, which uses them to write a layout's ordinary properties.</summary>
    private static readonly JsonSerializerOptions LayoutBodyOptions = CreateOptions(withLayoutConverter: false);

    private static JsonSerializerOptions CreateOptions(bool withLayoutConverter)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = new LowerCaseNamingPolicy(),
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Titles may hold any text; the JSON goes into notebooks, not into HTML, so '<' stays readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Converters = { new FiniteDoubleConverter(), new DataArrayConverter(), new TraceConverter() },
        };
        if (withLayoutConverter) options.Converters.Add(new LayoutConverter());
        return options;
    }

    private sealed class LowerCaseNamingPolicy : JsonNamingPolicy
    {
        public override string ConvertName(string name) => name.ToLowerInvariant();
    }

    /// <summary>NaN and infinities are not JSON; plotly reads null as a missing value.</summary>
    private sealed class FiniteDoubleConverter : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => WriteNumber(writer, value);
    }

    /// <summary>
    /// A finite number in its shortest form, null otherwise. A double that a float32 holds exactly was almost
    /// always a float32 (a loss, a tensor value) widened on its way here: it is written with float32's
    /// shortest digits, 0.1 rather than 0.10000000149011612, which keeps figures with many points small.
    /// </summary>
    private static void WriteNumber(Utf8JsonWriter writer, double value)
    {
        if (!double.IsFinite(value)) writer.WriteNullValue();
        else if ((float)value == value) writer.WriteNumberValue((float)value);
        else writer.WriteNumberValue(value);
    }

    private sealed class DataArrayConverter : JsonConverter<DataArray>
    {
        public override DataArray Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Figures are written to plotly JSON, not read from it.");

        public override void Write(Utf8JsonWriter writer, DataArray value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            if (value.Labels is { } labels)
                foreach (var label in labels) writer.WriteStringValue(label);
            else
                foreach (var number in value.Numbers!)
                    WriteNumber(writer, number);
            writer.WriteEndArray();
        }
    }

    /// <summary>A list of traces holds scatters, bars, ...: each is written with its own properties.</summary>
    private sealed class TraceConverter : JsonConverter<Trace>
    {
        public override Trace Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Figures are written to plotly JSON, not read from it.");

        public override void Write(Utf8JsonWriter writer, Trace value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, value.GetType(), options);
    }

    /// <summary>Adds the numbered axes, which are not properties, after the layout's ordinary properties.</summary>
    private sealed class LayoutConverter : JsonConverter<Layout>
    {
        public override Layout Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Figures are written to plotly JSON, not read from it.");

        public override void Write(Utf8JsonWriter writer, Layout value, JsonSerializerOptions options)
        {
            var body = (JsonObject)JsonSerializer.SerializeToNode(value, LayoutBodyOptions)!;
            foreach (var (key, axis) in value.ConfiguredAxes())
                body[key] = JsonSerializer.SerializeToNode(axis, LayoutBodyOptions);
            body.WriteTo(writer, options);
        }
    }
}
