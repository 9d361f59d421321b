using System.Buffers;
using System.Numerics;

namespace Course.Torch.Kernels;

// Cache-blocked, packed, SIMD matrix multiply: C = (accumulate ? C : 0) + A · B.
//
// The structure follows Goto and van de Geijn, "Anatomy of High-Performance Matrix Multiplication"
// (2008), the design behind OpenBLAS, BLIS and MKL:
//
//   for each block of C (rows x columns)              <- the unit of parallel work
//     for each slice of k (depthBlock wide)
//       pack A[block rows, k slice]     -> packedA     (stays in L2 cache)
//       pack B[k slice, block columns]  -> packedB
//       for each sliver of TileColumns columns        (one B sliver, depth x TileColumns: stays in L1)
//         for each sliver of TileRows rows
//           tile of C += A sliver · B sliver           <- the register-blocked micro-kernel
//
// Each element of C is produced by exactly one block, which always visits the k slices in order and
// the k steps inside a slice in order. The floating-point summation order is therefore fixed by the
// shapes alone, so the result is bit-for-bit deterministic however the blocks are scheduled on threads.
internal static unsafe partial class BlockedGemm<T, TVector, TSimd>
    where T : unmanaged, INumber<T>
    where TVector : struct
    where TSimd : ISimdOps<T, TVector>
{
    private const int TileRows = 6;

    private static int TileColumns => 2 * TSimd.Count;

    // k is processed in slices of at most 256 steps. One B sliver is then 256 x 32 floats (or 256 x 16
    // doubles) = 32 KiB, which fits the 32-48 KiB L1 data cache of current x64 and Arm cores, so the
    // micro-kernel streams it from L1 for all the row tiles of the block.
    private const int MaxDepthBlock = 256;

    // A block of C is at most 192 rows x 256 columns. Its packed A (192 x 256 floats = 192 KiB) and packed
    // B (256 x 256 floats = 256 KiB) fit together in a 1 MiB L2 cache, and are reused by every tile of
    // the block. Both limits are multiples of every tile size (6 rows; 32, 16 or 8 float columns).
    private const int MaxRowBlock = 192;
    private const int MaxColumnBlock = 256;

    // Below about 64 K multiply-adds the whole product takes a few microseconds, comparable to the cost of
    // waking a second thread, so small products run on the calling thread.
    private const long MinParallelMultiplyAdds = 64 * 1024;

    // Packed buffers start on a 64-byte (cache line) boundary so every vector load from them is aligned.
    private const int CacheLineBytes = 64;

    private readonly record struct StridedMatrix(T[] Data, int Offset, int RowStride, int ColumnStride);

    internal static void Multiply(T[] a, int aOffset, int aRowStride, int aColStride,
                                  T[] b, int bOffset, int bRowStride, int bColStride,
                                  T[] c, int cOffset, int m, int n, int k, bool accumulate)
    {
        if (m == 0 || n == 0)
        {
            return;
        }
        if (k == 0)
        {
            // An empty sum: C keeps its value, or becomes zero.
            if (!accumulate)
            {
                Array.Clear(c, cOffset, m * n);
            }
            return;
        }

        var left = new StridedMatrix(a, aOffset, aRowStride, aColStride);
        var right = new StridedMatrix(b, bOffset, bRowStride, bColStride);

        // Split k evenly rather than into full slices plus a remainder: k = 784 becomes 4 x 196 instead of
        // 3 x 256 + 16, which avoids a short, overhead-dominated last slice.
        int depthBlock = CeilDiv(k, CeilDiv(k, MaxDepthBlock));

        int rowTiles = CeilDiv(m, TileRows);
        int columnTiles = CeilDiv(n, TileColumns);
        int rowBlocks = CeilDiv(rowTiles, MaxRowBlock / TileRows);
        int columnBlocks = CeilDiv(columnTiles, MaxColumnBlock / TileColumns);

        int threads = (long)m * n * k >= MinParallelMultiplyAdds ? Environment.ProcessorCount : 1;
        // Give every thread the same amount of work: round the number of blocks up to a multiple of the
        // thread count. Each split cuts the longer side of the blocks, which keeps them square-ish and so
        // keeps the packing work per block (proportional to rows + columns) small.
        while ((rowBlocks * columnBlocks) % threads != 0 && (rowBlocks < rowTiles || columnBlocks < columnTiles))
        {
            bool rowsAreLonger = (long)m * columnBlocks >= (long)n * rowBlocks;
            bool splitRows = columnBlocks == columnTiles || (rowBlocks < rowTiles && rowsAreLonger);
            if (splitRows)
            {
                rowBlocks++;
            }
            else
            {
                columnBlocks++;
            }
        }

        void MultiplyBlockAt(int blockIndex)
        {
            int rowBlock = blockIndex / columnBlocks;
            int columnBlock = blockIndex % columnBlocks;
            int rowStart = FirstTileOfBlock(rowBlock, rowBlocks, rowTiles) * TileRows;
            int rowEnd = Math.Min(m, FirstTileOfBlock(rowBlock + 1, rowBlocks, rowTiles) * TileRows);
            int columnStart = FirstTileOfBlock(columnBlock, columnBlocks, columnTiles) * TileColumns;
            int columnEnd = Math.Min(n, FirstTileOfBlock(columnBlock + 1, columnBlocks, columnTiles) * TileColumns);
            MultiplyBlock(left, right, c, cOffset, n, k, depthBlock, accumulate, rowStart, rowEnd, columnStart, columnEnd);
        }

        int blocks = rowBlocks * columnBlocks;
        if (threads == 1 || blocks == 1)
        {
            for (int block = 0; block < blocks; block++)
            {
                MultiplyBlockAt(block);
            }
        }
        else
        {
            Parallel.For(0, blocks, MultiplyBlockAt);
        }
    }

    // Computes C[rowStart..rowEnd, columnStart..columnEnd] over the whole of k, one k slice at a time.
    private static void MultiplyBlock(StridedMatrix a, StridedMatrix b, T[] c, int cOffset, int n, int k,
                                      int depthBlock, bool accumulate,
                                      int rowStart, int rowEnd, int columnStart, int columnEnd)
    {
        int rows = rowEnd - rowStart;
        int columns = columnEnd - columnStart;
        int packedALength = CeilDiv(rows, TileRows) * TileRows * depthBlock;
        int packedBLength = CeilDiv(columns, TileColumns) * TileColumns * depthBlock;
        int alignmentSlack = CacheLineBytes / sizeof(T);

        // Rented, not allocated: a matrix multiply runs many times per training step, and the pool hands
        // the same buffers back each time instead of creating garbage.
        T[] packedAArray = ArrayPool<T>.Shared.Rent(packedALength + alignmentSlack);
        T[] packedBArray = ArrayPool<T>.Shared.Rent(packedBLength + alignmentSlack);
        try
        {
            fixed (T* aBase = a.Data, bBase = b.Data, cBase = c, packedAStorage = packedAArray, packedBStorage = packedBArray)
            {
                T* packedA = AlignToCacheLine(packedAStorage);
                T* packedB = AlignToCacheLine(packedBStorage);
                T* aBlock = aBase + a.Offset + (nint)rowStart * a.RowStride;
                T* bBlock = bBase + b.Offset + (nint)columnStart * b.ColumnStride;
                T* cBlock = cBase + cOffset + (nint)rowStart * n + columnStart;

                for (int depthStart = 0; depthStart < k; depthStart += depthBlock)
                {
                    int depth = Math.Min(depthBlock, k - depthStart);
                    PackBlock(aBlock + (nint)depthStart * a.ColumnStride, a.RowStride, a.ColumnStride,
                              rows, TileRows, depth, packedA);
                    PackBlock(bBlock + (nint)depthStart * b.RowStride, b.ColumnStride, b.RowStride,
                              columns, TileColumns, depth, packedB);

                    // The first k slice overwrites C unless the caller asked to accumulate; later slices add.
                    bool addToC = accumulate || depthStart > 0;
                    MultiplyPackedBlock(packedA, packedB, cBlock, n, rows, columns, depth, addToC);
                }
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(packedAArray);
            ArrayPool<T>.Shared.Return(packedBArray);
        }
    }

    private static void MultiplyPackedBlock(T* packedA, T* packedB, T* c, int cRowStride,
                                            int rows, int columns, int depth, bool addToC)
    {
        for (int column = 0; column < columns; column += TileColumns)
        {
            T* bSliver = packedB + column * depth;
            int tileColumns = Math.Min(TileColumns, columns - column);
            for (int row = 0; row < rows; row += TileRows)
            {
                T* aSliver = packedA + row * depth;
                T* cTile = c + (nint)row * cRowStride + column;
                int tileRows = Math.Min(TileRows, rows - row);
                if (tileRows == TileRows && tileColumns == TileColumns)
                {
                    MultiplyTile(depth, aSliver, bSliver, cTile, cRowStride, addToC);
                }
                else
                {
                    MultiplyEdgeTile(depth, aSliver, bSliver, cTile, cRowStride, tileRows, tileColumns, addToC);
                }
            }
        }
    }

    // A tile that sticks out past the bottom or right edge of C: the micro-kernel computes the full tile
    // (the packed slivers are zero-padded) into a scratch tile on the stack, and only the part that lies
    // inside C is written back. Doing it this way keeps a single micro-kernel, at the cost of a little
    // wasted arithmetic on the edges.
    private static void MultiplyEdgeTile(int depth, T* aSliver, T* bSliver, T* c, int cRowStride,
                                         int tileRows, int tileColumns, bool addToC)
    {
        int scratchStride = TileColumns;
        T* scratch = stackalloc T[TileRows * scratchStride];
        MultiplyTile(depth, aSliver, bSliver, scratch, scratchStride, addToC: false);

        for (int row = 0; row < tileRows; row++)
        {
            T* from = scratch + row * scratchStride;
            T* to = c + (nint)row * cRowStride;
            for (int column = 0; column < tileColumns; column++)
            {
                to[column] = addToC ? to[column] + from[column] : from[column];
            }
        }
    }

    // Blocks are cut on tile boundaries and as evenly as possible: block b of B gets tiles [b*T/B, (b+1)*T/B).
    private static int FirstTileOfBlock(int block, int blocks, int tiles) => (int)((long)block * tiles / blocks);

    private static T* AlignToCacheLine(T* pointer) =>
        (T*)(((nuint)pointer + CacheLineBytes - 1) & ~(nuint)(CacheLineBytes - 1));

    private static int CeilDiv(int numerator, int denominator) => (numerator + denominator - 1) / denominator;
}
