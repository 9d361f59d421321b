using System.Numerics;
using System.Runtime.Intrinsics;
using Course.Torch.Kernels;

namespace Course.Torch.Tests.Kernels;

public class GemmTests
{
    private delegate void MultiplyFunction<T>(T[] a, int aOffset, int aRowStride, int aColStride,
                                              T[] b, int bOffset, int bRowStride, int bColStride,
                                              T[] c, int cOffset, int m, int n, int k, bool accumulate);

    // A view of a rows x columns matrix inside a larger array.
    private sealed record Operand<T>(T[] Data, int Offset, int RowStride, int ColumnStride)
    {
        public T this[int row, int column] => Data[Offset + row * RowStride + column * ColumnStride];
    }

    // Shapes chosen to hit every code path: single elements, primes (nothing divides a tile), vectors,
    // tall and skinny products, exact tiles, and sizes that cross the tile (6 x 32), k-slice (256),
    // block (192 x 256) and parallel (64 K multiply-adds) boundaries.
    public static readonly TheoryData<int, int, int> Shapes = new()
    {
        { 1, 1, 1 },
        { 7, 13, 29 },
        { 1, 50, 1 },
        { 1, 1, 300 },
        { 300, 1, 1 },
        { 3, 2, 1000 },
        { 1000, 3, 2 },
        { 2, 1000, 3 },
        { 6, 32, 256 },
        { 12, 64, 257 },
        { 65, 130, 257 },
        { 64, 256, 784 },
        { 193, 257, 513 },
    };

    public static TheoryData<int, int, int, bool, bool, bool> ShapesWithLayouts()
    {
        var data = new TheoryData<int, int, int, bool, bool, bool>();
        foreach (var (m, n, k) in Shapes.Select(row => ((int)row[0], (int)row[1], (int)row[2])))
        {
            foreach (bool transposeA in new[] { false, true })
            {
                foreach (bool transposeB in new[] { false, true })
                {
                    foreach (bool accumulate in new[] { false, true })
                    {
                        data.Add(m, n, k, transposeA, transposeB, accumulate);
                    }
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ShapesWithLayouts))]
    public void Float_MatchesNaiveDoubleReference(int m, int n, int k, bool transposeA, bool transposeB, bool accumulate) =>
        CheckAgainstReference<float>(Gemm.Multiply, m, n, k, transposeA, transposeB, accumulate);

    [Theory]
    [MemberData(nameof(ShapesWithLayouts))]
    public void Double_MatchesNaiveDoubleReference(int m, int n, int k, bool transposeA, bool transposeB, bool accumulate) =>
        CheckAgainstReference<double>(Gemm.Multiply, m, n, k, transposeA, transposeB, accumulate);

    // Gemm.Multiply only runs the widest vector size of this machine; the narrower ones are what other
    // machines run, so they are called directly here (Vector512 is emulated, slowly, where not accelerated).
    [Theory]
    [InlineData(512)]
    [InlineData(256)]
    [InlineData(128)]
    public void EveryVectorWidth_MatchesNaiveDoubleReference(int vectorBits)
    {
        MultiplyFunction<float> multiplyFloat = vectorBits switch
        {
            512 => BlockedGemm<float, Vector512<float>, Simd512<float>>.Multiply,
            256 => BlockedGemm<float, Vector256<float>, Simd256<float>>.Multiply,
            _ => BlockedGemm<float, Vector128<float>, Simd128<float>>.Multiply,
        };
        MultiplyFunction<double> multiplyDouble = vectorBits switch
        {
            512 => BlockedGemm<double, Vector512<double>, Simd512<double>>.Multiply,
            256 => BlockedGemm<double, Vector256<double>, Simd256<double>>.Multiply,
            _ => BlockedGemm<double, Vector128<double>, Simd128<double>>.Multiply,
        };
        foreach (var (m, n, k) in new[] { (1, 1, 1), (7, 13, 29), (65, 130, 257), (200, 40, 300) })
        {
            foreach (bool transposeA in new[] { false, true })
            {
                foreach (bool transposeB in new[] { false, true })
                {
                    CheckAgainstReference(multiplyFloat, m, n, k, transposeA, transposeB, accumulate: true);
                    CheckAgainstReference(multiplyDouble, m, n, k, transposeA, transposeB, accumulate: false);
                }
            }
        }
    }

    [Theory]
    [InlineData(7, 13, 29)]
    [InlineData(65, 130, 257)]
    public void NaiveFallback_MatchesNaiveDoubleReference(int m, int n, int k)
    {
        CheckAgainstReference<float>(Gemm.MultiplyNaive, m, n, k, transposeA: false, transposeB: true, accumulate: true);
        CheckAgainstReference<double>(Gemm.MultiplyNaive, m, n, k, transposeA: true, transposeB: false, accumulate: false);
    }

    [Fact]
    public void GeneralStridesAndBroadcasts_MatchNaiveDoubleReference()
    {
        const int m = 37, n = 41, k = 300;
        var random = new Random(7);
        // A is every other row and every third column of a bigger matrix; B repeats one row k times (row
        // stride 0), the way an expanded (broadcast) tensor looks.
        var a = new Operand<float>(RandomArray<float>(random, 5 + m * 2 * 3 * k), 5, 2 * 3 * k, 3);
        var b = new Operand<float>(RandomArray<float>(random, 2 + n), 2, 0, 1);
        var c = RandomArray<float>(random, m * n);

        CheckAgainstReference(Gemm.Multiply, a, b, c, cOffset: 0, m, n, k, accumulate: false);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(7, 13, 29)]
    [InlineData(65, 130, 257)]
    public void Long_MatchesNaiveReferenceExactly(int m, int n, int k)
    {
        var random = new Random(m + n + k);
        long[] a = Enumerable.Range(0, m * k).Select(_ => (long)random.Next(-1000, 1000)).ToArray();
        long[] b = Enumerable.Range(0, k * n).Select(_ => (long)random.Next(-1000, 1000)).ToArray();
        long[] c = Enumerable.Range(0, m * n).Select(_ => (long)random.Next(-1000, 1000)).ToArray();
        long[] initial = (long[])c.Clone();

        // A row-major, B transposed (stored n x k), accumulating into C.
        Gemm.Multiply(a, 0, k, 1, b, 0, 1, k, c, 0, m, n, k, accumulate: true);

        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                long expected = initial[i * n + j];
                for (int p = 0; p < k; p++)
                {
                    expected += a[i * k + p] * b[j * k + p];
                }
                Assert.Equal(expected, c[i * n + j]);
            }
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void EmptyDepth_LeavesOrClearsC(bool accumulate)
    {
        float[] c = [1, 2, 3, 4, 5, 6, 7];
        Gemm.Multiply([], 0, 0, 1, [], 0, 3, 1, c, 1, 2, 3, 0, accumulate);
        Assert.Equal(accumulate ? [1f, 2, 3, 4, 5, 6, 7] : [1f, 0, 0, 0, 0, 0, 0], c);
    }

    // Each element of C is summed in an order fixed by k alone, so the result must not depend on how
    // the rows are grouped into blocks or spread over threads: a large parallel product equals, bit for
    // bit, the same product computed one row at a time on one thread.
    [Fact]
    public void Result_IsBitwiseIndependentOfBlockingAndThreads()
    {
        const int m = 150, n = 300, k = 600;
        var random = new Random(3);
        float[] a = RandomArray<float>(random, m * k);
        float[] b = RandomArray<float>(random, k * n);
        float[] whole = new float[m * n];
        float[] rowByRow = new float[m * n];

        Gemm.Multiply(a, 0, k, 1, b, 0, n, 1, whole, 0, m, n, k, accumulate: false);
        for (int i = 0; i < m; i++)
        {
            Gemm.Multiply(a, i * k, k, 1, b, 0, n, 1, rowByRow, i * n, 1, n, k, accumulate: false);
        }

        Assert.Equal(whole, rowByRow);
    }

    [Fact]
    public void OperandsReachingPastTheirArrays_Throw()
    {
        float[] a = new float[6], b = new float[6], c = new float[4];
        Assert.Throws<ArgumentException>(() => Gemm.Multiply(a, 1, 3, 1, b, 0, 2, 1, c, 0, 2, 2, 3, false));
        Assert.Throws<ArgumentException>(() => Gemm.Multiply(a, 0, 3, 1, b, 0, 2, 1, c, 1, 2, 2, 3, false));
        Assert.Throws<ArgumentException>(() => Gemm.Multiply(a, 0, 3, 1, b, 0, 3, 1, c, 0, 2, 2, 3, false));
        Assert.Throws<ArgumentOutOfRangeException>(() => Gemm.Multiply(a, 0, -3, 1, b, 0, 2, 1, c, 0, 2, 2, 3, false));
    }

    private static void CheckAgainstReference<T>(MultiplyFunction<T> multiply, int m, int n, int k,
                                                 bool transposeA, bool transposeB, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new Random(HashCode.Combine(m, n, k, transposeA, transposeB, accumulate));
        Operand<T> a = RandomOperand<T>(random, m, k, transposeA);
        Operand<T> b = RandomOperand<T>(random, k, n, transposeB);
        int cOffset = random.Next(1, 8);
        // C lives inside a larger array whose other elements must not be touched.
        T[] c = RandomArray<T>(random, cOffset + m * n + 5);

        CheckAgainstReference(multiply, a, b, c, cOffset, m, n, k, accumulate);
    }

    private static void CheckAgainstReference<T>(MultiplyFunction<T> multiply, Operand<T> a, Operand<T> b,
                                                 T[] c, int cOffset, int m, int n, int k, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] initial = (T[])c.Clone();

        multiply(a.Data, a.Offset, a.RowStride, a.ColumnStride, b.Data, b.Offset, b.RowStride, b.ColumnStride,
                 c, cOffset, m, n, k, accumulate);

        // Rounding error of a k-term sum is bounded by about k * u * sum(|a_ip * b_pj|), u the unit roundoff
        // (plus one more rounding for the accumulation); allow twice that. Dropping or repeating even one
        // term produces an error of order |a_ip * b_pj|, far above the bound.
        double unitRoundoff = double.CreateChecked(T.BitIncrement(T.One) - T.One) / 2; // 2^-24 or 2^-53
        double[] aRows = ToDoubles(m, k, (i, p) => a[i, p]);
        double[] bColumns = ToDoubles(n, k, (j, p) => b[p, j]);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double start = accumulate ? double.CreateChecked(initial[cOffset + i * n + j]) : 0;
                double expected = start;
                double magnitude = Math.Abs(start);
                for (int p = 0; p < k; p++)
                {
                    double product = aRows[i * k + p] * bColumns[j * k + p];
                    expected += product;
                    magnitude += Math.Abs(product);
                }
                double actual = double.CreateChecked(c[cOffset + i * n + j]);
                double tolerance = 2 * (k + 2) * unitRoundoff * magnitude;
                if (!(Math.Abs(actual - expected) <= tolerance))
                {
                    Assert.Fail($"C[{i},{j}] = {actual}, expected {expected} ± {tolerance} " +
                                $"({m}x{k} · {k}x{n}, accumulate {accumulate})");
                }
            }
        }

        for (int index = 0; index < c.Length; index++)
        {
            bool insideC = index >= cOffset && index < cOffset + m * n;
            if (!insideC)
            {
                Assert.Equal(initial[index], c[index]);
            }
        }
    }

    // The matrix element (row, depth) for every row, row-major in a plain double array: the reference
    // loop then runs fast even in Debug builds.
    private static double[] ToDoubles<T>(int rows, int depth, Func<int, int, T> element)
        where T : INumber<T>
    {
        var values = new double[rows * depth];
        for (int row = 0; row < rows; row++)
        {
            for (int p = 0; p < depth; p++)
            {
                values[row * depth + p] = double.CreateChecked(element(row, p));
            }
        }
        return values;
    }

    // A random rows x columns matrix at a random offset, stored row-major or, when transposed, as the
    // row-major storage of its transpose (column-major): the same view a Tensor.T would produce.
    private static Operand<T> RandomOperand<T>(Random random, int rows, int columns, bool transposed)
        where T : INumber<T>
    {
        int offset = random.Next(0, 8);
        T[] data = RandomArray<T>(random, offset + rows * columns);
        return transposed
            ? new Operand<T>(data, offset, 1, rows)
            : new Operand<T>(data, offset, columns, 1);
    }

    private static T[] RandomArray<T>(Random random, int length)
        where T : INumber<T> =>
        Enumerable.Range(0, length).Select(_ => T.CreateChecked(random.NextDouble() * 2 - 1)).ToArray();
}
