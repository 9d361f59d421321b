using System.Text;
using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests.Goldens;

/// <summary>
/// Compares an engine tensor with PyTorch's golden values: same dtype, same shape, and every element
/// within |actual − expected| ≤ atol + rtol·|expected|. float32 uses the project's bar (atol 1e-5,
/// rtol 1e-4); float64 a much tighter one when the whole computation is float64, since both sides
/// then work with 16 significant digits; integer and bool results must match exactly.
/// </summary>
internal static class GoldenAssert
{
    public const double Float32AbsoluteTolerance = 1e-5;
    public const double Float32RelativeTolerance = 1e-4;
    public const double Float64AbsoluteTolerance = 1e-10;
    public const double Float64RelativeTolerance = 1e-8;

    /// <param name="computedInFloat32">
    /// The computation also involved float32 tensors, so even a float64 result (e.g. the gradient of a
    /// float64 input added to a float32 tensor, summed in float32) carries only float32 precision.
    /// </param>
    public static void Close(GoldenTensor expected, Tensor? actual, string what, bool computedInFloat32 = false)
    {
        var (atol, rtol) = expected.DType switch
        {
            ScalarType.Float32 => (Float32AbsoluteTolerance, Float32RelativeTolerance),
            ScalarType.Float64 when computedInFloat32 => (Float32AbsoluteTolerance, Float32RelativeTolerance),
            ScalarType.Float64 => (Float64AbsoluteTolerance, Float64RelativeTolerance),
            _ => (0.0, 0.0),
        };
        Compare(expected, actual, what, atol, rtol);
    }

    /// <summary>Bit-for-bit equality, for values that were only stored and loaded, never computed.</summary>
    public static void Identical(GoldenTensor expected, Tensor? actual, string what) => Compare(expected, actual, what, 0, 0);

    private static void Compare(GoldenTensor expected, Tensor? actual, string what, double atol, double rtol)
    {
        Assert.True(actual is not null, $"{what}: PyTorch has a value of shape ({Shape(expected.Shape)}), the engine has none (null).");
        Assert.True(actual!.dtype == expected.DType, $"{what}: dtype {actual.dtype}, PyTorch gives {expected.DType}.");
        Assert.True(actual.shape.SequenceEqual(expected.Shape), $"{what}: shape ({Shape(actual.shape)}), PyTorch gives ({Shape(expected.Shape)}).");

        var want = expected.Values();
        var got = actual.dtype == ScalarType.Bool
            ? actual.data<bool>().Select(b => b ? 1.0 : 0.0).ToArray()
            : actual.to(float64).data<double>().ToArray();

        var report = new StringBuilder();
        var failures = 0;
        for (var i = 0; i < want.Length; i++)
        {
            if (Math.Abs(got[i] - want[i]) <= atol + rtol * Math.Abs(want[i])) continue; // NaN fails here too
            if (++failures <= 5)
                report.Append($"\n  at [{Index(i, expected.Shape)}]: PyTorch {want[i]:G9}, engine {got[i]:G9} (diff {Math.Abs(got[i] - want[i]):G3})");
        }
        Assert.True(failures == 0,
            $"{what}: {failures} of {want.Length} elements differ from PyTorch beyond atol {atol:G2} + rtol {rtol:G2}:{report}");
    }

    private static string Shape(long[] shape) => shape.Length == 0 ? "scalar" : string.Join("x", shape);

    private static string Index(long flat, long[] shape)
    {
        var index = new long[shape.Length];
        for (var d = shape.Length - 1; d >= 0; d--)
        {
            index[d] = flat % shape[d];
            flat /= shape[d];
        }
        return string.Join(", ", index);
    }
}
