using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;

namespace Course.Torch.Kernels;

/// <summary>
/// 2-d convolution computed tap by tap, without an im2col matrix, for layers whose filters are small
/// (few input channels, like a network's first layer on grey or RGB images). There im2col + GEMM is a
/// poor fit: the product's inner dimension C·kh·kw is tiny (9 for a 3x3 filter on one channel), so the
/// GEMM spends its time packing a column matrix nine times the size of the input rather than multiplying.
/// <para>
/// The trick that keeps every inner loop a long SIMD pass: with stride 1 and no padding, output row oh
/// of kernel tap (i, j) reads input row oh + i·d starting at column j·d. Computing "wide" output rows
/// of the input's width W instead of OW (the extra W − OW columns per row are garbage and dropped) makes
/// a tap one contiguous multiply-add over (OH − 1)·W + OW elements:
/// <c>wide[t] += weight · plane[i·d·W + j·d + t]</c>.
/// The backward pass uses the same layout: a wide gradient (garbage columns set to zero) turns the
/// weight gradient into dot products and the input gradient into multiply-adds.
/// </para>
/// Arrays are dense NCHW (input, output), OIhw (weight) and [O] (bias), as for <see cref="Convolution{T}"/>.
/// </summary>
internal static class DirectConvolution<T> where T : unmanaged, INumber<T>
{
    /// <summary>Largest C/groups·kh·kw the direct kernel takes; above it im2col + GEMM does fewer passes over memory.</summary>
    public const int MaxDepth = 32;

    /// <summary>Whether the direct kernel handles this geometry: stride 1, no padding, small filters.</summary>
    public static bool Fits(WindowGeometry g, int groups) =>
        g.StrideHeight == 1 && g.StrideWidth == 1 && g.PadTop == 0 && g.PadLeft == 0
        && g.OutHeight == g.Height - (g.KernelHeight - 1) * g.DilationHeight
        && g.OutWidth == g.Width - (g.KernelWidth - 1) * g.DilationWidth
        && g.Channels / groups * g.KernelHeight * g.KernelWidth <= MaxDepth;

    /// <summary>Elements of one wide output plane that are computed: the last row needs only OW columns.</summary>
    private static int WideLength(WindowGeometry g) => (g.OutHeight - 1) * g.Width + g.OutWidth;

    /// <summary>Offset inside an input plane of the element that tap (i, j) pairs with output (0, 0).</summary>
    private static int TapOffset(WindowGeometry g, int i, int j) => i * g.DilationHeight * g.Width + j * g.DilationWidth;

    public static void Forward(T[] input, T[] weight, T[]? bias, T[] output, WindowGeometry g, int outChannels, int groups)
    {
        int groupChannels = g.Channels / groups, groupOut = outChannels / groups, taps = g.KernelHeight * g.KernelWidth;
        int plane = g.Height * g.Width, length = WideLength(g);
        // One (image, output channel) plane per work item: each reads its image's channels and writes only its own plane.
        Parallel.For(0, g.Batch * outChannels, () => ArrayPool<T>.Shared.Rent(length), (item, _, wide) =>
        {
            int n = item / outChannels, o = item % outChannels, firstChannel = o / groupOut * groupChannels;
            var sum = wide.AsSpan(0, length);
            sum.Fill(bias is null ? T.Zero : bias[o]);
            for (var c = 0; c < groupChannels; c++)
            {
                var image = input.AsSpan((n * g.Channels + firstChannel + c) * plane, plane);
                for (var tap = 0; tap < taps; tap++)
                {
                    var w = weight[(o * groupChannels + c) * taps + tap];
                    var shifted = image.Slice(TapOffset(g, tap / g.KernelWidth, tap % g.KernelWidth), length);
                    TensorPrimitives.MultiplyAdd(shifted, w, sum, sum);
                }
            }
            var target = output.AsSpan(item * g.OutPixels, g.OutPixels);
            for (var oh = 0; oh < g.OutHeight; oh++)
                sum.Slice(oh * g.Width, g.OutWidth).CopyTo(target.Slice(oh * g.OutWidth, g.OutWidth));
            return wide;
        }, wide => ArrayPool<T>.Shared.Return(wide));
    }

    /// <summary>
    /// Gradients from gradOutput (NCHW), each written in full where given: weightGrad[o, c, i, j] = Σ over images
    /// and output pixels of gradOutput · the input pixel tap (i, j) saw; biasGrad[o] = Σ gradOutput[·, o];
    /// inputGrad (must be zeroed) receives every output gradient times the weight that linked it to each input pixel.
    /// </summary>
    public static void Backward(T[] gradOutput, T[] input, T[] weight, WindowGeometry g, int outChannels, int groups,
                                T[]? inputGrad, T[]? weightGrad, T[]? biasGrad)
    {
        int groupChannels = g.Channels / groups, groupOut = outChannels / groups, taps = g.KernelHeight * g.KernelWidth;
        int plane = g.Height * g.Width, length = WideLength(g);
        if (weightGrad is not null || biasGrad is not null)
        {
            // One output channel per work item, summing over the images in order: deterministic, and no two items write the same weight.
            Parallel.For(0, outChannels, () => ArrayPool<T>.Shared.Rent(length), (o, _, wide) =>
            {
                var firstChannel = o / groupOut * groupChannels;
                var biasSum = T.Zero;
                if (weightGrad is not null) weightGrad.AsSpan(o * groupChannels * taps, groupChannels * taps).Clear();
                for (var n = 0; n < g.Batch; n++)
                {
                    var grad = Widen(gradOutput, n * outChannels + o, g, wide.AsSpan(0, length));
                    biasSum += TensorPrimitives.Sum<T>(grad);
                    if (weightGrad is null) continue;
                    for (var c = 0; c < groupChannels; c++)
                    {
                        var image = input.AsSpan((n * g.Channels + firstChannel + c) * plane, plane);
                        for (var tap = 0; tap < taps; tap++)
                        {
                            var shifted = image.Slice(TapOffset(g, tap / g.KernelWidth, tap % g.KernelWidth), length);
                            weightGrad[(o * groupChannels + c) * taps + tap] += TensorPrimitives.Dot<T>(grad, shifted);
                        }
                    }
                }
                if (biasGrad is not null) biasGrad[o] = biasSum;
                return wide;
            }, wide => ArrayPool<T>.Shared.Return(wide));
        }
        if (inputGrad is not null)
        {
            // One image per work item: its input planes are written by no other item.
            Parallel.For(0, g.Batch, () => ArrayPool<T>.Shared.Rent(length), (n, _, wide) =>
            {
                for (var o = 0; o < outChannels; o++)
                {
                    var grad = Widen(gradOutput, n * outChannels + o, g, wide.AsSpan(0, length));
                    var firstChannel = o / groupOut * groupChannels;
                    for (var c = 0; c < groupChannels; c++)
                    {
                        var image = inputGrad.AsSpan((n * g.Channels + firstChannel + c) * plane, plane);
                        for (var tap = 0; tap < taps; tap++)
                        {
                            var w = weight[(o * groupChannels + c) * taps + tap];
                            var shifted = image.Slice(TapOffset(g, tap / g.KernelWidth, tap % g.KernelWidth), length);
                            TensorPrimitives.MultiplyAdd(grad, w, shifted, shifted);
                        }
                    }
                }
                return wide;
            }, wide => ArrayPool<T>.Shared.Return(wide));
        }
    }

    /// <summary>Copies output plane <paramref name="planeIndex"/> of gradOutput into wide rows, zero in the garbage columns.</summary>
    private static Span<T> Widen(T[] gradOutput, int planeIndex, WindowGeometry g, Span<T> wide)
    {
        var source = gradOutput.AsSpan(planeIndex * g.OutPixels, g.OutPixels);
        for (var oh = 0; oh < g.OutHeight; oh++)
        {
            var row = wide.Slice(oh * g.Width);
            source.Slice(oh * g.OutWidth, g.OutWidth).CopyTo(row);
            if (oh < g.OutHeight - 1) row.Slice(g.OutWidth, g.Width - g.OutWidth).Clear();
        }
        return wide;
    }
}
