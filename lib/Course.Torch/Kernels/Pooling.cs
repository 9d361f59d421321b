using System.Numerics;
using System.Runtime.CompilerServices;

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
        MaxPlane(input.AsSpan(inPlane, g.Height * g.Width), output.AsSpan(outPlane, g.OutPixels),
                 argmax is null ? default : argmax.AsSpan(outPlane, g.OutPixels), g);
    });

    // A separate method with the geometry in locals: inside the lambda above, every g.Width would be a
    // field of the closure object, reloaded on each use because the stores to output might alias it.
    private static void MaxPlane(ReadOnlySpan<T> plane, Span<T> output, Span<int> argmax, in WindowGeometry g)
    {
        int width = g.Width, height = g.Height, outWidth = g.OutWidth, outHeight = g.OutHeight;
        int kernelHeight = g.KernelHeight, kernelWidth = g.KernelWidth, strideHeight = g.StrideHeight, strideWidth = g.StrideWidth;
        int padTop = g.PadTop, padLeft = g.PadLeft;
        var keepArgmax = !argmax.IsEmpty;
        if (kernelHeight == 2 && kernelWidth == 2 && padTop == 0 && padLeft == 0)
        {
            MaxPlane2x2(plane, output, argmax, width, outHeight, outWidth, strideHeight, strideWidth);
            return;
        }
        for (var oh = 0; oh < outHeight; oh++)
        {
            int top = oh * strideHeight - padTop, rowStart = Math.Max(top, 0), rowEnd = Math.Min(top + kernelHeight, height);
            for (var ow = 0; ow < outWidth; ow++)
            {
                int left = ow * strideWidth - padLeft, columnStart = Math.Max(left, 0), columnEnd = Math.Min(left + kernelWidth, width);
                var best = rowStart * width + columnStart;
                for (var ih = rowStart; ih < rowEnd; ih++)
                    for (var iw = columnStart; iw < columnEnd; iw++)
                        best = Pick(plane, best, ih * width + iw);
                output[oh * outWidth + ow] = plane[best];
                if (keepArgmax) argmax[oh * outWidth + ow] = best;
            }
        }
    }

    /// <summary>
    /// The most common pooling, 2x2 windows without padding, unrolled: the general loops spend more on loop
    /// control for their two-element inner loops than on the comparisons.
    /// </summary>
    private static void MaxPlane2x2(ReadOnlySpan<T> plane, Span<T> output, Span<int> argmax, int width,
                                    int outHeight, int outWidth, int strideHeight, int strideWidth)
    {
        var keepArgmax = !argmax.IsEmpty;
        for (var oh = 0; oh < outHeight; oh++)
        {
            var top = oh * strideHeight * width;
            var rows = plane.Slice(top, 2 * width);
            var outputRow = output.Slice(oh * outWidth, outWidth);
            for (var ow = 0; ow < outWidth; ow++)
            {
                // Candidates in row-major order; the first maximum (or first NaN) wins, as in the general loop.
                var best = ow * strideWidth;
                best = Pick(rows, best, best + 1);
                best = Pick(rows, best, ow * strideWidth + width);
                best = Pick(rows, best, ow * strideWidth + width + 1);
                outputRow[ow] = rows[best];
                if (keepArgmax) argmax[oh * outWidth + ow] = top + best;
            }
        }
    }

    /// <summary>
    /// best or candidate, whichever index holds the window's maximum so far, computed with arithmetic instead
    /// of a branch: on real data "is this the new maximum?" is a coin toss, and a mispredicted branch costs
    /// more than the comparison itself (the JIT turns ?: into a conditional move only outside loops).
    /// </summary>
    private static int Pick(ReadOnlySpan<T> values, int best, int candidate)
    {
        var better = Better(values[candidate], values[best]);
        return best + Unsafe.BitCast<bool, byte>(better) * (candidate - best);
    }

    /// <summary>
    /// Whether value replaces bestValue as the window's maximum: larger, or the first NaN (NaN propagates, as
    /// in PyTorch). "Not value &lt;= bestValue" is true when value is larger or either is NaN, so one test of
    /// bestValue finishes it: cheaper than testing both for NaN.
    /// </summary>
    private static bool Better(T value, T bestValue) => !(value <= bestValue) & !T.IsNaN(bestValue);

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
