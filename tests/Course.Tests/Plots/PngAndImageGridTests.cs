using System.Text;
using System.Text.RegularExpressions;
using Course.Plots;
using static TorchSharp.torch;

namespace Course.Tests.Plots;

public sealed class PngAndImageGridTests
{
    [Fact]
    public void Crc32MatchesTheStandardCheckValue()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute(Encoding.ASCII.GetBytes("123456789")));
        Assert.Equal(0u, Crc32.Compute([]));
        var bytes = Enumerable.Range(0, 1000).Select(i => (byte)(i * 7)).ToArray();
        Assert.Equal(PngDecoder.BitwiseCrc32(bytes), Crc32.Compute(bytes));
        Assert.Equal(Crc32.Compute(bytes), Crc32.Append(Crc32.Compute(bytes.AsSpan(0, 300)), bytes.AsSpan(300)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void EncodedPixelsDecodeUnchanged(int channels)
    {
        const int width = 13, height = 7;
        var pixels = Enumerable.Range(0, width * height * channels).Select(i => (byte)(i * 31 % 256)).ToArray();
        var image = PngDecoder.Decode(PngEncoder.Encode(pixels, width, height, channels));
        Assert.Equal((width, height, channels), (image.Width, image.Height, image.Channels));
        Assert.Equal(pixels, image.Pixels);
        Assert.Equal(["IHDR", "IDAT", "IEND"], image.ChunkTypes);
    }

    [Fact]
    public void EncoderRejectsBadSizes()
    {
        Assert.Throws<ArgumentException>(() => PngEncoder.Encode(new byte[5], 2, 2, 1));
        Assert.Throws<ArgumentException>(() => PngEncoder.Encode(new byte[8], 2, 2, 2));
        Assert.Throws<ArgumentException>(() => PngEncoder.Encode([], 0, 1, 1));
    }

    [Fact]
    public void GridTilesScaledImagesWithWhiteGaps()
    {
        // Three 2x2 grey images: image n has every pixel n/2 (0, 0.5, 1).
        var images = tensor(Enumerable.Range(0, 3).SelectMany(n => Enumerable.Repeat(n / 2f, 4)).ToArray(), [3, 1, 2, 2]);
        var grid = ImageGrid.FromTensor(images, columns: 2, scale: 3);
        Assert.Equal((6, 6, 2, 2), (grid.ImageWidth, grid.ImageHeight, grid.Columns, grid.Rows));
        Assert.Equal((6 * 2 + ImageGrid.Gap, 6 * 2 + ImageGrid.Gap), (grid.Width, grid.Height));

        var png = PngDecoder.Decode(grid.ToPng());
        Assert.Equal((grid.Width, grid.Height, 1), (png.Width, png.Height, png.Channels));
        byte At(int x, int y) => png.Pixels[y * png.Width + x];
        Assert.Equal(0, At(0, 0));
        Assert.Equal(0, At(5, 5));
        Assert.Equal(255, At(6, 0));                 // the gap
        Assert.Equal(128, At(6 + ImageGrid.Gap, 0)); // image 1: 0.5 -> 128
        Assert.Equal(255, At(0, 6 + ImageGrid.Gap)); // image 2: 1.0
        Assert.Equal(255, At(png.Width - 1, png.Height - 1)); // no image 3: background
    }

    [Fact]
    public void SignedValuesRgbAndFlatImagesAreRead()
    {
        // [N, 3, H, W] in [-1, 1]: one 1x1 image, red -1, green 0, blue 1.
        var rgb = ImageGrid.FromTensor(tensor(new[] { -1f, 0f, 1f }, [1, 3, 1, 1]), scale: 1, signed: true);
        Assert.Equal([0, 128, 255], PngDecoder.Decode(rgb.ToPng()).Pixels);

        // [N, H*W] with square images, as FashionMnistFiles.Load returns them; out-of-range values clip.
        var flat = ImageGrid.FromTensor(tensor(new[] { 2f, -1f, float.NaN, 0.2f }, [1, 4]), scale: 1);
        Assert.Equal((2, 2), (flat.ImageWidth, flat.ImageHeight));
        Assert.Equal([255, 0, 0, 51], PngDecoder.Decode(flat.ToPng()).Pixels);

        // [N, H, W] integer tensors are 0..255.
        var integers = ImageGrid.FromTensor(tensor(new long[] { 0, 255 }, [1, 1, 2]), scale: 1);
        Assert.Equal([0, 255], PngDecoder.Decode(integers.ToPng()).Pixels);
    }

    [Fact]
    public void BadShapesAndLabelsGetClearErrors()
    {
        Assert.Contains("[N,1,H,W]", Assert.Throws<ArgumentException>(() => ImageGrid.FromTensor(zeros(2, 5))).Message);
        Assert.Contains("[N,1,H,W]", Assert.Throws<ArgumentException>(() => ImageGrid.FromTensor(zeros(2, 2, 4, 4))).Message);
        Assert.Contains("2 labels for 3 images", Assert.Throws<ArgumentException>(() => ImageGrid.FromTensor(zeros(3, 4, 4), labels: ["a", "b"])).Message);
        Assert.Contains("label 7", Assert.Throws<ArgumentException>(() => ImageGrid.FromTensor(zeros(1, 4, 4), tensor(new long[] { 7 }), ["a", "b"])).Message);
    }

    [Fact]
    public void HtmlShowsEachImageWithItsEscapedCaption()
    {
        var grid = ImageGrid.FromTensor(zeros(3, 1, 4, 4), tensor(new long[] { 0, 1, 0 }), ["T-shirt/top", "<Trouser & co>"]);
        var html = grid.ToHtml();
        Assert.Equal(3, Regex.Matches(html, "<img src=\"data:image/png;base64,").Count);
        Assert.Contains("<figcaption style=\"max-width:40px;overflow-wrap:anywhere\">&lt;Trouser &amp; co&gt;</figcaption>", html);
        Assert.DoesNotContain("<Trouser", html);
        foreach (Match m in Regex.Matches(html, "base64,([^\"]+)\""))
            PngDecoder.Decode(Convert.FromBase64String(m.Groups[1].Value));

        var unlabelled = ImageGrid.FromTensor(zeros(3, 4, 4)).ToHtml();
        Assert.Single(Regex.Matches(unlabelled, "<img "));
    }
}
