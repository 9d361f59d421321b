using System.Numerics;
using System.Numerics.Tensors;
using Course.Torch.Kernels;

namespace Course.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>The sum of all elements (a 0-d tensor). Bool and int64 sum to int64.</summary>
        public Tensor sum() => sum(AllDims(), keepdim: false);

        /// <summary>Sums over <paramref name="dim"/>; keepdim leaves those dimensions with size 1.</summary>
        public Tensor sum(long dim, bool keepdim = false) => sum([dim], keepdim);

        /// <summary>
        /// Sums over several dimensions. Backward: every input element contributed with weight 1, so each
        /// receives the output's gradient, broadcast back over the reduced dimensions.
        /// </summary>
        public Tensor sum(long[] dim, bool keepdim = false, ScalarType? type = null)
        {
            var dims = NormalizeDims(dim, "sum");
            var source = type is { } t ? to(t) : dtype == ScalarType.Bool ? to(ScalarType.Int64) : this;
            var kept = Reduce.Dims<SumKernel>("sum", source, dims);
            var result = keepdim ? kept : kept.view(DropDims(kept._shape, dims));
            var keptShape = kept._shape;
            return result.WithGradFn("SumBackward1", g => [g.reshape(keptShape).expand(source._shape)], source);
        }

        /// <summary>The mean of all elements (a 0-d tensor).</summary>
        public Tensor mean() => mean(AllDims(), keepdim: false);

        public Tensor mean(long dim, bool keepdim = false) => mean([dim], keepdim);

        /// <summary>Mean over several dimensions: the sum divided by the number of elements reduced.</summary>
        public Tensor mean(long[] dim, bool keepdim = false)
        {
            if (!is_floating_point())
                throw new NotSupportedException($"mean: needs a floating-point tensor, this one is {dtype}; convert with .to(float32) first.");
            long count = 1;
            foreach (var d in NormalizeDims(dim, "mean")) count *= _shape[d];
            return sum(dim, keepdim) / count;
        }

        internal long[] AllDims()
        {
            var dims = new long[Dimensions];
            for (var d = 0; d < dims.Length; d++) dims[d] = d;
            return dims;
        }

        /// <summary>Normalises a list of dims (negative allowed) and rejects repeats, naming the op.</summary>
        internal int[] NormalizeDims(long[] dims, string op)
        {
            var result = new int[dims.Length];
            for (var i = 0; i < dims.Length; i++)
            {
                result[i] = NormalizeDim(dims[i], Dimensions, op);
                if (Array.IndexOf(result, result[i], 0, i) >= 0)
                    throw new ArgumentException($"{op}: dimension {result[i]} appears more than once in ({string.Join(", ", dims)}).");
            }
            return Dimensions == 0 ? [] : result;
        }

        internal static long[] DropDims(long[] shape, int[] dims)
        {
            var kept = new List<long>();
            for (var d = 0; d < shape.Length; d++)
                if (Array.IndexOf(dims, d) < 0) kept.Add(shape[d]);
            return [.. kept];
        }
    }

    public static Tensor sum(Tensor input) => input.sum();
    public static Tensor sum(Tensor input, long dim, bool keepdim = false) => input.sum(dim, keepdim);
    public static Tensor sum(Tensor input, long[] dim, bool keepdim = false) => input.sum(dim, keepdim);
    public static Tensor mean(Tensor input) => input.mean();
    public static Tensor mean(Tensor input, long dim, bool keepdim = false) => input.mean(dim, keepdim);
    public static Tensor mean(Tensor input, long[] dim, bool keepdim = false) => input.mean(dim, keepdim);

    private readonly struct SumKernel : IReduceKernel
    {
        public static T Apply<T>(ReadOnlySpan<T> values) where T : unmanaged, INumber<T> => TensorPrimitives.Sum(values);
    }
}
