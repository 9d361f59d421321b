using System.Numerics;

namespace Course.Torch.Kernels;

/// <summary>
/// The shape of one 2-d convolution or pooling window sweep over a batch of NCHW images.
/// Padding may differ between the two sides (PyTorch's "same" padding of an even kernel puts the
/// extra row and column at the bottom and right), so only the top and left amounts are stored;
/// <see cref="OutHeight"/> and <see cref="OutWidth"/> already account for the other sides.
/// </summary>
internal readonly record struct WindowGeometry(
    int Batch, int Channels, int Height, int Width,
    int KernelHeight, int KernelWidth, int StrideHeight, int StrideWidth,
    int PadTop, int PadLeft, int DilationHeight, int DilationWidth,
    int OutHeight, int OutWidth)
{
    public int OutPixels => OutHeight * OutWidth;

    /// <summary>Columns of the im2col matrix: every output pixel of every image in the batch.</summary>
    public int Columns => Batch * OutPixels;

    /// <summary>The output columns <c>ow</c> whose input column <c>ow·stride − padLeft + offset</c> lies inside the image.</summary>
    public (int First, int End) ValidOutputColumns(int offset)
    {
        var shift = PadLeft - offset; // input column = ow·stride − shift
        var first = shift <= 0 ? 0 : (shift + StrideWidth - 1) / StrideWidth;
        var end = Width + shift <= 0 ? 0 : (Width + shift + StrideWidth - 1) / StrideWidth;
        return (Math.Min(first, OutWidth), Math.Min(end, OutWidth));
    }
}

/// <summary>
/// im2col turns a convolution into one matrix product. Row (c, ki, kj) of the column matrix holds,
/// for every output pixel of every image (column n·OH·OW + oh·OW + ow), the input value that kernel
/// tap (ki, kj) of channel c sees there, or 0 in the padding. Then
/// <c>output[o, pixel] = Σ_row weight[o, row] · columns[row, pixel]</c>: a GEMM of the
/// (out_channels × C·kh·kw) weight matrix with the (C·kh·kw × N·OH·OW) column matrix.
/// col2im is its transpose: it adds each column entry back onto the input pixel it came from,
/// which is how the gradient of the input is assembled.
/// </summary>
internal static class Im2Col
{
    // Below this many elements, starting threads costs more than it saves.
    private const int MinParallelElements = 1 << 15;

    /// <summary>
    /// Fills <paramref name="columns"/> (C·kh·kw rows of <see cref="WindowGeometry.Columns"/>) from channels
    /// firstChannel.. of the g.Batch images that start at image firstImage of the input.
    /// </summary>
    public static void Fill<T>(T[] input, int firstImage, int firstChannel, int channels, T[] columns, WindowGeometry g)
        where T : unmanaged, INumber<T>
    {
        var rows = channels * g.KernelHeight * g.KernelWidth;
        if ((long)rows * g.Columns < MinParallelElements)
        {
            for (var row = 0; row < rows; row++) FillRow(input, firstImage, firstChannel, row, columns, g);
        }
        else
        {
            Parallel.For(0, rows, row => FillRow(input, firstImage, firstChannel, row, columns, g));
        }
    }

    private static void FillRow<T>(T[] input, int firstImage, int firstChannel, int row, T[] columns, WindowGeometry g)
        where T : unmanaged, INumber<T>
    {
        var kj = row % g.KernelWidth;
        var ki = row / g.KernelWidth % g.KernelHeight;
        var c = firstChannel + row / (g.KernelWidth * g.KernelHeight);
        var columnOffset = kj * g.DilationWidth;
        var (first, end) = g.ValidOutputColumns(columnOffset);
        var target = columns.AsSpan(row * g.Columns, g.Columns);
        for (var n = 0; n < g.Batch; n++)
        {
            var plane = ((firstImage + n) * g.Channels + c) * g.Height * g.Width;
            for (var oh = 0; oh < g.OutHeight; oh++)
            {
                var line = target.Slice(n * g.OutPixels + oh * g.OutWidth, g.OutWidth);
                var ih = oh * g.StrideHeight - g.PadTop + ki * g.DilationHeight;
                if (ih < 0 || ih >= g.Height || first >= end)
                {
                    line.Clear();
                    continue;
                }
                line[..first].Clear();
                line[end..].Clear();
                var source = plane + ih * g.Width - g.PadLeft + columnOffset;
                if (g.StrideWidth == 1)
                {
                    input.AsSpan(source + first, end - first).CopyTo(line[first..end]);
                }
                else
                {
                    for (var ow = first; ow < end; ow++) line[ow] = input[source + ow * g.StrideWidth];
                }
            }
        }
    }

    /// <summary>col2im: adds every entry of <paramref name="columns"/> onto the input pixel it was read from (images firstImage.., channels firstChannel..).</summary>
    public static void Accumulate<T>(T[] columns, T[] inputGrad, int firstImage, int firstChannel, int channels, WindowGeometry g)
        where T : unmanaged, INumber<T>
    {
        // Rows of one channel write to the same input plane, so the parallel unit is a (image, channel) plane.
        var planes = g.Batch * channels;
        if ((long)channels * g.KernelHeight * g.KernelWidth * g.Columns < MinParallelElements)
        {
            for (var p = 0; p < planes; p++) AccumulatePlane(columns, inputGrad, firstImage, firstChannel, channels, p, g);
        }
        else
        {
            Parallel.For(0, planes, p => AccumulatePlane(columns, inputGrad, firstImage, firstChannel, channels, p, g));
        }
    }

    private static void AccumulatePlane<T>(T[] columns, T[] inputGrad, int firstImage, int firstChannel, int channels, int planeIndex, WindowGeometry g)
        where T : unmanaged, INumber<T>
    {
        var n = planeIndex / channels;
        var c = planeIndex % channels;
        var plane = ((firstImage + n) * g.Channels + firstChannel + c) * g.Height * g.Width;
        for (var ki = 0; ki < g.KernelHeight; ki++)
        {
            for (var kj = 0; kj < g.KernelWidth; kj++)
            {
                var row = (c * g.KernelHeight + ki) * g.KernelWidth + kj;
                var columnOffset = kj * g.DilationWidth;
                var (first, end) = g.ValidOutputColumns(columnOffset);
                if (first >= end) continue;
                for (var oh = 0; oh < g.OutHeight; oh++)
                {
                    var ih = oh * g.StrideHeight - g.PadTop + ki * g.DilationHeight;
                    if (ih < 0 || ih >= g.Height) continue;
                    var source = row * g.Columns + n * g.OutPixels + oh * g.OutWidth;
                    var target = plane + ih * g.Width - g.PadLeft + columnOffset;
                    if (g.StrideWidth == 1)
                    {
                        var into = inputGrad.AsSpan(target + first, end - first);
                        System.Numerics.Tensors.TensorPrimitives.Add(into, columns.AsSpan(source + first, end - first), into);
                    }
                    else
                    {
                        for (var ow = first; ow < end; ow++) inputGrad[target + ow * g.StrideWidth] += columns[source + ow];
                    }
                }
            }
        }
    }
}
