namespace Course.Torch.Kernels;

internal static unsafe partial class BlockedGemm<T, TVector, TSimd>
{
    // Packing copies a block of A or B into the exact order the micro-kernel reads it, so that the
    // kernel's inner loop walks memory strictly forward with unit stride whatever the operand's
    // strides were (row-major, transposed, or a strided view). The copy costs O(rows * depth) and is
    // reused for O(rows * depth * columns) multiply-adds, so it pays for itself many times over.
    //
    // Both operands pack the same way, seen as a matrix with a "width" axis (rows of A, columns of B)
    // and a "depth" axis (k). A block is cut into slivers tileWidth wide; each sliver is stored
    // depth-step by depth-step: sliver[p * tileWidth + w] = operand(w, p).
    private static void PackBlock(T* source, nint widthStride, nint depthStride, int width, int tileWidth,
                                  int depth, T* destination)
    {
        for (int w = 0; w < width; w += tileWidth)
        {
            int validWidth = Math.Min(tileWidth, width - w);
            PackSliver(source + w * widthStride, widthStride, depthStride, validWidth, tileWidth, depth, destination);
            destination += tileWidth * depth;
        }
    }

    private static void PackSliver(T* source, nint widthStride, nint depthStride, int validWidth, int tileWidth,
                                   int depth, T* destination)
    {
        if (widthStride == 1 && validWidth == tileWidth)
        {
            CopyContiguousSteps(source, depthStride, tileWidth, depth, destination);
            return;
        }

        CopyStrided(source, widthStride, depthStride, validWidth, tileWidth, depth, destination);

        // An edge sliver is padded up to the full tile width, so the micro-kernel can always compute a
        // full tile; the padded rows/columns of the result are simply not stored. The padding is zero
        // rather than whatever the pooled buffer held before, so the wasted lanes never compute on
        // NaN or subnormal garbage (subnormals are very slow on some CPUs).
        for (int w = validWidth; w < tileWidth; w++)
        {
            for (int p = 0; p < depth; p++)
            {
                destination[p * tileWidth + w] = default;
            }
        }
    }

    // Each depth step of the sliver is contiguous in memory (B row-major, or A transposed): copy it with
    // vector loads and stores. A call to a general memcpy would cost more than the copy itself.
    private static void CopyContiguousSteps(T* source, nint depthStride, int tileWidth, int depth, T* destination)
    {
        for (int p = 0; p < depth; p++)
        {
            T* from = source + p * depthStride;
            T* to = destination + p * tileWidth;
            int w = 0;
            for (; w <= tileWidth - TSimd.Count; w += TSimd.Count)
            {
                TSimd.Store(TSimd.Load(from + w), to + w);
            }
            for (; w < tileWidth; w++)
            {
                to[w] = from[w];
            }
        }
    }

    // Any strides. Walking along depth in the inner loop reads memory contiguously in the common case
    // depthStride == 1 (A row-major, or B transposed); the writes are then strided, which is the cheaper
    // side to be strided on because stores are buffered. Four rows are copied per pass, so the loop's
    // counting and branching is paid once per four elements rather than once per element.
    private static void CopyStrided(T* source, nint widthStride, nint depthStride, int validWidth, int tileWidth,
                                    int depth, T* destination)
    {
        int w = 0;
        for (; w + 4 <= validWidth; w += 4)
        {
            T* from0 = source + w * widthStride;
            T* from1 = from0 + widthStride;
            T* from2 = from1 + widthStride;
            T* from3 = from2 + widthStride;
            T* to = destination + w;
            for (int p = 0; p < depth; p++)
            {
                to[0] = *from0;
                to[1] = *from1;
                to[2] = *from2;
                to[3] = *from3;
                from0 += depthStride;
                from1 += depthStride;
                from2 += depthStride;
                from3 += depthStride;
                to += tileWidth;
            }
        }
        for (; w < validWidth; w++)
        {
            T* from = source + w * widthStride;
            T* to = destination + w;
            for (int p = 0; p < depth; p++)
            {
                *to = *from;
                from += depthStride;
                to += tileWidth;
            }
        }
    }
}
