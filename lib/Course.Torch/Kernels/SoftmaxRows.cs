using System.Numerics;
using System.Numerics.Tensors;

namespace Course.Torch.Kernels;

/// <summary>Softmax and log-softmax over consecutive rows of a dense span.</summary>
internal static class SoftmaxRows
{
    /// <summary>
    /// For each row x: softmax(x) = e^(x − m) / Σ e^(x − m) with m = max(x). Subtracting the row
    /// maximum changes nothing mathematically but keeps every exponent ≤ 0, so e^x cannot overflow
    /// (e^100 is already infinite in float32). Log-softmax is x − m − log Σ e^(x − m), which stays
    /// finite even where the softmax itself underflows to 0.
    /// </summary>
    public static void Apply<T>(ReadOnlySpan<T> source, Span<T> result, int rowLength, bool log) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (rowLength == 0) return;
        for (var start = 0; start < source.Length; start += rowLength)
        {
            var row = source.Slice(start, rowLength);
            var output = result.Slice(start, rowLength);
            var max = TensorPrimitives.Max(row);
            TensorPrimitives.Subtract(row, max, output);
            TensorPrimitives.Exp(output, output);
            var sum = TensorPrimitives.Sum<T>(output);
            if (log)
                TensorPrimitives.Subtract(row, max + T.Log(sum), output);
            else
                TensorPrimitives.Divide(output, sum, output);
        }
    }
}
