using System.Numerics;
using System.Runtime.Intrinsics;

namespace Course.Torch.Kernels;

// General matrix multiply (GEMM), the kernel behind matmul, linear layers and their gradients.
//
// C[m,n] = (accumulate ? C : 0) + A[m,k] · B[k,n]
// A element (i,p) is a[aOffset + i*aRowStride + p*aColStride]; same for B. So a transposed operand is
// just swapped strides (no copy by the caller). C is dense row-major: c[cOffset + i*n + j].
//
// Strides must be non-negative; a zero stride (a broadcast operand) is fine. C must not overlap A or B.
// float and double use the cache-blocked SIMD implementation in BlockedGemm with the widest vector
// size the hardware accelerates; long (rare) and machines without SIMD use a plain triple loop.
internal static class Gemm
{
    internal static void Multiply(float[] a, int aOffset, int aRowStride, int aColStride,
                                  float[] b, int bOffset, int bRowStride, int bColStride,
                                  float[] c, int cOffset, int m, int n, int k, bool accumulate) =>
        MultiplyFloatingPoint(a, aOffset, aRowStride, aColStride, b, bOffset, bRowStride, bColStride,
                              c, cOffset, m, n, k, accumulate);

    internal static void Multiply(double[] a, int aOffset, int aRowStride, int aColStride,
                                  double[] b, int bOffset, int bRowStride, int bColStride,
                                  double[] c, int cOffset, int m, int n, int k, bool accumulate) =>
        MultiplyFloatingPoint(a, aOffset, aRowStride, aColStride, b, bOffset, bRowStride, bColStride,
                              c, cOffset, m, n, k, accumulate);

    internal static void Multiply(long[] a, int aOffset, int aRowStride, int aColStride,
                                  long[] b, int bOffset, int bRowStride, int bColStride,
                                  long[] c, int cOffset, int m, int n, int k, bool accumulate)
    {
        ValidateArguments(a, aOffset, aRowStride, aColStride, b, bOffset, bRowStride, bColStride, c, cOffset, m, n, k);
        MultiplyNaive(a, aOffset, aRowStride, aColStride, b, bOffset, bRowStride, bColStride, c, cOffset, m, n, k, accumulate);
    }

    private static void MultiplyFloatingPoint<T>(T[] a, int aOffset, int aRowStride, int aColStride,
                                                 T[] b, int bOffset, int bRowStride, int bColStride,
                                                 T[] c, int cOffset, int m, int n, int k, bool accumulate)
        where T : unmanaged, INumber<T>
    {
        // The blocked code indexes through pointers without bounds checks, so check the extremes once here.
        ValidateArguments(a, aOffset, aRowStride, aColStride, b, bOffset, bRowStride, bColStride, c, cOffset, m, n, k);

        // IsHardwareAccelerated is a JIT-time constant: only one of these branches is compiled.
        if (Vector512.IsHardwareAccelerated)
        {
            BlockedGemm<T, Vector512<T>, Simd512<T>>.Multiply(a, aOffset, aRowStride, aColStride,
                b, bOffset, bRowStride, bColStride, c, cOffset, m, n, k, accumulate);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            BlockedGemm<T, Vector256<T>, Simd256<T>>.Multiply(a, aOffset, aRowStride, aColStride,
                b, bOffset, bRowStride, bColStride, c, cOffset, m, n, k, accumulate);
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            BlockedGemm<T, Vector128<T>, Simd128<T>>.Multiply(a, aOffset, aRowStride, aColStride,
                b, bOffset, bRowStride, bColStride, c, cOffset, m, n, k, accumulate);
        }
        else
        {
            MultiplyNaive(a, aOffset, aRowStride, aColStride, b, bOffset, bRowStride, bColStride, c, cOffset, m, n, k, accumulate);
        }
    }

    // The textbook triple loop: one dot product per element of C.
    internal static void MultiplyNaive<T>(T[] a, int aOffset, int aRowStride, int aColStride,
                                          T[] b, int bOffset, int bRowStride, int bColStride,
                                          T[] c, int cOffset, int m, int n, int k, bool accumulate)
        where T : INumber<T>
    {
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                T sum = T.Zero;
                for (int p = 0; p < k; p++)
                {
                    sum += a[aOffset + i * aRowStride + p * aColStride] * b[bOffset + p * bRowStride + j * bColStride];
                }
                ref T target = ref c[cOffset + i * n + j];
                target = accumulate ? target + sum : sum;
            }
        }
    }

    private static void ValidateArguments<T>(T[] a, int aOffset, int aRowStride, int aColStride,
                                             T[] b, int bOffset, int bRowStride, int bColStride,
                                             T[] c, int cOffset, int m, int n, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ValidateOperand(a.Length, aOffset, aRowStride, aColStride, m, k, nameof(a));
        ValidateOperand(b.Length, bOffset, bRowStride, bColStride, k, n, nameof(b));
        ValidateOperand(c.Length, cOffset, n, 1, m, n, nameof(c));
    }

    private static void ValidateOperand(int length, int offset, int rowStride, int columnStride,
                                        int rows, int columns, string name)
    {
        if (offset < 0 || rowStride < 0 || columnStride < 0)
        {
            throw new ArgumentOutOfRangeException(name,
                $"Offset and strides must be non-negative (offset {offset}, strides {rowStride}, {columnStride}).");
        }
        if (rows == 0 || columns == 0)
        {
            return;
        }
        long lastIndex = offset + (long)(rows - 1) * rowStride + (long)(columns - 1) * columnStride;
        if (lastIndex >= length)
        {
            throw new ArgumentException(
                $"A {rows}x{columns} matrix at offset {offset} with strides ({rowStride}, {columnStride}) " +
                $"reaches index {lastIndex}, past the end of an array of length {length}.", name);
        }
    }
}
