using Course.Torch.Kernels;

namespace Course.Torch;

public static partial class torch
{
    // Picking elements by position, and the reverse. The ops come in pairs, each the other's backward:
    // index_select (whole slices along a dimension) ↔ index_add, gather (single elements) ↔ scatter_add.
    // Reading an element k times means its gradient is the sum of the k gradients, hence "add".
    public partial class Tensor
    {
        /// <summary>The slices at the positions <paramref name="index"/> (1-d int64) along <paramref name="dim"/>, copied; positions may repeat.</summary>
        public Tensor index_select(long dim, Tensor index)
        {
            RequireDimensions("index_select");
            var d = NormalizeDim(dim, Dimensions, "index_select");
            RequireVectorIndex("index_select", index);
            return IndexSelect(d, IndexValues("index_select", index, _shape[d], d));
        }

        /// <summary><see cref="index_select"/> with positions that are already checked (0..size-1).</summary>
        internal Tensor IndexSelect(int dim, long[] positions)
        {
            var shape = (long[])_shape.Clone();
            shape[dim] = positions.Length;
            var result = new Tensor(AllocateStorage(dtype, ShapeNumel(shape)), shape, dtype);
            var source = detach().contiguous();
            var (outer, inner) = OuterInner(dim);
            switch (dtype)
            {
                case ScalarType.Float32: IndexKernels.SelectSlices(source.ContiguousSpan<float>(), result.ContiguousSpan<float>(), positions, outer, _shape[dim], inner); break;
                case ScalarType.Float64: IndexKernels.SelectSlices(source.ContiguousSpan<double>(), result.ContiguousSpan<double>(), positions, outer, _shape[dim], inner); break;
                case ScalarType.Int64: IndexKernels.SelectSlices(source.ContiguousSpan<long>(), result.ContiguousSpan<long>(), positions, outer, _shape[dim], inner); break;
                default: IndexKernels.SelectSlices(source.ContiguousSpan<bool>(), result.ContiguousSpan<bool>(), positions, outer, _shape[dim], inner); break;
            }
            var inputShape = _shape;
            return result.WithGradFn("IndexSelectBackward0",
                g => [zeros(inputShape, g.dtype).index_add(dim, tensor(positions), g)], this);
        }

        /// <summary>
        /// A copy of this tensor with alpha·source[.., j, ..] added to slice index[j] along <paramref name="dim"/>
        /// (positions may repeat; their contributions add up). source has this shape except size index.numel() in dim.
        /// </summary>
        public Tensor index_add(long dim, Tensor index, Tensor source, double alpha = 1)
        {
            RequireDimensions("index_add");
            var d = NormalizeDim(dim, Dimensions, "index_add");
            RequireVectorIndex("index_add", index);
            var positions = IndexValues("index_add", index, _shape[d], d);
            RequireSameDtype("index_add", source);
            var expected = (long[])_shape.Clone();
            expected[d] = positions.Length;
            if (!source._shape.AsSpan().SequenceEqual(expected))
                throw new ArgumentException(
                    $"index_add: source has shape ({source.ShapeText}) but must have shape ({FormatShape(expected)}): this tensor's shape with one slice per index in dimension {d}.");
            if (alpha != 1) source = source * alpha;
            var result = detach().clone();
            var dense = source.detach().contiguous();
            var (outer, inner) = OuterInner(d);
            switch (dtype)
            {
                case ScalarType.Float32: IndexKernels.AddSlices(dense.ContiguousSpan<float>(), result.ContiguousSpan<float>(), positions, outer, _shape[d], inner); break;
                case ScalarType.Float64: IndexKernels.AddSlices(dense.ContiguousSpan<double>(), result.ContiguousSpan<double>(), positions, outer, _shape[d], inner); break;
                case ScalarType.Int64: IndexKernels.AddSlices(dense.ContiguousSpan<long>(), result.ContiguousSpan<long>(), positions, outer, _shape[d], inner); break;
                default: throw new NotSupportedException("index_add: not defined for Bool tensors.");
            }
            return result.WithGradFn("IndexAddBackward0", g => [g, g.IndexSelect(d, positions)], this, source);
        }

        public Tensor index_add_(long dim, Tensor index, Tensor source, double alpha = 1) =>
            CopyResult_("index_add_", index_add(dim, index, source, alpha));

        /// <summary>
        /// Picks one element per index entry: along <paramref name="dim"/> the position comes from
        /// <paramref name="index"/>, the other coordinates are the entry's own. For a 2-d input and dim 1:
        /// <c>out[i, j] = input[i, index[i, j]]</c>, e.g. each row's score for its target class.
        /// </summary>
        public Tensor gather(long dim, Tensor index)
        {
            RequireDimensions("gather");
            var d = NormalizeDim(dim, Dimensions, "gather");
            RequireIndexFits("gather", index, d, "this tensor", this);
            var positions = IndexValues("gather", index, _shape[d], d);
            var indexShape = index._shape;
            var result = new Tensor(AllocateStorage(dtype, positions.Length), (long[])indexShape.Clone(), dtype);
            switch (dtype)
            {
                case ScalarType.Float32: IndexKernels.Gather(Storage<float>(), offset, _strides, positions, indexShape, d, result.ContiguousSpan<float>()); break;
                case ScalarType.Float64: IndexKernels.Gather(Storage<double>(), offset, _strides, positions, indexShape, d, result.ContiguousSpan<double>()); break;
                case ScalarType.Int64: IndexKernels.Gather(Storage<long>(), offset, _strides, positions, indexShape, d, result.ContiguousSpan<long>()); break;
                default: IndexKernels.Gather(Storage<bool>(), offset, _strides, positions, indexShape, d, result.ContiguousSpan<bool>()); break;
            }
            var inputShape = _shape;
            return result.WithGradFn("GatherBackward0", g => [zeros(inputShape, g.dtype).scatter_add(d, index, g)], this);
        }

        /// <summary>
        /// The inverse of <see cref="gather"/>: a copy of this tensor to which each element of <paramref name="src"/>
        /// is added at the position that <paramref name="index"/> names along <paramref name="dim"/>
        /// (2-d, dim 1: <c>out[i, index[i, j]] += src[i, j]</c>). Only the part of src that index covers is used.
        /// </summary>
        public Tensor scatter_add(long dim, Tensor index, Tensor src)
        {
            RequireDimensions("scatter_add");
            var d = NormalizeDim(dim, Dimensions, "scatter_add");
            RequireIndexFits("scatter_add", index, d, "this tensor", this);
            RequireIndexFits("scatter_add", index, -1, "src", src);
            RequireSameDtype("scatter_add", src);
            var positions = IndexValues("scatter_add", index, _shape[d], d);
            // Narrowing src to the index's shape lets autograd give the unused part of src a zero gradient.
            for (var k = 0; k < Dimensions; k++)
                if (src._shape[k] != index._shape[k]) src = src.narrow(k, 0, index._shape[k]);
            var result = detach().clone();
            var dense = src.detach().contiguous();
            var indexShape = index._shape;
            switch (dtype)
            {
                case ScalarType.Float32: IndexKernels.ScatterAdd(dense.ContiguousSpan<float>(), positions, indexShape, d, result.ContiguousSpan<float>(), result._strides); break;
                case ScalarType.Float64: IndexKernels.ScatterAdd(dense.ContiguousSpan<double>(), positions, indexShape, d, result.ContiguousSpan<double>(), result._strides); break;
                case ScalarType.Int64: IndexKernels.ScatterAdd(dense.ContiguousSpan<long>(), positions, indexShape, d, result.ContiguousSpan<long>(), result._strides); break;
                default: throw new NotSupportedException("scatter_add: not defined for Bool tensors.");
            }
            return result.WithGradFn("ScatterAddBackward0", g => [g, g.gather(d, index)], this, src);
        }

        public Tensor scatter_add_(long dim, Tensor index, Tensor src) => CopyResult_("scatter_add_", scatter_add(dim, index, src));

        /// <summary>The number of elements before and after dimension <paramref name="dim"/> in row-major order.</summary>
        private (long Outer, long Inner) OuterInner(int dim) =>
            (ShapeNumel(_shape.AsSpan(0, dim)), ShapeNumel(_shape.AsSpan(dim + 1)));

        private static void RequireVectorIndex(string op, Tensor index)
        {
            if (index.Dimensions > 1)
                throw new ArgumentException($"{op}: index must be a 1-d tensor of positions, got shape ({index.ShapeText}).");
        }

        /// <summary>gather/scatter_add: the index has the tensor's rank and is no larger in any dimension (except <paramref name="dim"/> of this tensor).</summary>
        private static void RequireIndexFits(string op, Tensor index, int dim, string name, Tensor tensor)
        {
            if (index.Dimensions != tensor.Dimensions)
                throw new ArgumentException(
                    $"{op}: index has shape ({index.ShapeText}) but must have as many dimensions as {name} ({tensor.ShapeText}).");
            for (var k = 0; k < index.Dimensions; k++)
                if (k != dim && index._shape[k] > tensor._shape[k])
                    throw new ArgumentException(
                        $"{op}: index of shape ({index.ShapeText}) is larger than {name} ({tensor.ShapeText}) in dimension {k}.");
        }

        private void RequireSameDtype(string op, Tensor other)
        {
            if (other.dtype != dtype)
                throw new ArgumentException($"{op}: the values are {other.dtype} but this tensor is {dtype}; convert one with .to() first.");
        }

        /// <summary>The positions in an index tensor, after checking it is int64 and every position lies in 0..size-1.</summary>
        private static long[] IndexValues(string op, Tensor index, long size, int dim)
        {
            if (index.dtype != ScalarType.Int64)
                throw new ArgumentException($"{op}: index must be an int64 tensor, got {index.dtype}.");
            var positions = index.ToDenseArray<long>();
            foreach (var position in positions)
                if (position < 0 || position >= size)
                    throw new ArgumentOutOfRangeException(nameof(index),
                        $"{op}: index {position} is out of range for dimension {dim} with size {size} (expected 0..{size - 1}).");
            return positions;
        }
    }

    public static Tensor index_select(Tensor input, long dim, Tensor index) => input.index_select(dim, index);
    public static Tensor index_add(Tensor input, long dim, Tensor index, Tensor source, double alpha = 1) => input.index_add(dim, index, source, alpha);
    public static Tensor gather(Tensor input, long dim, Tensor index) => input.gather(dim, index);
    public static Tensor scatter_add(Tensor input, long dim, Tensor index, Tensor src) => input.scatter_add(dim, index, src);
}
