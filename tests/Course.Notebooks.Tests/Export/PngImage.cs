using System.Buffers.Binary;
using System.IO.Compression;

namespace Course.Notebooks.Tests.Export;

/// <summary>
/// Decodes the 8-bit RGB/RGBA PNGs that Chromium writes for screenshots, so a test can look at pixels
/// instead of trusting that a file exists.
/// </summary>
internal sealed class PngImage
{
    public int Width { get; }
    public int Height { get; }
    private readonly byte[] _rgb; // 3 bytes per pixel, row after row

    private PngImage(int width, int height, byte[] rgb) => (Width, Height, _rgb) = (width, height, rgb);

    public (byte R, byte G, byte B) Pixel(int x, int y)
    {
        int at = (y * Width + x) * 3;
        return (_rgb[at], _rgb[at + 1], _rgb[at + 2]);
    }

    public IEnumerable<(byte R, byte G, byte B)> Pixels()
    {
        for (int at = 0; at < _rgb.Length; at += 3)
            yield return (_rgb[at], _rgb[at + 1], _rgb[at + 2]);
    }

    public static PngImage Read(string path)
    {
        byte[] file = File.ReadAllBytes(path);
        if (file.Length < 8 || !file.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10 }))
            throw new InvalidDataException($"{path} is not a PNG file.");

        int width = 0, height = 0, channels = 0;
        using var compressed = new MemoryStream();
        for (int at = 8; at + 8 <= file.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(at));
            string type = System.Text.Encoding.ASCII.GetString(file, at + 4, 4);
            var data = file.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                (byte bitDepth, byte colourType, byte interlace) = (data[8], data[9], data[12]);
                if (bitDepth != 8 || colourType is not (2 or 6) || interlace != 0)
                    throw new InvalidDataException($"{path}: only 8-bit non-interlaced RGB/RGBA PNGs are decoded here (bit depth {bitDepth}, colour type {colourType}, interlace {interlace}).");
                channels = colourType == 6 ? 4 : 3;
            }
            else if (type == "IDAT")
            {
                compressed.Write(data);
            }

            at += 12 + length;
        }

        compressed.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionMode.Decompress))
            zlib.CopyTo(inflated);
        return new PngImage(width, height, Unfilter(inflated.ToArray(), width, height, channels));
    }

    private static byte[] Unfilter(byte[] data, int width, int height, int channels)
    {
        int stride = width * channels;
        var previous = new byte[stride];
        var current = new byte[stride];
        var rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++)
        {
            int rowStart = y * (stride + 1);
            byte filter = data[rowStart];
            for (int i = 0; i < stride; i++)
            {
                int raw = data[rowStart + 1 + i];
                int left = i >= channels ? current[i - channels] : 0;
                int up = previous[i];
                int upLeft = i >= channels ? previous[i - channels] : 0;
                current[i] = (byte)(filter switch
                {
                    0 => raw,
                    1 => raw + left,
                    2 => raw + up,
                    3 => raw + (left + up) / 2,
                    4 => raw + Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"PNG row {y} has unknown filter {filter}."),
                });
            }

            for (int x = 0; x < width; x++)
                current.AsSpan(x * channels, 3).CopyTo(rgb.AsSpan((y * width + x) * 3));
            (previous, current) = (current, previous);
        }

        return rgb;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
