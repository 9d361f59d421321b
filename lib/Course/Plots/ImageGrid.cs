using System.Net;
using System.Text;
using Course.Display;
using TorchSharp;

namespace Course.Plots;

/// <summary>
/// Small images (e.g. 64 Fashion-MNIST samples) tiled in a grid, shown in a notebook as one PNG
/// (<c>image/png</c>), or as HTML where each image carries its caption (<c>text/html</c>).
/// </summary>
[TypeFormatterSource(typeof(ImageGridFormatterSource), PreferredMimeTypes = ["text/html"])]
public sealed class ImageGrid
{
    /// <summary>Pixels between neighbouring images (white).</summary>
    public const int Gap = 2;

    private readonly byte[][] _images;

    private ImageGrid(byte[][] images, int channels, int imageHeight, int imageWidth, int columns, IReadOnlyList<string>? labels)
    {
        _images = images;
        Channels = channels;
        ImageHeight = imageHeight;
        ImageWidth = imageWidth;
        Columns = Math.Min(columns, images.Length);
        Labels = labels;
    }

    public int Count => _images.Length;

    /// <summary>1 (grey) or 3 (RGB).</summary>
    public int Channels { get; }

    /// <summary>Height of one image in pixels, after scaling.</summary>
    public int ImageHeight { get; }

    /// <summary>Width of one image in pixels, after scaling.</summary>
    public int ImageWidth { get; }

    public int Columns { get; }

    public int Rows => (Count + Columns - 1) / Columns;

    /// <summary>One caption per image, or null.</summary>
    public IReadOnlyList<string>? Labels { get; }

    /// <summary>Width of the whole grid in pixels.</summary>
    public int Width => Columns * ImageWidth + (Columns - 1) * Gap;

    /// <summary>Height of the whole grid in pixels.</summary>
    public int Height => Rows * ImageHeight + (Rows - 1) * Gap;

    /// <summary>
    /// A grid from images shaped [N, 1, H, W], [N, 3, H, W], [N, H, W], or [N, H*W] with square images
    /// (as <c>FashionMnistFiles.Load</c> returns them). Floating-point values are read as 0..1 (black to
    /// white), or as -1..1 with <paramref name="signed"/> (as after normalising); integer values as 0..255.
    /// Values outside are clipped, NaN is black. Every pixel becomes <paramref name="scale"/>x<paramref name="scale"/> pixels.
    /// </summary>
    public static ImageGrid FromTensor(torch.Tensor images, int columns = 8, IReadOnlyList<string>? labels = null, int scale = 2, bool signed = false)
    {
        var shape = images.shape;
        var (count, channels, height, width) = shape.Length switch
        {
            4 when shape[1] is 1 or 3 => (shape[0], shape[1], shape[2], shape[3]),
            3 => (shape[0], 1L, shape[1], shape[2]),
            2 when IsSquare(shape[1]) => (shape[0], 1L, (long)Math.Sqrt(shape[1]), (long)Math.Sqrt(shape[1])),
            _ => throw new ArgumentException(
                $"ImageGrid.FromTensor: images must be [N,1,H,W], [N,3,H,W], [N,H,W] or [N,H*W] with square images; got [{string.Join(", ", shape)}]."),
        };
        if (count < 1) throw new ArgumentException("ImageGrid.FromTensor: there are no images (N = 0).");
        var integer = !torch.is_floating_point(images.dtype);
        var values = images.detach().to(torch.ScalarType.Float32).data<float>().ToArray();
        if (integer)
            for (var i = 0; i < values.Length; i++) values[i] /= 255f;
        return FromValues(values, (int)count, (int)channels, (int)height, (int)width, columns, labels, scale, signed && !integer);
    }

    /// <summary>A grid whose captions are <paramref name="classNames"/>[label] for an int64 tensor of class indices [N].</summary>
    public static ImageGrid FromTensor(torch.Tensor images, torch.Tensor labels, IReadOnlyList<string> classNames, int columns = 8, int scale = 2, bool signed = false)
    {
        var indices = labels.to(torch.ScalarType.Int64).data<long>().ToArray();
        var captions = indices.Select(i => i >= 0 && i < classNames.Count
            ? classNames[(int)i]
            : throw new ArgumentException($"ImageGrid.FromTensor: label {i} has no class name (there are {classNames.Count}).")).ToArray();
        return FromTensor(images, columns, captions, scale, signed);
    }

    /// <summary>
    /// A grid from values laid out as [count, channels, height, width], row-major; see
    /// <see cref="FromTensor(torch.Tensor, int, IReadOnlyList{string}?, int, bool)"/> for the value range.
    /// </summary>
    public static ImageGrid FromValues(ReadOnlySpan<float> values, int count, int channels, int height, int width,
        int columns = 8, IReadOnlyList<string>? labels = null, int scale = 2, bool signed = false)
    {
        if (channels is not (1 or 3)) throw new ArgumentException($"ImageGrid: images need 1 or 3 channels, got {channels}.");
        if (count < 1 || height < 1 || width < 1) throw new ArgumentException($"ImageGrid: {count} images of {height}x{width} pixels is nothing to show.");
        if (values.Length != (long)count * channels * height * width)
            throw new ArgumentException($"ImageGrid: {count} images of {channels}x{height}x{width} need {(long)count * channels * height * width} values, got {values.Length}.");
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), columns, "ImageGrid needs at least one column.");
        if (scale is < 1 or > 32) throw new ArgumentOutOfRangeException(nameof(scale), scale, "ImageGrid scale must be 1 to 32.");
        if (labels is not null && labels.Count != count)
            throw new ArgumentException($"ImageGrid: {labels.Count} labels for {count} images.");

        var images = new byte[count][];
        var plane = height * width;
        for (var n = 0; n < count; n++)
        {
            var image = images[n] = new byte[height * scale * width * scale * channels];
            for (var y = 0; y < height * scale; y++)
                for (var x = 0; x < width * scale; x++)
                    for (var c = 0; c < channels; c++)
                    {
                        // PNG wants pixels interleaved (RGBRGB...); tensors hold one plane per channel.
                        var v = values[((n * channels + c) * plane) + (y / scale) * width + x / scale];
                        image[(y * width * scale + x) * channels + c] = ToByte(signed ? (v + 1) / 2 : v);
                    }
        }
        return new ImageGrid(images, channels, height * scale, width * scale, columns, labels is null ? null : [.. labels]);
    }

    private static bool IsSquare(long n) => n > 0 && (long)Math.Sqrt(n) * (long)Math.Sqrt(n) == n;

    private static byte ToByte(float value) => float.IsNaN(value) ? (byte)0 : (byte)Math.Round(Math.Clamp(value, 0f, 1f) * 255f);

    /// <summary>The whole grid as one PNG image.</summary>
    public byte[] ToPng()
    {
        var rowBytes = Width * Channels;
        var pixels = new byte[rowBytes * Height];
        Array.Fill(pixels, (byte)255);
        var imageRowBytes = ImageWidth * Channels;
        for (var n = 0; n < Count; n++)
        {
            var left = n % Columns * (ImageWidth + Gap);
            var top = n / Columns * (ImageHeight + Gap);
            for (var y = 0; y < ImageHeight; y++)
                _images[n].AsSpan(y * imageRowBytes, imageRowBytes).CopyTo(pixels.AsSpan((top + y) * rowBytes + left * Channels));
        }
        return PngEncoder.Encode(pixels, Width, Height, Channels);
    }

    /// <summary>Image <paramref name="index"/> alone as a PNG.</summary>
    public byte[] ImagePng(int index) => PngEncoder.Encode(_images[index], ImageWidth, ImageHeight, Channels);

    /// <summary>The grid PNG in base64, as Jupyter stores <c>image/png</c> outputs.</summary>
    public string ToBase64Png() => Convert.ToBase64String(ToPng());

    /// <summary>
    /// HTML without scripts or links: the grid as one inline PNG, or, with labels, a CSS grid of
    /// images each above its caption.
    /// </summary>
    public string ToHtml()
    {
        if (Labels is null)
            return $"<img src=\"data:image/png;base64,{ToBase64Png()}\" width=\"{Width}\" height=\"{Height}\" alt=\"{Count} images\" style=\"image-rendering:pixelated\">";
        var html = new StringBuilder();
        html.Append($"<div class=\"course-image-grid\" style=\"display:grid;grid-template-columns:repeat({Columns},max-content);gap:6px {Gap + 4}px;font-family:sans-serif;font-size:11px;text-align:center\">");
        for (var n = 0; n < Count; n++)
        {
            var label = WebUtility.HtmlEncode(Labels[n]);
            html.Append("<figure style=\"margin:0\">")
                .Append($"<img src=\"data:image/png;base64,{Convert.ToBase64String(ImagePng(n))}\" width=\"{ImageWidth}\" height=\"{ImageHeight}\" alt=\"{label}\" style=\"display:block;image-rendering:pixelated\">")
                .Append($"<figcaption style=\"max-width:{Math.Max(ImageWidth, 40)}px;overflow-wrap:anywhere\">{label}</figcaption></figure>");
        }
        return html.Append("</div>").ToString();
    }

    /// <summary>Writes the grid PNG to <paramref name="path"/>.</summary>
    public void Save(string path) => File.WriteAllBytes(path, ToPng());

    public override string ToString() =>
        $"ImageGrid: {Count} images of {ImageWidth}x{ImageHeight} px in {Rows}x{Columns}" + (Labels is null ? "" : $" ({string.Join(", ", Labels.Take(8))}{(Count > 8 ? ", ..." : "")})");
}

/// <summary>Formatters for <see cref="ImageGrid"/>: captioned HTML, the grid PNG (base64), and a text summary.</summary>
public sealed class ImageGridFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new TypeFormatter<ImageGrid>("text/html", (grid, writer) => writer.Write(grid.ToHtml())),
        new TypeFormatter<ImageGrid>("image/png", (grid, writer) => writer.Write(grid.ToBase64Png())),
        new TypeFormatter<ImageGrid>("text/plain", (grid, writer) => writer.Write(grid.ToString())),
    ];
}
