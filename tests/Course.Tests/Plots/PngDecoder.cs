using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Course.Tests.Plots;

/// <summary>
/// An independent reader of the PNGs the course writes (8-bit grey or RGB, filter 0), to check the
/// encoder: chunk structure, CRCs (computed bit by bit, not with the encoder's table) and pixels.
/// </summary>
internal static class PngDecoder
{
    public sealed record Image(int Width, int Height, int Channels, byte[] Pixels, IReadOnlyList<string> ChunkTypes);

    public static Image Decode(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        var chunks = new List<(string Type, byte[] Data)>();
        var at = 8;
        while (at < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length).ToArray();
            var storedCrc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length));
            Assert.Equal(BitwiseCrc32(png.AsSpan(at + 4, 4 + length)), storedCrc);
            chunks.Add((type, data));
            at += 12 + length;
        }
        Assert.Equal(png.Length, at);
        Assert.Equal("IHDR", chunks[0].Type);
        Assert.Equal("IEND", chunks[^1].Type);

        var header = chunks[0].Data;
        var width = BinaryPrimitives.ReadInt32BigEndian(header);
        var height = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4));
        Assert.Equal(8, header[8]);
        var channels = header[9] switch { 0 => 1, 2 => 3, var t => throw new InvalidDataException($"colour type {t}") };
        Assert.Equal([0, 0, 0], header[10..13]);

        var compressed = chunks.Where(c => c.Type == "IDAT").SelectMany(c => c.Data).ToArray();
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress)) zlib.CopyTo(inflated);
        var raw = inflated.ToArray();
        var rowBytes = width * channels;
        Assert.Equal((rowBytes + 1) * height, raw.Length);
        var pixels = new byte[rowBytes * height];
        for (var row = 0; row < height; row++)
        {
            Assert.Equal(0, raw[row * (rowBytes + 1)]); // filter None
            Array.Copy(raw, row * (rowBytes + 1) + 1, pixels, row * rowBytes, rowBytes);
        }
        return new Image(width, height, channels, pixels, chunks.Select(c => c.Type).ToList());
    }

    /// <summary>CRC-32 the slow, obvious way (ISO 3309 / PNG spec), to check the table-driven one.</summary>
    public static uint BitwiseCrc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
        }
        return ~crc;
    }
}
