using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;

namespace Course.Torch.Kernels;

/// <summary>
/// 2-d convolution as im2col + GEMM (see <see cref="Im2Col"/>). The batch is processed a few images at a
/// time: each chunk's column matrix (about <see cref="ChunkElements"/> elements) stays in the core's cache
/// between being written by im2col and read by the GEMM. (One matrix for the whole batch, 9 MB for the
/// seeds' CNN's second layer, made every pass over it a trip to main memory, and the weight gradient,
/// which reads it transposed, a page-hopping gather.) Chunks are independent, so they are also the unit
/// of parallel work: one fork per layer instead of one per im2col and per GEMM of every chunk.
/// All arrays are dense NCHW (input, output), OIhw (weight) or [O] (bias); column matrices, products and
/// per-chunk partial gradients live in pooled scratch buffers.
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
        Parallel.For(0, (g.Batch + chunk - 1) / chunk, chunkIndex =>
        {
            var first = chunkIndex * chunk;
            var part = g with { Batch = Math.Min(chunk, g.Batch - first) };
            var columns = part.Columns;
            var scratch = ArrayPool<T>.Shared.Rent(depth * columns);
            var product = ArrayPool<T>.Shared.Rent(outChannels * columns);
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
            ArrayPool<T>.Shared.Return(scratch);
            ArrayPool<T>.Shared.Return(product);
        });
    }

    /// <summary>
    /// Gradients from gradOutput (NCHW), added to the given (zeroed) targets, null ones skipped: weightGrad =
    /// gradOutput · columnsᵀ per group, biasGrad = Σ gradOutput over batch and pixels, inputGrad =
    /// col2im(weightᵀ · gradOutput). Each chunk writes its own partial weight and bias gradients, which are
    /// then added in chunk order, so the sums do not depend on how the chunks were scheduled.
    /// </summary>
    public static void Backward(T[] gradOutput, T[] input, T[] weight, WindowGeometry g, int outChannels, int groups,
                                T[]? inputGrad, T[]? weightGrad, T[]? biasGrad)
    {
        int groupChannels = g.Channels / groups, groupOut = outChannels / groups;
        int depth = groupChannels * g.KernelHeight * g.KernelWidth, pixels = g.OutPixels;
        int chunk = ImagesPerChunk(g, depth), chunks = (g.Batch + chunk - 1) / chunk, weights = outChannels * depth;
        var weightPartials = ArrayPool<T>.Shared.Rent(chunks * weights);
        var biasPartials = ArrayPool<T>.Shared.Rent(chunks * outChannels);
        Parallel.For(0, chunks, chunkIndex =>
        {
            var first = chunkIndex * chunk;
            var part = g with { Batch = Math.Min(chunk, g.Batch - first) };
            var columns = part.Columns;
            var gradRows = ArrayPool<T>.Shared.Rent(outChannels * columns);
            var scratch = ArrayPool<T>.Shared.Rent(depth * columns);
            // This chunk's gradOutput as [O, images·OH·OW], the layout of the forward product.
            for (var n = 0; n < part.Batch; n++)
                for (var o = 0; o < outChannels; o++)
                    gradOutput.AsSpan(((first + n) * outChannels + o) * pixels, pixels).CopyTo(gradRows.AsSpan(o * columns + n * pixels, pixels));
            for (var o = 0; o < outChannels; o++)
                biasPartials[chunkIndex * outChannels + o] = TensorPrimitives.Sum<T>(gradRows.AsSpan(o * columns, columns));
            for (var group = 0; group < groups; group++)
            {
                if (weightGrad is not null)
                {
                    Im2Col.Fill(input, first, group * groupChannels, groupChannels, scratch, part);
                    // B[pixel, row] = columns[row, pixel]: the transpose is just swapped strides.
                    Multiply(gradRows, group * groupOut * columns, columns, 1, scratch, 0, 1, columns,
                             weightPartials, chunkIndex * weights + group * groupOut * depth, groupOut, depth, columns, accumulate: false);
                }
                if (inputGrad is not null)
                {
                    // A[row, o] = weight[o, row]. The chunk's images are written by no other chunk.
                    Multiply(weight, group * groupOut * depth, 1, depth, gradRows, group * groupOut * columns, columns, 1,
                             scratch, 0, depth, columns, groupOut, accumulate: false);
                    Im2Col.Accumulate(scratch, inputGrad, first, group * groupChannels, groupChannels, part);
                }
            }
            ArrayPool<T>.Shared.Return(gradRows);
            ArrayPool<T>.Shared.Return(scratch);
        });
        for (var c = 0; c < chunks; c++)
        {
            if (weightGrad is not null)
                TensorPrimitives.Add(weightGrad, weightPartials.AsSpan(c * weights, weights), weightGrad);
            if (biasGrad is not null)
                TensorPrimitives.Add(biasGrad, biasPartials.AsSpan(c * outChannels, outChannels), biasGrad);
        }
        ArrayPool<T>.Shared.Return(weightPartials);
        ArrayPool<T>.Shared.Return(biasPartials);
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
