using TorchSharp;
using static TorchSharp.torch;

namespace Course.Vision;

/// <summary>
/// An affine warp of images [..., H, W] about their centre, with torchvision's matrix: output = centre + translate +
/// scale · RS · (input - centre), RS rotating by <c>angle</c> degrees (clockwise on screen, y pointing down) and
/// shearing by (x, y) degrees. Each output pixel samples the input at the inverse-mapped point with
/// <c>grid_sample</c>, nearest or bilinear; points outside get <c>fill</c>. Ours because TorchVision 0.107's
/// <c>transforms.functional.affine</c> ignores its interpolation argument and always samples the nearest pixel.
/// </summary>
internal static class AffineWarp
{
    public static Tensor Apply(Tensor image, double angle, double translateX, double translateY, double scale,
        double shearX, double shearY, InterpolationMode interpolation, float fill)
    {
        var (height, width) = ImagePlanes.Size(image, "affine");
        if (scale <= 0) throw new ArgumentException($"affine: scale must be positive, got {scale}.");
        var mode = interpolation switch
        {
            InterpolationMode.Nearest => GridSampleMode.Nearest,
            InterpolationMode.Bilinear => GridSampleMode.Bilinear,
            _ => throw new ArgumentException($"affine: interpolation must be Nearest or Bilinear, got {interpolation}."),
        };

        var (rot, sx, sy) = (angle * Math.PI / 180, shearX * Math.PI / 180, shearY * Math.PI / 180);
        var a = Math.Cos(rot - sy) / Math.Cos(sy) * scale;
        var b = (-Math.Cos(rot - sy) * Math.Tan(sx) / Math.Cos(sy) - Math.Sin(rot)) * scale;
        var c = Math.Sin(rot - sy) / Math.Cos(sy) * scale;
        var d = (-Math.Sin(rot - sy) * Math.Tan(sx) / Math.Cos(sy) + Math.Cos(rot)) * scale;
        var det = a * d - b * c;
        var (ia, ib, ic, id) = (d / det, -b / det, -c / det, a / det); // output pixel -> where in the input it comes from

        // grid_sample's coordinates run from -1 to 1 across the image (pixel centres at (2j + 1) / W - 1), so the
        // inverse map in pixels from the centre becomes theta = D · inverse · D⁻¹ with D = diag(2 / W, 2 / H).
        using var scope = NewDisposeScope();
        var theta = tensor(new[]
        {
            ia, ib * height / width, -(ia * translateX + ib * translateY) * 2 / width,
            ic * width / height, id, -(ic * translateX + id * translateY) * 2 / height,
        }, [1, 2, 3], float32, image.device);
        var planes = image.reshape(-1, 1, height, width);
        var grid = nn.functional.affine_grid(theta.expand(planes.shape[0], 2, 3), planes.shape, align_corners: false);
        var warped = nn.functional.grid_sample(planes, grid, mode, GridSamplePaddingMode.Zeros, align_corners: false);
        if (fill != 0)
        {
            var inside = nn.functional.grid_sample(ones_like(planes), grid, mode, GridSamplePaddingMode.Zeros, align_corners: false);
            warped = warped + fill * (1 - inside);
        }
        return warped.reshape(image.shape).MoveToOuterDisposeScope();
    }
}
