using System.Buffers.Binary;
using System.IO.Compression;

namespace Course.Datasets;

/// <summary>
/// Reads the IDX format of MNIST and Fashion-MNIST: two zero bytes, a type code (0x08 = unsigned
/// byte), the number of dimensions, each dimension as a big-endian int32, then the data. Files may be
/// gzipped (detected by their first bytes, not by the name). Every header field is checked against
/// the file's real length, so a truncated or foreign file gives an error naming the file.
/// </summary>
public sealed class IdxFile
{
    private const byte UnsignedByteType = 0x08;
    private const int MaxDimensions = 4;

    private IdxFile(string path, int[] dimensions, byte[] data)
    {
        Path = path;
        Dimensions = dimensions;
        Data = data;
    }

    public string Path { get; }

    /// <summary>e.g. [60000, 28, 28] for an image file, [60000] for a label file.</summary>
    public int[] Dimensions { get; }

    /// <summary>The elements in row-major order.</summary>
    public byte[] Data { get; }

    public int Count => Dimensions[0];

    public static IdxFile Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = ReadAllBytesGunzipped(path);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: looks gzipped but cannot be decompressed ({e.Message}); the download is probably incomplete.", e);
        }
        return Parse(path, bytes);
    }

    private static byte[] ReadAllBytesGunzipped(string path)
    {
        var raw = File.ReadAllBytes(path);
        if (raw.Length < 2 || raw[0] != 0x1f || raw[1] != 0x8b) return raw;
        using var gzip = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }

    internal static IdxFile Parse(string path, byte[] bytes)
    {
        if (bytes.Length < 4 || bytes[0] != 0 || bytes[1] != 0)
            throw new InvalidDataException($"{path}: not an IDX file (the first two bytes must be zero; got {Describe(bytes)}).");
        if (bytes[2] != UnsignedByteType)
            throw new InvalidDataException($"{path}: IDX element type 0x{bytes[2]:x2} is not supported (expected 0x08, unsigned bytes).");
        var rank = bytes[3];
        if (rank is 0 or > MaxDimensions)
            throw new InvalidDataException($"{path}: IDX header declares {rank} dimensions (expected 1 to {MaxDimensions}).");
        var headerLength = 4 + 4 * rank;
        if (bytes.Length < headerLength)
            throw new InvalidDataException($"{path}: file ends inside the IDX header ({bytes.Length} bytes).");

        var dimensions = new int[rank];
        long expected = 1;
        for (var d = 0; d < rank; d++)
        {
            dimensions[d] = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 + 4 * d));
            if (dimensions[d] < 0)
                throw new InvalidDataException($"{path}: IDX dimension {d} is negative ({dimensions[d]}).");
            expected *= dimensions[d];
        }
        var actual = bytes.LongLength - headerLength;
        if (actual != expected)
            throw new InvalidDataException(
                $"{path}: header says [{string.Join("x", dimensions)}] = {expected} bytes of data, but the file has {actual} (truncated or corrupt).");
        return new IdxFile(path, dimensions, bytes[headerLength..]);
    }

    private static string Describe(byte[] bytes) =>
        bytes.Length == 0 ? "an empty file" : string.Join(" ", bytes.Take(4).Select(b => $"0x{b:x2}"));
}
