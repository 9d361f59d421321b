using TorchSharp;
using static TorchSharp.torch;

namespace Course.Vision;

/// <summary>
/// Shared checks for the image transforms: they take float32 images [..., H, W] (one image [C, H, W] or a
/// batch [B, C, H, W]) and work plane by plane, each plane an H x W block of a dense copy.
/// </summary>
internal static class ImagePlanes
{
    /// <summary>The plane height and width of a float32 image [..., H, W].</summary>
    public static (int Height, int Width) Size(Tensor image, string op)
    {
        if (image.Dimensions < 2)
            throw new ArgumentException($"{op}: expected an image [..., H, W], got shape ({ImagePlanes.ShapeOf(image)}).");
        if (image.dtype != ScalarType.Float32)
            throw new ArgumentException($"{op}: expected a float32 image, got {image.dtype}. Datasets give float32 images in [0, 1].");
        return ((int)image.shape[^2], (int)image.shape[^1]);
    }

    /// <summary>The pixels as a dense array, with the plane height and width.</summary>
    public static (float[] Pixels, int Height, int Width) Read(Tensor image, string op)
    {
        var (height, width) = Size(image, op);
        return (image.data<float>().ToArray(), height, width);
    }

    /// <summary>A shape as the engine's messages write it, e.g. "1x28x28".</summary>
    public static string ShapeOf(Tensor tensor) => tensor.Dimensions == 0 ? "scalar" : string.Join("x", tensor.shape);
}
