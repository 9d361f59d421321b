using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;

namespace Course.Torch.Kernels;

/// <summary>
/// 2-d convolution as im2col + GEMM (see <see cref="Im2Col"/>), over the whole batch at once so each
/// group is a single large matrix product that <see cref="Gemm"/> spreads over the cores.
/// All arrays are dense NCHW (input, output), OIhw (weight) or [O] (bias); the column matrix and the
/// channel-major product live in pooled scratch buffers.
/// </summary>
internal static class Convolution<T> where T : unmanaged, INumber<T>
{
    /// <summary>output[n, o] = bias[o] + Σ weight[o] ⋆ input[n, group of o].</summary>
    public static void Forward(T[] input, T[] weight, T[]? bias, T[] output, WindowGeometry g, int outChannels, int groups)
    {
        int groupChannels = g.Channels / groups, groupOut = outChannels / groups;
        int depth = groupChannels * g.KernelHeight * g.KernelWidth, columns = g.Columns;
        var scratch = ArrayPool<T>.Shared.Rent(depth * columns);
        var product = ArrayPool<T>.Shared.Rent(outChannels * columns);
        try
        {
            for (var group = 0; group < groups; group++)
            {
                Im2Col.Fill(input, group * groupChannels, groupChannels, scratch, g);
                Multiply(weight, group * groupOut * depth, depth, 1, scratch, 0, columns, 1,
                         product, group * groupOut * columns, groupOut, columns, depth, accumulate: false);
            }
            // product is [O, N·OH·OW]; the output wants [N, O, OH·OW].
            int pixels = g.OutPixels;
            for (var n = 0; n < g.Batch; n++)
            {
                for (var o = 0; o < outChannels; o++)
                {
                    var from = product.AsSpan(o * columns + n * pixels, pixels);
                    var to = output.AsSpan((n * outChannels + o) * pixels, pixels);
                    if (bias is null) from.CopyTo(to);
                    else TensorPrimitives.Add(from, bias[o], to);
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
    /// Gradients from gradOutput (NCHW): weightGrad = gradOutput · columnsᵀ per group, biasGrad = Σ gradOutput
    /// over batch and pixels, inputGrad = col2im(weightᵀ · gradOutput). Null targets are skipped.
    /// </summary>
    public static void Backward(T[] gradOutput, T[] input, T[] weight, WindowGeometry g, int outChannels, int groups,
                                T[]? inputGrad, T[]? weightGrad, T[]? biasGrad)
    {
        int groupChannels = g.Channels / groups, groupOut = outChannels / groups;
        int depth = groupChannels * g.KernelHeight * g.KernelWidth, columns = g.Columns, pixels = g.OutPixels;
        var gradRows = ArrayPool<T>.Shared.Rent(outChannels * columns);
        var scratch = ArrayPool<T>.Shared.Rent(depth * columns);
        try
        {
            // gradOutput as [O, N·OH·OW], the layout of the forward product.
            for (var n = 0; n < g.Batch; n++)
                for (var o = 0; o < outChannels; o++)
                    gradOutput.AsSpan((n * outChannels + o) * pixels, pixels).CopyTo(gradRows.AsSpan(o * columns + n * pixels, pixels));
            if (biasGrad is not null)
                for (var o = 0; o < outChannels; o++)
                    biasGrad[o] = TensorPrimitives.Sum<T>(gradRows.AsSpan(o * columns, columns));
            for (var group = 0; group < groups; group++)
            {
                if (weightGrad is not null)
                {
                    Im2Col.Fill(input, group * groupChannels, groupChannels, scratch, g);
                    // B[pixel, row] = columns[row, pixel]: the transpose is just swapped strides.
                    Multiply(gradRows, group * groupOut * columns, columns, 1, scratch, 0, 1, columns,
                             weightGrad, group * groupOut * depth, groupOut, depth, columns, accumulate: false);
                }
                if (inputGrad is not null)
                {
                    // A[row, o] = weight[o, row].
                    Multiply(weight, group * groupOut * depth, 1, depth, gradRows, group * groupOut * columns, columns, 1,
                             scratch, 0, depth, columns, groupOut, accumulate: false);
                    Im2Col.Accumulate(scratch, inputGrad, group * groupChannels, groupChannels, g);
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
