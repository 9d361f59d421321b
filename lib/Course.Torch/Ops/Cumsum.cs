using System.Numerics;
using Course.Torch.Kernels;

namespace Course.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>
        /// Running sums along <paramref name="dim"/>: yᵢ = x₀ + … + xᵢ. Bool and int64 sum as int64.
        /// Backward: xᵢ feeds every yⱼ with j ≥ i, so its gradient is the running sum of g from the end.
        /// </summary>
        public Tensor cumsum(long dim, ScalarType? type = null)
        {
            var d = NormalizeDim(dim, Dimensions, "cumsum");
            var source = type is { } t ? to(t) : dtype == ScalarType.Bool ? to(ScalarType.Int64) : this;
            return RunningSums(source, d, reverse: false)
                .WithGradFn("CumsumBackward0", g => [RunningSums(g, d, reverse: true)], source);
        }

        private static Tensor RunningSums(Tensor x, int dim, bool reverse) => AlongDim.Rows(x, dim, (rows, result, rowLength) =>
        {
            switch (x.dtype)
            {
                case ScalarType.Float32: RunningSums(rows.ContiguousSpan<float>(), result.ContiguousSpan<float>(), rowLength, reverse); break;
                case ScalarType.Float64: RunningSums(rows.ContiguousSpan<double>(), result.ContiguousSpan<double>(), rowLength, reverse); break;
                default: RunningSums(rows.ContiguousSpan<long>(), result.ContiguousSpan<long>(), rowLength, reverse); break;
            }
        });

        private static void RunningSums<T>(ReadOnlySpan<T> rows, Span<T> result, int rowLength, bool reverse) where T : INumber<T>
        {
            for (var start = 0; start < rows.Length; start += rowLength)
            {
                var sum = T.Zero;
                for (var k = 0; k < rowLength; k++)
                {
                    var j = reverse ? start + rowLength - 1 - k : start + k;
                    sum += rows[j];
                    result[j] = sum;
                }
            }
        }
    }

    public static Tensor cumsum(Tensor input, long dim, ScalarType? type = null) => input.cumsum(dim, type);
}
