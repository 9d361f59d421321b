using System.Numerics;

namespace Course.Torch.Kernels;

/// <summary>
/// 2-d pooling over each (image, channel) plane of a dense NCHW array; the planes are independent, so
/// they are the unit of parallel work. Window positions follow <see cref="WindowGeometry"/> (no dilation).
/// </summary>
internal static class Pooling<T> where T : unmanaged, INumber<T>
{
    private const int MinParallelElements = 1 << 15;

    private static void ForEachPlane(WindowGeometry g, Action<int> plane)
    {
        var planes = g.Batch * g.Channels;
        if ((long)planes * g.Height * g.Width < MinParallelElements)
            for (var p = 0; p < planes; p++) plane(p);
        else
            Parallel.For(0, planes, plane);
    }

    /// <summary>
    /// Maximum of each window; <paramref name="argmax"/> (when given) receives the position inside the plane
    /// (ih·W + iw) of the first maximum in row-major window order, or of the first NaN, as PyTorch picks.
    /// </summary>
    public static void MaxForward(T[] input, T[] output, int[]? argmax, WindowGeometry g) => ForEachPlane(g, p =>
    {
        int inPlane = p * g.Height * g.Width, outPlane = p * g.OutPixels;
        for (var oh = 0; oh < g.OutHeight; oh++)
        {
            int top = oh * g.StrideHeight - g.PadTop, rowEnd = Math.Min(top + g.KernelHeight, g.Height);
            for (var ow = 0; ow < g.OutWidth; ow++)
            {
                int left = ow * g.StrideWidth - g.PadLeft, columnEnd = Math.Min(left + g.KernelWidth, g.Width);
                var best = -1;
                var bestValue = T.Zero;
                for (var ih = Math.Max(top, 0); ih < rowEnd; ih++)
                {
                    for (var iw = Math.Max(left, 0); iw < columnEnd; iw++)
                    {
                        var value = input[inPlane + ih * g.Width + iw];
                        if (best < 0 || value > bestValue || (T.IsNaN(value) && !T.IsNaN(bestValue)))
                        {
                            best = ih * g.Width + iw;
                            bestValue = value;
                        }
                    }
                }
                output[outPlane + oh * g.OutWidth + ow] = bestValue;
                if (argmax is not null) argmax[outPlane + oh * g.OutWidth + ow] = best;
            }
        }
    });

    /// <summary>Each output's gradient goes to the input element that was its maximum.</summary>
    public static void MaxBackward(T[] gradOutput, int[] argmax, T[] gradInput, WindowGeometry g) => ForEachPlane(g, p =>
    {
        int inPlane = p * g.Height * g.Width, outPlane = p * g.OutPixels;
        for (var o = 0; o < g.OutPixels; o++) gradInput[inPlane + argmax[outPlane + o]] += gradOutput[outPlane + o];
    });

    /// <summary>
    /// The window a pooled output averages: rows top..bottom and columns left..right clipped to the image,
    /// and the divisor, which counts padding cells (but not cells beyond the padding) when countIncludePad.
    /// </summary>
    private static (int Top, int Bottom, int Left, int Right, T Divisor) AverageWindow(int oh, int ow, WindowGeometry g, bool countIncludePad)
    {
        int top = oh * g.StrideHeight - g.PadTop, left = ow * g.StrideWidth - g.PadLeft;
        int bottom = Math.Min(top + g.KernelHeight, g.Height + g.PadTop), right = Math.Min(left + g.KernelWidth, g.Width + g.PadLeft);
        var padded = (bottom - top) * (right - left);
        top = Math.Max(top, 0);
        left = Math.Max(left, 0);
        bottom = Math.Min(bottom, g.Height);
        right = Math.Min(right, g.Width);
        return (top, bottom, left, right, T.CreateChecked(countIncludePad ? padded : (bottom - top) * (right - left)));
    }

    public static void AverageForward(T[] input, T[] output, WindowGeometry g, bool countIncludePad) => ForEachPlane(g, p =>
    {
        int inPlane = p * g.Height * g.Width, outPlane = p * g.OutPixels;
        for (var oh = 0; oh < g.OutHeight; oh++)
        {
            for (var ow = 0; ow < g.OutWidth; ow++)
            {
                var (top, bottom, left, right, divisor) = AverageWindow(oh, ow, g, countIncludePad);
                var sum = T.Zero;
                for (var ih = top; ih < bottom; ih++)
                    for (var iw = left; iw < right; iw++) sum += input[inPlane + ih * g.Width + iw];
                output[outPlane + oh * g.OutWidth + ow] = sum / divisor;
            }
        }
    });

    /// <summary>Each output's gradient, divided by the same divisor, goes to every cell of its window.</summary>
    public static void AverageBackward(T[] gradOutput, T[] gradInput, WindowGeometry g, bool countIncludePad) => ForEachPlane(g, p =>
    {
        int inPlane = p * g.Height * g.Width, outPlane = p * g.OutPixels;
        for (var oh = 0; oh < g.OutHeight; oh++)
        {
            for (var ow = 0; ow < g.OutWidth; ow++)
            {
                var (top, bottom, left, right, divisor) = AverageWindow(oh, ow, g, countIncludePad);
                var share = gradOutput[outPlane + oh * g.OutWidth + ow] / divisor;
                for (var ih = top; ih < bottom; ih++)
                    for (var iw = left; iw < right; iw++) gradInput[inPlane + ih * g.Width + iw] += share;
            }
        }
    });

    /// <summary>PyTorch's adaptive window along one axis: output i covers inputs ⌊i·in/out⌋ .. ⌈(i+1)·in/out⌉ − 1.</summary>
    private static (int Start, int End) AdaptiveRange(int i, int inSize, int outSize) =>
        ((int)((long)i * inSize / outSize), (int)(((long)(i + 1) * inSize + outSize - 1) / outSize));

    public static void AdaptiveAverageForward(T[] input, T[] output, WindowGeometry g) => ForEachPlane(g, p =>
    {
        int inPlane = p * g.Height * g.Width, outPlane = p * g.OutPixels;
        for (var oh = 0; oh < g.OutHeight; oh++)
        {
            var (top, bottom) = AdaptiveRange(oh, g.Height, g.OutHeight);
            for (var ow = 0; ow < g.OutWidth; ow++)
            {
                var (left, right) = AdaptiveRange(ow, g.Width, g.OutWidth);
                var sum = T.Zero;
                for (var ih = top; ih < bottom; ih++)
                    for (var iw = left; iw < right; iw++) sum += input[inPlane + ih * g.Width + iw];
                output[outPlane + oh * g.OutWidth + ow] = sum / T.CreateChecked((bottom - top) * (right - left));
            }
        }
    });

    public static void AdaptiveAverageBackward(T[] gradOutput, T[] gradInput, WindowGeometry g) => ForEachPlane(g, p =>
    {
        int inPlane = p * g.Height * g.Width, outPlane = p * g.OutPixels;
        for (var oh = 0; oh < g.OutHeight; oh++)
        {
            var (top, bottom) = AdaptiveRange(oh, g.Height, g.OutHeight);
            for (var ow = 0; ow < g.OutWidth; ow++)
            {
                var (left, right) = AdaptiveRange(ow, g.Width, g.OutWidth);
                var share = gradOutput[outPlane + oh * g.OutWidth + ow] / T.CreateChecked((bottom - top) * (right - left));
                for (var ih = top; ih < bottom; ih++)
                    for (var iw = left; iw < right; iw++) gradInput[inPlane + ih * g.Width + iw] += share;
            }
        }
    });
}
