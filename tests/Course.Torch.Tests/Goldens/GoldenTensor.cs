using System.Text.Json;
using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests.Goldens;

/// <summary>A tensor as the generator writes it: <c>{dtype, shape, data}</c> with data flat and row-major.</summary>
internal sealed class GoldenTensor
{
    private GoldenTensor(ScalarType dtype, long[] shape, JsonElement data, bool requiresGrad)
    {
        DType = dtype;
        Shape = shape;
        Data = data;
        RequiresGrad = requiresGrad;
    }

    public ScalarType DType { get; }

    public long[] Shape { get; }

    public JsonElement Data { get; }

    public bool RequiresGrad { get; }

    public static GoldenTensor Parse(JsonElement json)
    {
        var dtype = json.GetProperty("dtype").GetString() switch
        {
            "float32" => float32,
            "float64" => float64,
            "int64" => int64,
            "bool" => @bool,
            var other => throw new InvalidDataException($"golden tensor with unknown dtype '{other}'"),
        };
        var shape = json.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray();
        var requiresGrad = json.TryGetProperty("requires_grad", out var flag) && flag.GetBoolean();
        var data = json.TryGetProperty("pattern", out var pattern) ? Pattern(pattern.GetString(), dtype, shape) : json.GetProperty("data");
        return new GoldenTensor(dtype, shape, data, requiresGrad);
    }

    /// <summary>
    /// The generator's P() inputs, which the file describes instead of listing: element i is
    /// ((7919·i) mod 1999 − 999) / 1000, one correctly rounded division in the tensor's dtype, so both
    /// sides get the same bits.
    /// </summary>
    private static JsonElement Pattern(string? name, ScalarType dtype, long[] shape)
    {
        if (name != "modular") throw new InvalidDataException($"golden tensor with unknown pattern '{name}'");
        var numerators = Enumerable.Range(0, checked((int)shape.Aggregate(1L, (n, s) => n * s))).Select(i => 7919L * i % 1999 - 999);
        return dtype == ScalarType.Float32
            ? JsonSerializer.SerializeToElement(numerators.Select(v => (float)v / 1000f).ToArray())
            : JsonSerializer.SerializeToElement(numerators.Select(v => v / 1000.0).ToArray());
    }

    /// <summary>A golden tensor from a bare list of values whose dtype and shape the caller knows.</summary>
    public static GoldenTensor FromValues(ScalarType dtype, long[] shape, JsonElement values) => new(dtype, shape, values, requiresGrad: false);

    public static GoldenTensor? ParseOrNull(JsonElement json) => json.ValueKind == JsonValueKind.Null ? null : Parse(json);

    public static GoldenTensor[] ParseList(JsonElement json) => json.EnumerateArray().Select(Parse).ToArray();

    public static GoldenTensor?[] ParseListOrNull(JsonElement json) => json.EnumerateArray().Select(ParseOrNull).ToArray();

    /// <summary>A fresh engine tensor (a leaf) with these values, requiring grad as the generator's input did.</summary>
    public Tensor ToTensor()
    {
        var values = Data.EnumerateArray();
        var result = DType switch
        {
            ScalarType.Float32 => tensor(values.Select(v => v.GetSingle()).ToArray(), Shape),
            ScalarType.Float64 => tensor(values.Select(v => v.GetDouble()).ToArray(), Shape),
            ScalarType.Int64 => tensor(values.Select(v => v.GetInt64()).ToArray(), Shape),
            _ => tensor(values.Select(v => v.GetBoolean()).ToArray(), Shape),
        };
        return result.requires_grad_(RequiresGrad);
    }

    /// <summary>The values as doubles (float32 values parsed as float first, so they are exactly the stored floats).</summary>
    public double[] Values() => DType switch
    {
        ScalarType.Float32 => Data.EnumerateArray().Select(v => (double)v.GetSingle()).ToArray(),
        ScalarType.Bool => Data.EnumerateArray().Select(v => v.GetBoolean() ? 1.0 : 0.0).ToArray(),
        ScalarType.Int64 => Data.EnumerateArray().Select(v => (double)v.GetInt64()).ToArray(),
        _ => Data.EnumerateArray().Select(v => v.GetDouble()).ToArray(),
    };
}
