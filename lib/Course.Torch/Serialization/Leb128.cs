namespace Course.Torch.Serialization;

/// <summary>
/// Unsigned LEB128, the variable-length integer encoding of state_dict files (and of .NET's
/// BinaryWriter string lengths): 7 bits per byte, least significant group first, the high bit set
/// on every byte except the last. 300 = 0b10_0101100 is written as 0xAC 0x02.
/// </summary>
internal static class Leb128
{
    /// <summary>A 64-bit value needs at most ⌈64/7⌉ = 10 bytes.</summary>
    public const int MaxBytes = 10;

    public static void Write(Stream stream, ulong value)
    {
        Span<byte> bytes = stackalloc byte[MaxBytes];
        var count = 0;
        do
        {
            var group = (byte)(value & 0x7F);
            value >>= 7;
            bytes[count++] = value == 0 ? group : (byte)(group | 0x80);
        } while (value != 0);
        stream.Write(bytes[..count]);
    }

    /// <summary>
    /// Reads a number that must fit in a non-negative <see cref="long"/> (a count, a length or a size).
    /// <paramref name="what"/> names it for error messages, e.g. "the shape of entry 'fc1.weight'".
    /// </summary>
    public static long Read(Stream stream, string what)
    {
        ulong value = 0;
        for (var i = 0; i < MaxBytes; i++)
        {
            var b = stream.ReadByte();
            if (b < 0) throw StateDictFormat.Truncated(what);
            // The 10th byte holds only bit 63; anything more (or another continuation) overflows 64 bits.
            if (i == MaxBytes - 1 && b > 1) break;
            value |= (ulong)(b & 0x7F) << (7 * i);
            if ((b & 0x80) != 0) continue;
            if (value > long.MaxValue) break;
            return (long)value;
        }
        throw new InvalidDataException($"state_dict file: {what} is not a valid number (an unsigned LEB128 value of at most 63 bits). The file is damaged or not in TorchSharp's state_dict format.");
    }
}
