using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Course.Plots;

/// <summary>
/// Writes 8-bit greyscale or RGB images as PNG: signature, IHDR, one zlib-compressed IDAT (every
/// row with filter 0), IEND, each chunk with its CRC-32. Enough for pictures in notebooks; no
/// palette, alpha or interlacing.
/// </summary>
public static class PngEncoder
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// Encodes <paramref name="pixels"/> given row by row from the top, <paramref name="channels"/>
    /// bytes per pixel: 1 (grey) or 3 (red, green, blue).
    /// </summary>
    public static byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, int channels)
    {
        if (width < 1 || height < 1) throw new ArgumentException($"A PNG needs at least 1x1 pixels, got {width}x{height}.");
        if (channels is not (1 or 3)) throw new ArgumentException($"PNG encoding here takes 1 (grey) or 3 (RGB) channels, got {channels}.");
        var rowBytes = width * channels;
        if (pixels.Length != (long)rowBytes * height)
            throw new ArgumentException($"{width}x{height} pixels with {channels} channels need {(long)rowBytes * height} bytes, got {pixels.Length}.");

        using var output = new MemoryStream();
        output.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8;                              // bits per channel
        header[9] = (byte)(channels == 1 ? 0 : 2);  // colour type: 0 grey, 2 RGB
        header[10] = 0;                             // compression: deflate
        header[11] = 0;                             // filter method: adaptive (we use filter 0 on every row)
        header[12] = 0;                             // no interlacing
        WriteChunk(output, "IHDR", header);

        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                for (var row = 0; row < height; row++)
                {
                    zlib.WriteByte(0); // filter type None
                    zlib.Write(pixels.Slice(row * rowBytes, rowBytes));
                }
            }
            WriteChunk(output, "IDAT", compressed.ToArray());
        }
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(buffer, data.Length);
        output.Write(buffer);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        // The CRC covers the chunk type and data, not the length.
        BinaryPrimitives.WriteUInt32BigEndian(buffer, Crc32.Append(Crc32.Compute(typeBytes), data));
        output.Write(buffer);
    }
}
