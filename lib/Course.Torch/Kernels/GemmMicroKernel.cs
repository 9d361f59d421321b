namespace Course.Torch.Kernels;

internal static unsafe partial class BlockedGemm<T, TVector, TSimd>
{
    // The micro-kernel computes one TileRows x TileColumns tile of C entirely in registers.
    //
    // Per step p along k it loads one row of the B sliver (2 vectors), broadcasts each of the 6
    // A values of column p, and does 12 FMAs: tile += A[:, p] (outer product) B[p, :]. Why 6 x 2 vectors:
    //   * 12 independent accumulators hide the FMA latency (about 4 cycles at 2 FMAs per cycle needs
    //     at least 8 chains in flight);
    //   * 12 accumulators + 2 B vectors + 1 broadcast = 15 registers, which fits the 16 vector registers
    //     of AVX2/SSE as well as the 32 of AVX-512 and NEON, so one shape is safe everywhere;
    //   * each loaded B vector is used 6 times and each A value twice, so the loop issues 8 loads per
    //     12 FMAs and stays compute-bound rather than load-bound.
    // The accumulators are named locals (not an array) because only locals are kept in registers.
    private static void MultiplyTile(int depth, T* packedA, T* packedB, T* c, int cRowStride, bool addToC)
    {
        TVector c00 = TSimd.Zero, c01 = TSimd.Zero;
        TVector c10 = TSimd.Zero, c11 = TSimd.Zero;
        TVector c20 = TSimd.Zero, c21 = TSimd.Zero;
        TVector c30 = TSimd.Zero, c31 = TSimd.Zero;
        TVector c40 = TSimd.Zero, c41 = TSimd.Zero;
        TVector c50 = TSimd.Zero, c51 = TSimd.Zero;

        for (int p = 0; p < depth; p++)
        {
            TVector b0 = TSimd.Load(packedB);
            TVector b1 = TSimd.Load(packedB + TSimd.Count);

            TVector a = TSimd.Broadcast(packedA[0]);
            c00 = TSimd.MultiplyAdd(a, b0, c00);
            c01 = TSimd.MultiplyAdd(a, b1, c01);
            a = TSimd.Broadcast(packedA[1]);
            c10 = TSimd.MultiplyAdd(a, b0, c10);
            c11 = TSimd.MultiplyAdd(a, b1, c11);
            a = TSimd.Broadcast(packedA[2]);
            c20 = TSimd.MultiplyAdd(a, b0, c20);
            c21 = TSimd.MultiplyAdd(a, b1, c21);
            a = TSimd.Broadcast(packedA[3]);
            c30 = TSimd.MultiplyAdd(a, b0, c30);
            c31 = TSimd.MultiplyAdd(a, b1, c31);
            a = TSimd.Broadcast(packedA[4]);
            c40 = TSimd.MultiplyAdd(a, b0, c40);
            c41 = TSimd.MultiplyAdd(a, b1, c41);
            a = TSimd.Broadcast(packedA[5]);
            c50 = TSimd.MultiplyAdd(a, b0, c50);
            c51 = TSimd.MultiplyAdd(a, b1, c51);

            packedA += TileRows;
            packedB += TileColumns;
        }

        StoreRow(c, c00, c01, addToC);
        StoreRow(c + cRowStride, c10, c11, addToC);
        StoreRow(c + 2 * cRowStride, c20, c21, addToC);
        StoreRow(c + 3 * cRowStride, c30, c31, addToC);
        StoreRow(c + 4 * cRowStride, c40, c41, addToC);
        StoreRow(c + 5 * cRowStride, c50, c51, addToC);
    }

    private static void StoreRow(T* row, TVector left, TVector right, bool addToC)
    {
        T* rightHalf = row + TSimd.Count;
        if (addToC)
        {
            left = TSimd.Add(TSimd.Load(row), left);
            right = TSimd.Add(TSimd.Load(rightHalf), right);
        }
        TSimd.Store(left, row);
        TSimd.Store(right, rightHalf);
    }
}
