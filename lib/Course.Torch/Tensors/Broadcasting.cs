namespace Course.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>
        /// NumPy broadcasting: align shapes at the right; each pair of sizes must be equal or one of
        /// them 1, and the result takes the larger. (64x10) with (10) gives 64x10; (64x1) with (1x10) gives 64x10.
        /// </summary>
        internal static long[] BroadcastShapes(string op, Tensor a, Tensor b) => BroadcastShapes(op, a._shape, b._shape);

        internal static long[] BroadcastShapes(string op, long[] a, long[] b)
        {
            var rank = Math.Max(a.Length, b.Length);
            var result = new long[rank];
            for (var i = 0; i < rank; i++)
            {
                var sa = SizeFromRight(a, i);
                var sb = SizeFromRight(b, i);
                if (sa != sb && sa != 1 && sb != 1)
                    throw new ArgumentException(
                        $"{op}: shapes ({FormatShape(a)}) and ({FormatShape(b)}) cannot be broadcast together: size {sa} vs {sb} in dimension {rank - 1 - i}.");
                result[rank - 1 - i] = sa == 1 ? sb : sa;
            }
            return result;
        }

        private static long SizeFromRight(long[] shape, int i) => i < shape.Length ? shape[shape.Length - 1 - i] : 1;

        /// <summary>
        /// A view with size-1 dimensions repeated to <paramref name="sizes"/> (-1 keeps a size) without
        /// copying: a repeated dimension gets stride 0, so every index reads the same element.
        /// </summary>
        public Tensor expand(params long[] sizes)
        {
            if (sizes.Length < _shape.Length)
                throw new ArgumentException($"expand: cannot expand shape ({ShapeText}) to fewer dimensions ({FormatShape(sizes)}).");
            var shape = new long[sizes.Length];
            var strides = new long[sizes.Length];
            var lead = sizes.Length - _shape.Length;
            for (var d = 0; d < sizes.Length; d++)
            {
                var own = d >= lead ? _shape[d - lead] : 1;
                var wanted = sizes[d] == -1 ? own : sizes[d];
                if (d < lead && sizes[d] == -1)
                    throw new ArgumentException($"expand: -1 is not allowed for the new leading dimension {d}.");
                if (own != wanted && own != 1)
                    throw new ArgumentException(
                        $"expand: shape ({ShapeText}) cannot be expanded to ({FormatShape(sizes)}): size {own} would have to become {wanted} in dimension {d}, but only size-1 dimensions can grow.");
                shape[d] = wanted;
                strides[d] = d >= lead && own == wanted ? _strides[d - lead] : 0;
            }
            if (shape.AsSpan().SequenceEqual(_shape)) return this;
            var sourceShape = _shape;
            return new Tensor(storage, shape, strides, offset, dtype)
                .WithGradFn("ExpandBackward0", g => [g.sum_to_size(sourceShape)], this);
        }

        public Tensor expand_as(Tensor other) => expand(other._shape);

        /// <summary><see cref="expand"/> for an op that needs this tensor to fit <paramref name="target"/>'s shape, with the op named in the error.</summary>
        internal Tensor expand_as_for(Tensor target, string op)
        {
            var broadcast = BroadcastShapes(op, this, target);
            if (!broadcast.AsSpan().SequenceEqual(target._shape))
                throw new ArgumentException($"{op}: a tensor of shape ({ShapeText}) does not fit into shape ({target.ShapeText}).");
            return expand(target._shape);
        }

        /// <summary>
        /// Sums this tensor down to <paramref name="size"/>: the inverse of broadcasting, used by every
        /// broadcasting op's backward (a value used in many places receives the sum of their gradients).
        /// </summary>
        public Tensor sum_to_size(params long[] size)
        {
            if (_shape.AsSpan().SequenceEqual(size)) return this;
            var lead = _shape.Length - size.Length;
            if (lead < 0)
                throw new ArgumentException($"sum_to_size: shape ({ShapeText}) has fewer dimensions than ({FormatShape(size)}).");
            var dims = new List<long>();
            for (var d = 0; d < _shape.Length; d++)
            {
                if (d < lead) dims.Add(d);
                else if (size[d - lead] == 1 && _shape[d] != 1) dims.Add(d);
                else if (size[d - lead] != _shape[d])
                    throw new ArgumentException($"sum_to_size: shape ({ShapeText}) is not expandable from ({FormatShape(size)}).");
            }
            var summed = dims.Count == 0 ? this : sum(dims.ToArray(), keepdim: true);
            return summed.reshape(size);
        }
    }
}
