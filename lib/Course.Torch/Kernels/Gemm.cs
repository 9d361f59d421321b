using System.Numerics;

namespace Course.Torch.Kernels;

/// <summary>Matrix multiply on strided operands (a simple reference loop; replaced by the blocked SIMD kernel).</summary>
internal static class Gemm
{
    // C[m,n] = (accumulate ? C : 0) + A[m,k] · B[k,n]; A element (i,p) is a[aOffset + i*aRowStride + p*aColStride].
    internal static void Multiply(float[] a, int aOffset, int aRowStride, int aColStride,
                                  float[] b, int bOffset, int bRowStride, int bColStride,
                                  float[] c, int cOffset, int m, int n, int k, bool accumulate) =>
        Reference(a, aOffset, aRowStride, aColStride, b, bOffset, bRowStride, bColStride, c, cOffset, m, n, k, accumulate);

    internal static void Multiply(double[] a, int aOffset, int aRowStride, int aColStride,
                                  double[] b, int bOffset, int bRowStride, int bColStride,
                                  double[] c, int cOffset, int m, int n, int k, bool accumulate) =>
        Reference(a, aOffset, aRowStride, aColStride, b, bOffset, bRowStride, bColStride, c, cOffset, m, n, k, accumulate);

    internal static void Multiply(long[] a, int aOffset, int aRowStride, int aColStride,
                                  long[] b, int bOffset, int bRowStride, int bColStride,
                                  long[] c, int cOffset, int m, int n, int k, bool accumulate) =>
        Reference(a, aOffset, aRowStride, aColStride, b, bOffset, bRowStride, bColStride, c, cOffset, m, n, k, accumulate);

    private static void Reference<T>(T[] a, int aOffset, int aRowStride, int aColStride,
                                     T[] b, int bOffset, int bRowStride, int bColStride,
                                     T[] c, int cOffset, int m, int n, int k, bool accumulate) where T : INumber<T>
    {
        for (var i = 0; i < m; i++)
            for (var j = 0; j < n; j++)
            {
                var sum = accumulate ? c[cOffset + i * n + j] : T.Zero;
                for (var p = 0; p < k; p++)
                    sum += a[aOffset + i * aRowStride + p * aColStride] * b[bOffset + p * bRowStride + j * bColStride];
                c[cOffset + i * n + j] = sum;
            }
    }
}
