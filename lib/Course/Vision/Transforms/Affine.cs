using static Course.Torch.torch;

namespace Course.Vision;

/// <summary>How an affine transform reads pixels that fall between pixel centres.</summary>
public enum InterpolationMode
{
    /// <summary>The nearest pixel (torchvision's default: sharp, no new grey values).</summary>
    Nearest,
    /// <summary>A weighted mean of the four surrounding pixels (smoother).</summary>
    Bilinear,
}

/// <summary>
/// An affine warp of an image about its centre, with torchvision's matrix: output = centre + translate +
/// scale · RS · (input - centre), where RS rotates by <c>angle</c> degrees (clockwise on screen, the y axis
/// pointing down) and shears by <c>shear</c> = (x, y) degrees; a pure x-shear s moves pixel (x, y) to
/// (x - tan(s)·y, y). Each output pixel samples the input at the inverse-mapped point; points outside get
/// <c>fill</c>.
/// </summary>
internal static class Affine
{
    public static Tensor Apply(Tensor image, double angle, double translateX, double translateY, double scale,
        double shearX, double shearY, InterpolationMode interpolation, float fill)
    {
        var (pixels, height, width) = ImagePlanes.Read(image, "affine");
        if (scale <= 0) throw new ArgumentException($"affine: scale must be positive, got {scale}.");

        var rot = angle * Math.PI / 180;
        var sx = shearX * Math.PI / 180;
        var sy = shearY * Math.PI / 180;
        var a = Math.Cos(rot - sy) / Math.Cos(sy) * scale;
        var b = (-Math.Cos(rot - sy) * Math.Tan(sx) / Math.Cos(sy) - Math.Sin(rot)) * scale;
        var c = Math.Sin(rot - sy) / Math.Cos(sy) * scale;
        var d = (-Math.Sin(rot - sy) * Math.Tan(sx) / Math.Cos(sy) + Math.Cos(rot)) * scale;
        var det = a * d - b * c;
        // Sampling needs the inverse map: for each output pixel, where in the input it comes from.
        var (ia, ib, ic, id) = (d / det, -b / det, -c / det, a / det);
        var cx = (width - 1) / 2.0;
        var cy = (height - 1) / 2.0;

        var output = new float[pixels.Length];
        var planeSize = height * width;
        for (var plane = 0; plane < pixels.Length; plane += planeSize)
            for (var i = 0; i < height; i++)
                for (var j = 0; j < width; j++)
                {
                    var dx = j - cx - translateX;
                    var dy = i - cy - translateY;
                    var x = ia * dx + ib * dy + cx;
                    var y = ic * dx + id * dy + cy;
                    output[plane + i * width + j] = interpolation == InterpolationMode.Nearest
                        ? Pixel(pixels, plane, height, width, (int)Math.Floor(y + 0.5), (int)Math.Floor(x + 0.5), fill)
                        : Bilinear(pixels, plane, height, width, y, x, fill);
                }
        return tensor(output, image.shape);
    }

    private static float Pixel(float[] pixels, int plane, int height, int width, int row, int column, float fill) =>
        row >= 0 && row < height && column >= 0 && column < width ? pixels[plane + row * width + column] : fill;

    private static float Bilinear(float[] pixels, int plane, int height, int width, double y, double x, float fill)
    {
        var row = (int)Math.Floor(y);
        var column = (int)Math.Floor(x);
        var fy = y - row;
        var fx = x - column;
        var top = (1 - fx) * Pixel(pixels, plane, height, width, row, column, fill) + fx * Pixel(pixels, plane, height, width, row, column + 1, fill);
        var bottom = (1 - fx) * Pixel(pixels, plane, height, width, row + 1, column, fill) + fx * Pixel(pixels, plane, height, width, row + 1, column + 1, fill);
        return (float)((1 - fy) * top + fy * bottom);
    }
}
