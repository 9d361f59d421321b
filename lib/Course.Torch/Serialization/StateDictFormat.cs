using System.Runtime.InteropServices;
using System.Text;
using static Course.Torch.torch;

namespace Course.Torch.Serialization;

/// <summary>
/// Reads and writes a state dict (name → tensor) in TorchSharp's file format, the one that
/// <c>Module.save</c>/<c>Module.load</c> use in TorchSharp and that TorchSharp's <c>exportsd.py</c>
/// writes from PyTorch, so trained weights move between this engine, TorchSharp and PyTorch.
/// <para>Layout (every number is an unsigned LEB128, see <see cref="Leb128"/>):</para>
/// <code>
/// file  = count, entry × count
/// entry = key length in bytes, key (UTF-8),
///         dtype code (PyTorch's ScalarType: 4 int64, 6 float32, 7 float64, 11 bool),
///         rank, size × rank,
///         the elements in row-major order, raw little-endian (bool: one byte, 0 or 1)
/// </code>
/// Example: {"b": float32 tensor [1.5]} is
/// <c>01 | 01 62 | 06 | 01 01 | 00 00 C0 3F</c>.
/// (exportsd.py writes the key's length in characters, which is its length in bytes for the ASCII
/// names PyTorch modules have.)
/// <para>
/// The reader trusts nothing in the file: every length is checked against the bytes actually left
/// before anything is allocated, so a damaged or hostile file gives an <see cref="InvalidDataException"/>
/// that says where it went wrong, never an absurd allocation.
/// </para>
/// </summary>
public static class StateDictFormat
{
    /// <summary>More dimensions than any real tensor has; a larger rank means a damaged file.</summary>
    public const int MaxRank = 16;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Writes <paramref name="entries"/> in their order. The stream is left open.</summary>
    public static void Write(Stream stream, IEnumerable<KeyValuePair<string, Tensor>> entries)
    {
        RequireLittleEndianHost();
        var list = entries.ToList();
        Leb128.Write(stream, (ulong)list.Count);
        foreach (var (key, tensor) in list)
        {
            var keyBytes = StrictUtf8.GetBytes(key);
            Leb128.Write(stream, (ulong)keyBytes.Length);
            stream.Write(keyBytes);
            Leb128.Write(stream, (ulong)tensor.dtype);
            Leb128.Write(stream, (ulong)tensor.Dimensions);
            foreach (var size in tensor._shape) Leb128.Write(stream, (ulong)size);
            var dense = tensor.detach().contiguous();
            switch (dense.dtype)
            {
                case ScalarType.Float32: stream.Write(MemoryMarshal.AsBytes(dense.ContiguousSpan<float>())); break;
                case ScalarType.Float64: stream.Write(MemoryMarshal.AsBytes(dense.ContiguousSpan<double>())); break;
                case ScalarType.Int64: stream.Write(MemoryMarshal.AsBytes(dense.ContiguousSpan<long>())); break;
                default: stream.Write(MemoryMarshal.AsBytes(dense.ContiguousSpan<bool>())); break;
            }
        }
    }

    /// <summary>
    /// Reads a whole state dict. A stream that cannot seek is first read to its end, so that lengths
    /// in the file can be checked against the real amount of data.
    /// </summary>
    public static Dictionary<string, Tensor> Read(Stream stream)
    {
        RequireLittleEndianHost();
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            stream = copy;
        }
        var count = Leb128.Read(stream, "the number of entries");
        var result = new Dictionary<string, Tensor>();
        for (long i = 0; i < count; i++)
        {
            var key = ReadKey(stream, $"entry {i + 1} of {count}");
            if (result.ContainsKey(key))
                throw new InvalidDataException($"state_dict file: the key '{key}' appears twice.");
            result.Add(key, ReadTensor(stream, $"entry '{key}'"));
        }
        return result;
    }

    private static string ReadKey(Stream stream, string entry)
    {
        var length = Leb128.Read(stream, $"the key length of {entry}");
        var remaining = Remaining(stream);
        if (length > remaining)
            throw Truncated(entry, $"its key is {length} bytes long but only {remaining} bytes remain");
        var bytes = new byte[length];
        stream.ReadExactly(bytes);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidDataException($"state_dict file: the key of {entry} is not valid UTF-8 text.");
        }
    }

    private static Tensor ReadTensor(Stream stream, string entry)
    {
        var dtype = ToScalarType(Leb128.Read(stream, $"the element type of {entry}"), entry);
        var rank = Leb128.Read(stream, $"the rank of {entry}");
        if (rank > MaxRank)
            throw new InvalidDataException($"state_dict file: {entry} claims {rank} dimensions (at most {MaxRank} are plausible); the file is damaged.");
        var shape = new long[rank];
        for (var d = 0; d < rank; d++) shape[d] = Leb128.Read(stream, $"the shape of {entry}");

        var count = ElementCount(shape, entry);
        var byteCount = count * element_size(dtype);
        var remaining = Remaining(stream);
        if (byteCount > remaining)
            throw Truncated(entry, $"its {ShapeText(shape)} {dtype} values need {byteCount} bytes but only {remaining} remain");

        var storage = Tensor.AllocateStorage(dtype, count);
        switch (storage)
        {
            case float[] values: stream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan())); break;
            case double[] values: stream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan())); break;
            case long[] values: stream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan())); break;
            case bool[] values: ReadBools(stream, values, entry); break;
        }
        return new Tensor(storage, shape, dtype);
    }

    /// <summary>Bools are single bytes; anything but 0 and 1 would become a .NET bool that is neither true nor false.</summary>
    private static void ReadBools(Stream stream, bool[] values, string entry)
    {
        var bytes = new byte[values.Length];
        stream.ReadExactly(bytes);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] > 1)
                throw new InvalidDataException($"state_dict file: {entry} is bool but holds the byte {bytes[i]} (only 0 and 1 are allowed); the file is damaged.");
            values[i] = bytes[i] == 1;
        }
    }

    /// <summary>The number of elements of <paramref name="shape"/>, refusing counts no array could hold.</summary>
    private static long ElementCount(long[] shape, string entry)
    {
        long count = 1;
        foreach (var size in shape)
        {
            if (size != 0 && count > Array.MaxLength / size)
                throw new InvalidDataException($"state_dict file: {entry} claims shape ({ShapeText(shape)}), more elements than any tensor can hold; the file is damaged.");
            count *= size;
        }
        return count;
    }

    private static ScalarType ToScalarType(long code, string entry) => code switch
    {
        (long)ScalarType.Int64 => ScalarType.Int64,
        (long)ScalarType.Float32 => ScalarType.Float32,
        (long)ScalarType.Float64 => ScalarType.Float64,
        (long)ScalarType.Bool => ScalarType.Bool,
        _ => throw new InvalidDataException(
            $"state_dict file: {entry} has element type code {code}{OtherPyTorchType(code)}, which this engine cannot load. " +
            "Supported: 4 (int64), 6 (float32), 7 (float64), 11 (bool); convert the tensor in PyTorch first, e.g. with .float()."),
    };

    /// <summary>Names the PyTorch dtypes we do not support, so the error says e.g. "(float16)".</summary>
    private static string OtherPyTorchType(long code) => code switch
    {
        0 => " (uint8)",
        1 => " (int8)",
        2 => " (int16)",
        3 => " (int32)",
        5 => " (float16)",
        15 => " (bfloat16)",
        _ => "",
    };

    private static long Remaining(Stream stream) => stream.Length - stream.Position;

    private static string ShapeText(long[] shape) => shape.Length == 0 ? "scalar" : string.Join("x", shape);

    internal static InvalidDataException Truncated(string what, string? detail = null) =>
        new($"state_dict file: the file ended while reading {what}{(detail is null ? "" : $": {detail}")}. It is truncated or damaged.");

    private static void RequireLittleEndianHost()
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("state_dict files hold little-endian data; this engine reads and writes them only on little-endian machines.");
    }
}
