using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Course.Jupyter.Kernel;

/// <summary>The kernelspec logo: "C#" in white on .NET purple, drawn from a 5x7 pixel font and encoded as PNG.</summary>
public static class KernelLogo
{
    private static readonly string[] LetterC = [".###.", "#...#", "#....", "#....", "#....", "#...#", ".###."];
    private static readonly string[] Hash = [".#.#.", ".#.#.", "#####", ".#.#.", "#####", ".#.#.", ".#.#."];
    private static readonly byte[] Background = [0x51, 0x2B, 0xD4];
    private static readonly byte[] Foreground = [0xFF, 0xFF, 0xFF];

    public static byte[] Png(int size)
    {
        int scale = Math.Max(1, size / 16);
        int textWidth = 11 * scale, textHeight = 7 * scale;
        int left = (size - textWidth) / 2, top = (size - textHeight) / 2;

        // Raw scanlines, each prefixed with filter type 0 (none), RGB.
        var raw = new byte[size * (1 + 3 * size)];
        for (int y = 0; y < size; y++)
        {
            int row = y * (1 + 3 * size);
            for (int x = 0; x < size; x++)
            {
                var color = IsInk(x - left, y - top, scale) ? Foreground : Background;
                color.CopyTo(raw, row + 1 + 3 * x);
            }
        }

        var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, size);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), size);
        header[8] = 8; // bits per channel
        header[9] = 2; // truecolour RGB
        WriteChunk(png, "IHDR", header);
        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(raw);
        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static bool IsInk(int x, int y, int scale)
    {
        if (x < 0 || y < 0 || y >= 7 * scale) return false;
        int column = x / scale, row = y / scale;
        if (column < 5) return LetterC[row][column] == '#';
        if (column is >= 6 and < 11) return Hash[row][column - 6] == '#';
        return false;
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (int bit = 0; bit < 8; bit++) crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
