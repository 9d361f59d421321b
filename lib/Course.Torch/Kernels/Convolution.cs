using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;

namespace Course.Torch.Kernels;

/// <summary>
/// 2-d convolution as im2col + GEMM (see <see cref="Im2Col"/>). The batch is processed a few images at a
/// time: each chunk's column matrix (about <see cref="ChunkElements"/> elements) stays in the core's cache
/// between being written by im2col and read by the GEMM, while still giving <see cref="Gemm"/> a product
/// wide enough to spread over the cores. (One matrix for the whole batch, 9 MB for the seeds' CNN's
/// second layer, made every pass over it a trip to main memory, and the weight gradient, which reads it
/// transposed, a page-hopping gather.)
/// All arrays are dense NCHW (input, output), OIhw (weight) or [O] (bias); the column matrix and the
/// channel-major product live in pooled scratch buffers.
/// </summary>
internal static class Convolution<T> where T : unmanaged, INumber<T>
{
    // 128 K elements: 512 KB of float32 columns, half of a typical 1 MB L2 cache.
    private const int ChunkElements = 128 * 1024;

    /// <summary>How many images one chunk holds: as many as fit ChunkElements of columns, at least one.</summary>
    private static int ImagesPerChunk(WindowGeometry g, int depth) =>
        Math.Clamp(ChunkElements / Math.Max(1, depth * g.OutPixels), 1, Math.Max(1, g.Batch));

    /// <summary>output[n, o] = bias[o] + Σ weight[o] ⋆ input[n, group of o].</summary>
    public static void Forward(T[] input, T[] weight, T[]? bias, T[] output, WindowGeometry g, int outChannels, int groups)
    {
        int groupChannels = g.Channels / groups, groupOut = outChannels / groups;
        int depth = groupChannels * g.KernelHeight * g.KernelWidth, pixels = g.OutPixels;
        var chunk = ImagesPerChunk(g, depth);
        var scratch = ArrayPool<T>.Shared.Rent(depth * chunk * pixels);
        var product = ArrayPool<T>.Shared.Rent(outChannels * chunk * pixels);
        try
        {
            for (var first = 0; first < g.Batch; first += chunk)
            {
                var part = g with { Batch = Math.Min(chunk, g.Batch - first) };
                var columns = part.Columns;
                for (var group = 0; group < groups; group++)
                {
                    Im2Col.Fill(input, first, group * groupChannels, groupChannels, scratch, part);
                    Multiply(weight, group * groupOut * depth, depth, 1, scratch, 0, columns, 1,
                             product, group * groupOut * columns, groupOut, columns, depth, accumulate: false);
                }
                // product is [O, images·OH·OW]; the output wants [image, O, OH·OW].
                for (var n = 0; n < part.Batch; n++)
                {
                    for (var o = 0; o < outChannels; o++)
                    {
                        var from = product.AsSpan(o * columns + n * pixels, pixels);
                        var to = output.AsSpan(((first + n) * outChannels + o) * pixels, pixels);
                        if (bias is null) from.CopyTo(to);
                        else TensorPrimitives.Add(from, bias[o], to);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(scratch);
            ArrayPool<T>.Shared.Return(product);
        }
    }

    /// <summary>
    /// Gradients from gradOutput (NCHW), added to the given (zeroed) targets, null ones skipped: weightGrad =
    /// gradOutput · columnsᵀ per group, biasGrad = Σ gradOutput over batch and pixels, inputGrad =
    /// col2im(weightᵀ · gradOutput). Chunks are visited in order, so the sums are deterministic.
    /// </summary>
    public static void Backward(T[] gradOutput, T[] input, T[] weight, WindowGeometry g, int outChannels, int groups,
                                T[]? inputGrad, T[]? weightGrad, T[]? biasGrad)
    {
        int groupChannels = g.Channels / groups, groupOut = outChannels / groups;
        int depth = groupChannels * g.KernelHeight * g.KernelWidth, pixels = g.OutPixels;
        var chunk = ImagesPerChunk(g, depth);
        var gradRows = ArrayPool<T>.Shared.Rent(outChannels * chunk * pixels);
        var scratch = ArrayPool<T>.Shared.Rent(depth * chunk * pixels);
        try
        {
            for (var first = 0; first < g.Batch; first += chunk)
            {
                var part = g with { Batch = Math.Min(chunk, g.Batch - first) };
                var columns = part.Columns;
                // This chunk's gradOutput as [O, images·OH·OW], the layout of the forward product.
                for (var n = 0; n < part.Batch; n++)
                    for (var o = 0; o < outChannels; o++)
                        gradOutput.AsSpan(((first + n) * outChannels + o) * pixels, pixels).CopyTo(gradRows.AsSpan(o * columns + n * pixels, pixels));
                if (biasGrad is not null)
                    for (var o = 0; o < outChannels; o++)
                        biasGrad[o] += TensorPrimitives.Sum<T>(gradRows.AsSpan(o * columns, columns));
                for (var group = 0; group < groups; group++)
                {
                    if (weightGrad is not null)
                    {
                        Im2Col.Fill(input, first, group * groupChannels, groupChannels, scratch, part);
                        // B[pixel, row] = columns[row, pixel]: the transpose is just swapped strides.
                        Multiply(gradRows, group * groupOut * columns, columns, 1, scratch, 0, 1, columns,
                                 weightGrad, group * groupOut * depth, groupOut, depth, columns, accumulate: true);
                    }
                    if (inputGrad is not null)
                    {
                        // A[row, o] = weight[o, row].
                        Multiply(weight, group * groupOut * depth, 1, depth, gradRows, group * groupOut * columns, columns, 1,
                                 scratch, 0, depth, columns, groupOut, accumulate: false);
                        Im2Col.Accumulate(scratch, inputGrad, first, group * groupChannels, groupChannels, part);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(gradRows);
            ArrayPool<T>.Shared.Return(scratch);
        }
    }

    // Gemm has one overload per element type; for a value type T the JIT keeps only the matching branch.
    private static void Multiply(T[] a, int aOffset, int aRowStride, int aColStride,
                                 T[] b, int bOffset, int bRowStride, int bColStride,
                                 T[] c, int cOffset, int m, int n, int k, bool accumulate)
    {
        if (typeof(T) == typeof(float))
            Gemm.Multiply((float[])(object)a, aOffset, aRowStride, aColStride, (float[])(object)b, bOffset, bRowStride, bColStride,
                          (float[])(object)c, cOffset, m, n, k, accumulate);
        else if (typeof(T) == typeof(double))
            Gemm.Multiply((double[])(object)a, aOffset, aRowStride, aColStride, (double[])(object)b, bOffset, bRowStride, bColStride,
                          (double[])(object)c, cOffset, m, n, k, accumulate);
        else
            throw new NotSupportedException($"internal error: convolution of {typeof(T).Name}");
    }
}
