namespace Course.Torch;

public static partial class torch
{
    // Views: new shape/strides/offset over the same storage, no copying. Their backward reshapes or
    // permutes the gradient back, since a view moves values around without changing them.
    public partial class Tensor
    {
        /// <summary>Same elements, new shape (one size may be -1 and is inferred). Needs a layout that allows it without copying.</summary>
        public Tensor view(params long[] shape)
        {
            var target = InferShape(shape, "view");
            if (!is_contiguous())
                throw new InvalidOperationException(
                    $"view: the tensor of shape ({ShapeText}) is not contiguous (e.g. after transpose), so it cannot be viewed as ({FormatShape(target)}). Use reshape(), which copies when needed, or call contiguous() first.");
            var sourceShape = _shape;
            return new Tensor(storage, target, ContiguousStrides(target), offset, dtype)
                .WithGradFn("ViewBackward0", g => [g.reshape(sourceShape)], this);
        }

        /// <summary>Same elements, new shape: a view when the layout allows, otherwise a copy.</summary>
        public Tensor reshape(params long[] shape) => is_contiguous() ? view(shape) : contiguous().view(shape);

        /// <summary>Replaces one -1 by the size that makes the element count match, and checks the count.</summary>
        private long[] InferShape(long[] shape, string op)
        {
            var target = (long[])shape.Clone();
            var inferred = Array.IndexOf(target, -1L);
            if (inferred >= 0 && Array.IndexOf(target, -1L, inferred + 1) >= 0)
                throw new ArgumentException($"{op}: only one dimension can be -1, got ({FormatShape(shape)}).");
            long known = 1;
            for (var d = 0; d < target.Length; d++)
                if (d != inferred) known *= target[d];
            if (inferred >= 0)
            {
                if (known == 0 || numel() % known != 0)
                    throw new ArgumentException($"{op}: shape ({FormatShape(shape)}) is invalid for a tensor of {numel()} elements with shape ({ShapeText}).");
                target[inferred] = numel() / known;
            }
            else if (known != numel())
            {
                throw new ArgumentException($"{op}: shape ({FormatShape(shape)}) is invalid for a tensor of {numel()} elements with shape ({ShapeText}).");
            }
            return target;
        }

        /// <summary>Reorders the dimensions: result dimension i is this tensor's dimension dims[i].</summary>
        public Tensor permute(params long[] dims)
        {
            if (dims.Length != Dimensions)
                throw new ArgumentException($"permute: got {dims.Length} dims for a tensor with {Dimensions} dimensions ({ShapeText}).");
            var order = new int[dims.Length];
            var seen = new bool[dims.Length];
            for (var i = 0; i < dims.Length; i++)
            {
                order[i] = NormalizeDim(dims[i], Dimensions, "permute");
                if (seen[order[i]]) throw new ArgumentException($"permute: dimension {order[i]} appears twice in ({string.Join(", ", dims)}).");
                seen[order[i]] = true;
            }
            var shape = new long[order.Length];
            var strides = new long[order.Length];
            var inverse = new long[order.Length];
            for (var i = 0; i < order.Length; i++)
            {
                shape[i] = _shape[order[i]];
                strides[i] = _strides[order[i]];
                inverse[order[i]] = i;
            }
            return new Tensor(storage, shape, strides, offset, dtype)
                .WithGradFn("PermuteBackward0", g => [g.permute(inverse)], this);
        }

        /// <summary>Swaps two dimensions (a view).</summary>
        public Tensor transpose(long dim0, long dim1)
        {
            var order = new long[Dimensions];
            for (var i = 0; i < order.Length; i++) order[i] = i;
            var a = NormalizeDim(dim0, Dimensions, "transpose");
            var b = NormalizeDim(dim1, Dimensions, "transpose");
            (order[a], order[b]) = (order[b], order[a]);
            return Dimensions == 0 ? this : permute(order);
        }

        /// <summary>The transpose of a matrix (rank ≤ 2), as PyTorch's <c>t()</c>.</summary>
        public Tensor t()
        {
            if (Dimensions > 2)
                throw new InvalidOperationException($"t: expects a tensor with at most 2 dimensions, got ({ShapeText}); use transpose(dim0, dim1) or mT.");
            return Dimensions < 2 ? this : transpose(0, 1);
        }

        /// <summary>Matrix transpose, as <c>t()</c>.</summary>
        public Tensor T => t();

        /// <summary>Transposes the last two dimensions (a batch of matrices).</summary>
        public Tensor mT => transpose(-2, -1);

        /// <summary>Inserts a size-1 dimension at <paramref name="dim"/> (a view, also of a non-contiguous tensor).</summary>
        public Tensor unsqueeze(long dim)
        {
            var d = NormalizeDim(dim, Dimensions + 1, "unsqueeze");
            var shape = _shape.ToList();
            var strides = _strides.ToList();
            shape.Insert(d, 1);
            // A size-1 dimension is never stepped along, so any stride works; this one keeps a contiguous tensor contiguous.
            strides.Insert(d, d < Dimensions ? _shape[d] * _strides[d] : 1);
            return new Tensor(storage, [.. shape], [.. strides], offset, dtype)
                .WithGradFn("UnsqueezeBackward0", g => [g.squeeze(d)], this);
        }

        /// <summary>Removes all size-1 dimensions.</summary>
        public Tensor squeeze() => reshape(_shape.Where(s => s != 1).ToArray());

        /// <summary>Removes dimension <paramref name="dim"/> if its size is 1 (otherwise returns the tensor unchanged, as PyTorch).</summary>
        public Tensor squeeze(long dim)
        {
            var d = NormalizeDim(dim, Dimensions, "squeeze");
            if (Dimensions == 0 || _shape[d] != 1) return this;
            var shape = _shape.ToList();
            shape.RemoveAt(d);
            return reshape([.. shape]);
        }

        /// <summary>Merges dimensions start_dim..end_dim into one.</summary>
        public Tensor flatten(long start_dim = 0, long end_dim = -1)
        {
            if (Dimensions == 0) return reshape(1);
            var start = NormalizeDim(start_dim, Dimensions, "flatten");
            var end = NormalizeDim(end_dim, Dimensions, "flatten");
            if (start > end) throw new ArgumentException($"flatten: start_dim ({start_dim}) must not come after end_dim ({end_dim}).");
            var shape = new List<long>();
            for (var d = 0; d < start; d++) shape.Add(_shape[d]);
            shape.Add(ShapeNumel(_shape.AsSpan(start, end - start + 1)));
            for (var d = end + 1; d < Dimensions; d++) shape.Add(_shape[d]);
            return reshape([.. shape]);
        }

        public Tensor view_as(Tensor other) => view(other._shape);

        public Tensor reshape_as(Tensor other) => reshape(other._shape);
    }

    public static Tensor reshape(Tensor input, params long[] shape) => input.reshape(shape);
    public static Tensor permute(Tensor input, params long[] dims) => input.permute(dims);
    public static Tensor transpose(Tensor input, long dim0, long dim1) => input.transpose(dim0, dim1);
    public static Tensor t(Tensor input) => input.t();
    public static Tensor unsqueeze(Tensor input, long dim) => input.unsqueeze(dim);
    public static Tensor squeeze(Tensor input) => input.squeeze();
    public static Tensor squeeze(Tensor input, long dim) => input.squeeze(dim);
    public static Tensor flatten(Tensor input, long start_dim = 0, long end_dim = -1) => input.flatten(start_dim, end_dim);
}
