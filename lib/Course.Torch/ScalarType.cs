namespace Course.Torch;

public static partial class torch
{
    /// <summary>
    /// The element types the engine supports. The numeric values are PyTorch's (c10::ScalarType)
    /// and TorchSharp's codes; they are written into saved state_dict files, so they must not change.
    /// </summary>
    public enum ScalarType : sbyte
    {
        Int64 = 4,
        Float32 = 6,
        Float64 = 7,
        Bool = 11,
    }

    public const ScalarType float32 = ScalarType.Float32;
    public const ScalarType float64 = ScalarType.Float64;
    public const ScalarType int64 = ScalarType.Int64;
    public const ScalarType @bool = ScalarType.Bool;
    public const ScalarType @float = ScalarType.Float32;
    public const ScalarType @double = ScalarType.Float64;
    public const ScalarType @long = ScalarType.Int64;

    /// <summary>The dtype that factory functions use when none is given (PyTorch: float32).</summary>
    private static ScalarType default_dtype = ScalarType.Float32;

    public static ScalarType get_default_dtype() => default_dtype;

    public static void set_default_dtype(ScalarType dtype)
    {
        if (!is_floating_point(dtype))
            throw new ArgumentException($"set_default_dtype: only floating-point types can be the default, not {dtype}.");
        default_dtype = dtype;
    }

    public static bool is_floating_point(ScalarType dtype) => dtype is ScalarType.Float32 or ScalarType.Float64;

    /// <summary>Size of one element in bytes, as stored in memory and in saved files.</summary>
    public static int element_size(ScalarType dtype) => dtype switch
    {
        ScalarType.Float32 => sizeof(float),
        ScalarType.Float64 => sizeof(double),
        ScalarType.Int64 => sizeof(long),
        ScalarType.Bool => sizeof(bool),
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "unsupported dtype"),
    };

    /// <summary>
    /// Type promotion for binary ops, PyTorch's rule restricted to our four types:
    /// bool &lt; int64 &lt; float32 &lt; float64.
    /// </summary>
    public static ScalarType promote_types(ScalarType a, ScalarType b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(ScalarType t) => t switch
    {
        ScalarType.Bool => 0,
        ScalarType.Int64 => 1,
        ScalarType.Float32 => 2,
        ScalarType.Float64 => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(t), t, "unsupported dtype"),
    };

    /// <summary>Maps a CLR element type to its dtype, for <c>tensor(float[])</c>, <c>item&lt;T&gt;()</c> and friends.</summary>
    internal static ScalarType ScalarTypeOf<T>() =>
        typeof(T) == typeof(float) ? ScalarType.Float32 :
        typeof(T) == typeof(double) ? ScalarType.Float64 :
        typeof(T) == typeof(long) ? ScalarType.Int64 :
        typeof(T) == typeof(bool) ? ScalarType.Bool :
        throw new NotSupportedException($"Element type {typeof(T).Name} is not supported; use float, double, long or bool.");
}
