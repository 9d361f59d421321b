using Course.Torch;
using Course.Vision;
using static Course.Torch.torch;

namespace Course;

public static partial class torchvision
{
    public static class utils
    {
        /// <summary>
        /// Lays a batch of images [B, C, H, W] out as one picture [3, rows·(H+padding)+padding, columns·(W+padding)+padding]
        /// with <paramref name="nrow"/> images per row (torchvision's <c>make_grid</c>): grey images (C = 1) become three
        /// equal channels, gaps are <paramref name="pad_value"/>. With <paramref name="normalize"/> the values are shifted
        /// and scaled to [0, 1], from <paramref name="value_range"/> or the images' own min and max (per image with
        /// <paramref name="scale_each"/>). A single image comes back without padding.
        /// </summary>
        public static Tensor make_grid(Tensor tensor, long nrow = 8, int padding = 2, bool normalize = false,
            (double low, double high)? value_range = null, bool scale_each = false, double pad_value = 0)
        {
            var images = tensor.Dimensions switch
            {
                2 => tensor.reshape(1, 1, tensor.shape[0], tensor.shape[1]),
                3 => tensor.reshape(1, tensor.shape[0], tensor.shape[1], tensor.shape[2]),
                4 => tensor,
                _ => throw new ArgumentException($"make_grid: expected images [B, C, H, W] (or one image [C, H, W] or [H, W]), got shape ({ImagePlanes.ShapeOf(tensor)})."),
            };
            if (nrow < 1) throw new ArgumentException($"make_grid: nrow must be at least 1, got {nrow}.");
            if (padding < 0) throw new ArgumentException($"make_grid: padding must be non-negative, got {padding}.");
            var (pixels, height, width) = ImagePlanes.Read(images, "make_grid");
            var (count, channels) = ((int)images.shape[0], (int)images.shape[1]);
            if (channels is not (1 or 3)) throw new ArgumentException($"make_grid: images need 1 or 3 channels, got {channels} (shape {ImagePlanes.ShapeOf(tensor)}).");
            if (normalize) Normalize(pixels, scale_each ? count : 1, value_range);
            if (count == 1) return SingleImage(pixels, [channels, height, width], channels);

            var columns = (int)Math.Min(nrow, count);
            var rows = (count + columns - 1) / columns;
            var gridHeight = rows * (height + padding) + padding;
            var gridWidth = columns * (width + padding) + padding;
            var grid = new float[3 * gridHeight * gridWidth];
            Array.Fill(grid, (float)pad_value);
            for (var k = 0; k < count; k++)
            {
                var top = k / columns * (height + padding) + padding;
                var left = k % columns * (width + padding) + padding;
                for (var c = 0; c < 3; c++)
                {
                    var source = (k * channels + (channels == 1 ? 0 : c)) * height * width;
                    for (var i = 0; i < height; i++)
                        Array.Copy(pixels, source + i * width, grid, (c * gridHeight + top + i) * gridWidth + left, width);
                }
            }
            return torch.tensor(grid, [3, gridHeight, gridWidth]);
        }

        private static Tensor SingleImage(float[] pixels, long[] shape, int channels) =>
            channels == 1 ? torch.tensor(pixels, shape).expand(3, shape[1], shape[2]).contiguous() : torch.tensor(pixels, shape);

        /// <summary>Maps [low, high] to [0, 1] (clamping outside), over the whole array or each of <paramref name="parts"/> equal parts.</summary>
        private static void Normalize(float[] pixels, int parts, (double low, double high)? range)
        {
            var size = pixels.Length / parts;
            for (var p = 0; p < parts; p++)
            {
                var span = pixels.AsSpan(p * size, size);
                var (low, high) = range ?? (System.Numerics.Tensors.TensorPrimitives.Min<float>(span), System.Numerics.Tensors.TensorPrimitives.Max<float>(span));
                var denominator = Math.Max(high - low, 1e-5);
                for (var i = 0; i < span.Length; i++) span[i] = (float)((Math.Clamp(span[i], low, high) - low) / denominator);
            }
        }
    }
}
