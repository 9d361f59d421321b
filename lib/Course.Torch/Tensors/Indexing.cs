namespace Course.Torch;

public static partial class torch
{
    // x[...] as in PyTorch. Numbers, slices, .. and None only change the view (offset, shape, strides), so
    // the result shares storage with x and writing into it changes x. A tensor index (int64 positions or a
    // bool mask) picks arbitrary elements, which no strided view can describe, so reading copies
    // (index_select) and writing goes element by element to the storage positions it picks.
    public partial class Tensor
    {
        /// <summary>
        /// Indexing as in PyTorch: <c>x[0]</c>, <c>x[.., 1..3]</c>, <c>x[^1]</c>, <c>x[TensorIndex.Ellipsis, 0]</c>,
        /// <c>x[TensorIndex.None]</c>, <c>x[idx]</c> (int64 positions), <c>x[mask]</c> (bool). Assigning writes into
        /// this tensor: <c>x[0, ..] = y</c> (y broadcast), <c>x[mask] = tensor(0.0)</c>.
        /// </summary>
        public Tensor this[params TensorIndex[] indices]
        {
            get => index(indices);
            set => index_put_(value, indices);
        }

        /// <summary>Indexing by positions only: <c>x[1, 2]</c> is the element at row 1, column 2, as a 0-d tensor (a view).</summary>
        public Tensor this[params long[] indices]
        {
            get => index(Array.ConvertAll(indices, TensorIndex.Single));
            set => index_put_(value, Array.ConvertAll(indices, TensorIndex.Single));
        }

        /// <summary>The tensor <c>x[indices]</c>; see the indexer.</summary>
        public Tensor index(params TensorIndex[] indices)
        {
            var (view, advanced) = ApplyBasicIndices(indices);
            return advanced is { } tensorIndex ? tensorIndex.Apply(view) : view;
        }

        /// <summary>
        /// <c>x[indices] = value</c>: writes <paramref name="value"/> (broadcast to the indexed shape, converted to
        /// this dtype) into the elements that the indices pick.
        /// </summary>
        public Tensor index_put_(Tensor value, params TensorIndex[] indices)
        {
            CheckInPlaceAllowed("index_put_");
            if (is_grad_enabled() && value.requires_grad)
                throw new InvalidOperationException(
                    "index_put_: the value requires grad, and writing it in place would drop its gradient. Build the result out of place (e.g. with cat, where or masked_fill).");
            var (view, advanced) = detach().ApplyBasicIndices(indices);
            if (advanced is not { } tensorIndex)
            {
                view.copy_(value.detach().expand_as_for(view, "index_put_"));
                return this;
            }
            var positions = tensorIndex.Apply(view.StoragePositions()).contiguous();
            var values = value.detach().to(dtype).expand_as_for(positions, "index_put_").contiguous();
            switch (dtype)
            {
                case ScalarType.Float32: WriteAt(Storage<float>(), positions.ContiguousSpan<long>(), values.ContiguousSpan<float>()); break;
                case ScalarType.Float64: WriteAt(Storage<double>(), positions.ContiguousSpan<long>(), values.ContiguousSpan<double>()); break;
                case ScalarType.Int64: WriteAt(Storage<long>(), positions.ContiguousSpan<long>(), values.ContiguousSpan<long>()); break;
                default: WriteAt(Storage<bool>(), positions.ContiguousSpan<long>(), values.ContiguousSpan<bool>()); break;
            }
            return this;
        }

        /// <summary><c>x[indices] = value</c> for a number: every picked element becomes <paramref name="value"/>.</summary>
        public Tensor index_put_(double value, params TensorIndex[] indices) => index_put_(tensor(value), indices);

        private static void WriteAt<T>(T[] storage, ReadOnlySpan<long> positions, ReadOnlySpan<T> values)
        {
            for (var i = 0; i < positions.Length; i++) storage[positions[i]] = values[i];
        }

        /// <summary>
        /// For each element of this view, its position in the storage array: the same offset and strides,
        /// read from a storage that holds 0, 1, 2, ...
        /// </summary>
        private Tensor StoragePositions() => new(arange(storage.LongLength).storage, _shape, _strides, offset, ScalarType.Int64);

        /// <summary>
        /// Applies numbers, slices, Ellipsis and None as views, from left to right, and finds the tensor index,
        /// if any. It is applied afterwards: the views before and after it leave its dimension where it is.
        /// </summary>
        private (Tensor View, TensorIndexAt? Advanced) ApplyBasicIndices(TensorIndex[] indices)
        {
            var used = indices.Sum(i => i.DimensionsUsed);
            if (indices.Count(i => i.kind == TensorIndex.Kind.Ellipsis) > 1)
                throw new ArgumentException("index: an index can contain only one Ellipsis.");
            if (used > Dimensions)
                throw new ArgumentException($"index: too many indices for a tensor of shape ({ShapeText}): they index {used} dimensions, the tensor has {Dimensions}.");
            var view = this;
            var dim = 0;       // the dimension of `view` that the next entry indexes
            var sourceDim = 0; // the same dimension counted in this tensor, for error messages
            TensorIndexAt? advanced = null;
            foreach (var entry in indices)
            {
                switch (entry.kind)
                {
                    case TensorIndex.Kind.Single:
                        view = view.SelectAt(dim, NormalizeIndex(entry.start!.Value, view._shape[dim], sourceDim, "index"));
                        sourceDim++;
                        break;
                    case TensorIndex.Kind.Slice:
                        view = view.slice(dim, entry.start ?? 0, entry.stop ?? long.MaxValue, entry.step ?? 1);
                        dim++;
                        sourceDim++;
                        break;
                    case TensorIndex.Kind.None:
                        view = view.unsqueeze(dim);
                        dim++;
                        break;
                    case TensorIndex.Kind.Ellipsis:
                        dim += Dimensions - used;
                        sourceDim += Dimensions - used;
                        break;
                    default:
                        if (advanced is not null)
                            throw new NotSupportedException(
                                "index: only one tensor index per expression is supported; index in two steps (e.g. x[rows][.., cols]) or use gather.");
                        advanced = new TensorIndexAt(entry.tensor!, dim, sourceDim);
                        dim += entry.DimensionsUsed;
                        sourceDim += entry.DimensionsUsed;
                        break;
                }
            }
            return (view, advanced);
        }

        /// <summary>A tensor index that applies at dimension <paramref name="Dim"/> of the view (<paramref name="SourceDim"/> of the original tensor).</summary>
        private readonly record struct TensorIndexAt(Tensor Index, int Dim, int SourceDim)
        {
            /// <summary>The elements of <paramref name="view"/> that the index picks (a copy), the index's dimensions taking the place of the indexed ones.</summary>
            public Tensor Apply(Tensor view)
            {
                if (Index.dtype == ScalarType.Bool) return ApplyMask(view);
                if (Index.dtype != ScalarType.Int64)
                    throw new ArgumentException($"index: a tensor used as an index must be int64 (positions) or Bool (a mask), got {Index.dtype}.");
                var (size, sourceDim) = (view._shape[Dim], SourceDim);
                var positions = Array.ConvertAll(Index.ToDenseArray<long>(), p => NormalizeIndex(p, size, sourceDim, "index"));
                return view.IndexSelect(Dim, positions)
                    .reshape([.. view._shape[..Dim], .. Index._shape, .. view._shape[(Dim + 1)..]]);
            }

            /// <summary>A mask covers as many dimensions as it has; they are flattened and the positions of its true elements selected.</summary>
            private Tensor ApplyMask(Tensor view)
            {
                var rank = Index.Dimensions;
                for (var k = 0; k < rank; k++)
                    if (Index._shape[k] != view._shape[Dim + k])
                        throw new ArgumentException(
                            $"index: the mask of shape ({Index.ShapeText}) does not match the indexed tensor of shape ({view.ShapeText}) in dimension {SourceDim + k}: {Index._shape[k]} vs {view._shape[Dim + k]}.");
                var flat = rank == 0 ? view.unsqueeze(Dim) : view.flatten(Dim, Dim + rank - 1);
                var mask = Index.ToDenseArray<bool>();
                var positions = new List<long>();
                for (var i = 0; i < mask.Length; i++)
                    if (mask[i]) positions.Add(i);
                return flat.IndexSelect(Dim, [.. positions]);
            }
        }
    }
}
