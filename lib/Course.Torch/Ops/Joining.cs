namespace Course.Torch;

public static partial class torch
{
    // Joining tensors and taking them apart. cat copies each input into its part of the result (a narrow
    // view), and its backward hands each input the same part of the gradient. split, chunk and unbind
    // are views (narrow, select), so their gradients come from those views' backward.

    /// <summary>
    /// Concatenates along an existing dimension: shapes must agree in every other dimension.
    /// cat([(2x3), (4x3)], 0) has shape 6x3. The result has the promoted dtype of all inputs.
    /// </summary>
    public static Tensor cat(IList<Tensor> tensors, long dim = 0)
    {
        if (tensors.Count == 0) throw new ArgumentException("cat: expected a non-empty list of tensors.");
        var first = tensors[0];
        if (first.Dimensions == 0)
            throw new ArgumentException("cat: 0-d tensors (scalars) cannot be concatenated; use stack, or unsqueeze them first.");
        var d = Tensor.NormalizeDim(dim, first.Dimensions, "cat");
        var shape = first.shape;
        var dtype = first.dtype;
        for (var i = 1; i < tensors.Count; i++)
        {
            var t = tensors[i];
            var fits = t.Dimensions == first.Dimensions;
            for (var k = 0; fits && k < shape.Length; k++) fits = k == d || t._shape[k] == shape[k];
            if (!fits)
                throw new ArgumentException(
                    $"cat: tensors must have the same shape except in dimension {d}, but tensor 0 has shape ({first.ShapeText}) and tensor {i} has shape ({t.ShapeText}).");
            shape[d] += t._shape[d];
            dtype = promote_types(dtype, t.dtype);
        }

        var result = new Tensor(Tensor.AllocateStorage(dtype, Tensor.ShapeNumel(shape)), shape, dtype);
        var starts = new long[tensors.Count];
        long start = 0;
        for (var i = 0; i < tensors.Count; i++)
        {
            starts[i] = start;
            result.narrow(d, start, tensors[i]._shape[d]).copy_(tensors[i]);
            start += tensors[i]._shape[d];
        }
        var inputs = tensors.ToArray();
        return result.WithGradFn("CatBackward0",
            g => inputs.Select((t, i) => (Tensor?)g.narrow(d, starts[i], t._shape[d]).GradFor(t)).ToArray(), inputs);
    }

    /// <summary>Joins tensors of equal shape along a new dimension: stack of three (2x3) tensors at dim 0 has shape 3x2x3.</summary>
    public static Tensor stack(IEnumerable<Tensor> tensors, long dim = 0)
    {
        var list = tensors.ToList();
        if (list.Count == 0) throw new ArgumentException("stack: expected a non-empty list of tensors.");
        var d = Tensor.NormalizeDim(dim, list[0].Dimensions + 1, "stack");
        for (var i = 1; i < list.Count; i++)
            if (!list[i]._shape.AsSpan().SequenceEqual(list[0]._shape))
                throw new ArgumentException(
                    $"stack: all tensors must have the same shape, but tensor 0 has shape ({list[0].ShapeText}) and tensor {i} has shape ({list[i].ShapeText}).");
        return cat(list.Select(t => t.unsqueeze(d)).ToList(), d);
    }

    public static Tensor[] split(Tensor tensor, long split_size, long dim = 0) => tensor.split(split_size, dim);
    public static Tensor[] split(Tensor tensor, long[] split_sizes, long dim = 0) => tensor.split(split_sizes, dim);
    public static Tensor[] chunk(Tensor input, long chunks, long dim = 0) => input.chunk(chunks, dim);
    public static Tensor[] unbind(Tensor input, long dim = 0) => input.unbind(dim);

    public partial class Tensor
    {
        /// <summary>Views of <paramref name="split_size"/> elements each along <paramref name="dim"/>; the last may be smaller.</summary>
        public Tensor[] split(long split_size, long dim = 0)
        {
            RequireDimensions("split");
            var d = NormalizeDim(dim, Dimensions, "split");
            if (split_size <= 0)
                throw new ArgumentException($"split: split_size must be positive, got {split_size}.");
            var sizes = new List<long>();
            for (long start = 0; start < _shape[d]; start += split_size) sizes.Add(Math.Min(split_size, _shape[d] - start));
            return split([.. sizes], d);
        }

        /// <summary>Views of the given sizes along <paramref name="dim"/>; the sizes must add up to the size of that dimension.</summary>
        public Tensor[] split(long[] split_sizes, long dim = 0)
        {
            RequireDimensions("split");
            var d = NormalizeDim(dim, Dimensions, "split");
            if (split_sizes.Any(s => s < 0) || split_sizes.Sum() != _shape[d])
                throw new ArgumentException(
                    $"split: split sizes ({string.Join(", ", split_sizes)}) add up to {split_sizes.Sum()}, but dimension {d} of shape ({ShapeText}) has size {_shape[d]} (and no size may be negative).");
            var parts = new Tensor[split_sizes.Length];
            long start = 0;
            for (var i = 0; i < parts.Length; i++)
            {
                parts[i] = narrow(d, start, split_sizes[i]);
                start += split_sizes[i];
            }
            return parts;
        }

        /// <summary>
        /// At most <paramref name="chunks"/> views of equal size along <paramref name="dim"/> (the last may be
        /// smaller), as PyTorch: each chunk has ceil(size / chunks) elements, so there can be fewer chunks.
        /// </summary>
        public Tensor[] chunk(long chunks, long dim = 0)
        {
            RequireDimensions("chunk");
            var d = NormalizeDim(dim, Dimensions, "chunk");
            if (chunks <= 0)
                throw new ArgumentException($"chunk: the number of chunks must be positive, got {chunks}.");
            return split(Math.Max(1, (_shape[d] + chunks - 1) / chunks), d);
        }

        /// <summary>The slices along <paramref name="dim"/>, each with that dimension removed (views): unbind of 3x4 at dim 0 gives three 4-element tensors.</summary>
        public Tensor[] unbind(long dim = 0)
        {
            RequireDimensions("unbind");
            var d = NormalizeDim(dim, Dimensions, "unbind");
            var parts = new Tensor[_shape[d]];
            for (var i = 0; i < parts.Length; i++) parts[i] = SelectAt(d, i);
            return parts;
        }

        /// <summary>
        /// Tiles the tensor: dimension i is repeated repeats[i] times (extra leading repeats add dimensions).
        /// A (2x3) tensor repeated (2, 1) has shape 4x3: the rows 0, 1, 0, 1. It copies; to reuse memory, use expand.
        /// </summary>
        public Tensor repeat(params long[] repeats)
        {
            if (repeats.Length < Dimensions)
                throw new ArgumentException(
                    $"repeat: got {repeats.Length} repeats for a tensor with {Dimensions} dimensions ({ShapeText}); give one per dimension (or more, to add leading dimensions).");
            if (repeats.Any(r => r < 0))
                throw new ArgumentException($"repeat: repeats must not be negative, got ({string.Join(", ", repeats)}).");
            // Put a size-1 dimension before each dimension, expand it to the repeat count (a free view), then
            // merge each pair: (r, s) flattened is r copies of the s elements. clone() makes the copy even when
            // all repeats are 1. Autograd sums the copies' gradients (expand's backward).
            var lead = repeats.Length - Dimensions;
            var paired = new long[2 * repeats.Length];
            var expanded = new long[2 * repeats.Length];
            var result = new long[repeats.Length];
            for (var i = 0; i < repeats.Length; i++)
            {
                var size = i < lead ? 1 : _shape[i - lead];
                (paired[2 * i], paired[2 * i + 1]) = (1, size);
                (expanded[2 * i], expanded[2 * i + 1]) = (repeats[i], size);
                result[i] = repeats[i] * size;
            }
            return reshape(paired).expand(expanded).clone().view(result);
        }
    }
}
