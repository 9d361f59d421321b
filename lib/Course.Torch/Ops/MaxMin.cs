using System.Numerics;
using System.Numerics.Tensors;
using Course.Torch.Kernels;

namespace Course.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>
        /// The largest element (a 0-d tensor; NaN if any element is NaN). Backward, as in PyTorch: the
        /// gradient is shared evenly among all elements equal to the maximum.
        /// </summary>
        public Tensor max() => ExtremeOfAll("max", largest: true);

        /// <summary>The smallest element (a 0-d tensor). Backward as <see cref="max()"/>.</summary>
        public Tensor min() => ExtremeOfAll("min", largest: false);

        /// <summary>
        /// The largest value along <paramref name="dim"/> and where it is (the first position if several
        /// are equal): <c>var (values, indexes) = scores.max(1);</c>. Backward: the gradient of each
        /// value goes to the one element it was taken from.
        /// </summary>
        public (Tensor values, Tensor indexes) max(long dim, bool keepdim = false) => ExtremeAlong("max", dim, keepdim, largest: true);

        /// <summary>The smallest value along <paramref name="dim"/> and its (first) position.</summary>
        public (Tensor values, Tensor indexes) min(long dim, bool keepdim = false) => ExtremeAlong("min", dim, keepdim, largest: false);

        /// <summary>Elementwise larger of two tensors, the same as <see cref="maximum"/>.</summary>
        public Tensor max(Tensor other) => torch.maximum(this, other);

        /// <summary>Elementwise smaller of two tensors, the same as <see cref="minimum"/>.</summary>
        public Tensor min(Tensor other) => torch.minimum(this, other);

        /// <summary>The position of the largest element in the flattened tensor (first one on ties), as a 0-d int64 tensor.</summary>
        public Tensor argmax() => reshape(-1).ExtremeAlong("argmax", 0, false, largest: true).indexes;

        /// <summary>Positions of the largest values along <paramref name="dim"/>: the predicted class of each row of scores is <c>scores.argmax(1)</c>.</summary>
        public Tensor argmax(long dim, bool keepdim = false) => ExtremeAlong("argmax", dim, keepdim, largest: true).indexes;

        public Tensor argmin() => reshape(-1).ExtremeAlong("argmin", 0, false, largest: false).indexes;

        public Tensor argmin(long dim, bool keepdim = false) => ExtremeAlong("argmin", dim, keepdim, largest: false).indexes;

        private Tensor ExtremeOfAll(string op, bool largest)
        {
            if (numel() == 0)
                throw new InvalidOperationException($"{op}: the tensor is empty (shape {ShapeText}), so it has no {(largest ? "largest" : "smallest")} element.");
            var dims = NormalizeDims(AllDims(), op);
            var result = (largest ? Reduce.Dims<MaxKernel>(op, this, dims) : Reduce.Dims<MinKernel>(op, this, dims)).view();
            return result.WithGradFn(largest ? "MaxBackward1" : "MinBackward1", g =>
            {
                var winners = eq(result.detach()).to(g.dtype);
                return [g * winners / winners.sum()];
            }, this);
        }

        private (Tensor values, Tensor indexes) ExtremeAlong(string op, long dim, bool keepdim, bool largest)
        {
            var dims = NormalizeDims([dim], op);
            var rowLength = Dimensions == 0 ? 1 : (int)_shape[dims[0]];
            if (rowLength == 0)
                throw new InvalidOperationException($"{op}: dimension {dim} of shape ({ShapeText}) is empty, so it has no {(largest ? "largest" : "smallest")} element.");
            var rows = Reduce.RowsToReduce(this, dims, out var keptShape);
            var count = ShapeNumel(keptShape);
            var values = new Tensor(AllocateStorage(dtype, count), keptShape, dtype);
            var indexes = new long[count];
            switch (dtype)
            {
                case ScalarType.Float32: FindExtremes<float>(rows, rowLength, values, indexes, largest); break;
                case ScalarType.Float64: FindExtremes<double>(rows, rowLength, values, indexes, largest); break;
                case ScalarType.Int64: FindExtremes<long>(rows, rowLength, values, indexes, largest); break;
                default: throw new NotSupportedException($"{op}: not defined for Bool tensors; convert with .to(int64) first, or use any()/all().");
            }
            var positions = new Tensor(indexes, keptShape, ScalarType.Int64);
            var shape = keepdim ? keptShape : DropDims(keptShape, dims);
            var result = values.view(shape).WithGradFn(largest ? "MaxBackward0" : "MinBackward0",
                g => [Dimensions == 0 ? g : g.reshape(keptShape) * OneHot(positions, dims[0])], this);
            return (result, positions.view(shape));
        }

        /// <summary>A tensor of this shape that is 1 where the index along <paramref name="dim"/> equals <paramref name="positions"/> (keepdim-shaped), else 0.</summary>
        private Tensor OneHot(Tensor positions, int dim)
        {
            var along = new long[Dimensions];
            Array.Fill(along, 1L);
            along[dim] = _shape[dim];
            return arange(_shape[dim]).view(along).eq(positions).to(dtype);
        }

        private static void FindExtremes<T>(Tensor rows, int rowLength, Tensor values, long[] indexes, bool largest) where T : unmanaged, INumber<T>
        {
            var source = rows.ContiguousSpan<T>();
            var output = values.ContiguousSpan<T>();
            for (var i = 0; i < indexes.Length; i++)
            {
                var row = source.Slice(i * rowLength, rowLength);
                // Both return the first position on ties (and of the first NaN), which is PyTorch's choice.
                var index = largest ? TensorPrimitives.IndexOfMax(row) : TensorPrimitives.IndexOfMin(row);
                indexes[i] = index;
                output[i] = row[index];
            }
        }
    }

    public static Tensor max(Tensor input) => input.max();
    public static (Tensor values, Tensor indexes) max(Tensor input, long dim, bool keepdim = false) => input.max(dim, keepdim);
    public static Tensor max(Tensor input, Tensor other) => maximum(input, other);
    public static Tensor min(Tensor input) => input.min();
    public static (Tensor values, Tensor indexes) min(Tensor input, long dim, bool keepdim = false) => input.min(dim, keepdim);
    public static Tensor min(Tensor input, Tensor other) => minimum(input, other);
    public static Tensor argmax(Tensor input) => input.argmax();
    public static Tensor argmax(Tensor input, long dim, bool keepdim = false) => input.argmax(dim, keepdim);
    public static Tensor argmin(Tensor input) => input.argmin();
    public static Tensor argmin(Tensor input, long dim, bool keepdim = false) => input.argmin(dim, keepdim);

    private readonly struct MaxKernel : IReduceKernel
    {
        public static T Apply<T>(ReadOnlySpan<T> values) where T : unmanaged, INumber<T> => TensorPrimitives.Max(values);
    }

    private readonly struct MinKernel : IReduceKernel
    {
        public static T Apply<T>(ReadOnlySpan<T> values) where T : unmanaged, INumber<T> => TensorPrimitives.Min(values);
    }
}
