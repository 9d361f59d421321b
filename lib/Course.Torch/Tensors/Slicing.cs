namespace Course.Torch;

public static partial class torch
{
    // Views that pick part of a tensor: slice (a range with a step along one dimension), narrow (a range)
    // and select (one position, dropping the dimension). They only move the offset and change shape and
    // strides. Their backward puts the gradient into the picked part of a zero tensor shaped like the
    // base: elements that were not picked did not influence the result.
    public partial class Tensor
    {
        /// <summary>
        /// Positions start, start+step, ... before finish along <paramref name="dim"/>, as Python's
        /// <c>x[start:finish:step]</c>: a view whose stride in that dimension is multiplied by step.
        /// Negative start/finish count from the end; bounds outside the dimension are clipped.
        /// </summary>
        public Tensor slice(long dim, long start, long finish, long step)
        {
            RequireDimensions("slice");
            var d = NormalizeDim(dim, Dimensions, "slice");
            if (step <= 0)
                throw new ArgumentException($"slice: step must be positive, got {step}.");
            var size = _shape[d];
            var from = ClipToDimension(start, size);
            var to = Math.Max(from, ClipToDimension(finish, size));
            var length = (to - from + step - 1) / step;
            var shape = (long[])_shape.Clone();
            var strides = (long[])_strides.Clone();
            shape[d] = length;
            strides[d] *= step;
            // An empty view reads nothing; keeping the base offset keeps it inside the storage.
            var viewOffset = length == 0 ? offset : offset + from * _strides[d];
            var baseShape = _shape;
            return new Tensor(storage, shape, strides, viewOffset, dtype)
                .WithGradFn("SliceBackward0", g => [GradIntoPart(g, baseShape, part => part.slice(d, from, to, step))], this);
        }

        /// <summary>Elements start .. start+length-1 along <paramref name="dim"/> (a view). A negative start counts from the end.</summary>
        public Tensor narrow(long dim, long start, long length)
        {
            RequireDimensions("narrow");
            var d = NormalizeDim(dim, Dimensions, "narrow");
            var size = _shape[d];
            if (start < -size || start > size)
                throw new ArgumentOutOfRangeException(nameof(start),
                    $"narrow: start {start} is out of range for dimension {d} with size {size} (shape {ShapeText}).");
            if (start < 0) start += size;
            if (length < 0 || start + length > size)
                throw new ArgumentOutOfRangeException(nameof(length),
                    $"narrow: start {start} + length {length} does not fit into dimension {d} with size {size} (shape {ShapeText}).");
            return slice(d, start, start + length, 1);
        }

        /// <summary>The slice at position <paramref name="index"/> of <paramref name="dim"/>, with that dimension removed (a view). Negative counts from the end.</summary>
        public Tensor select(long dim, long index)
        {
            RequireDimensions("select");
            var d = NormalizeDim(dim, Dimensions, "select");
            return SelectAt(d, NormalizeIndex(index, _shape[d], d, "select"));
        }

        /// <summary><see cref="select"/> for a dimension and index that are already checked and non-negative.</summary>
        internal Tensor SelectAt(int dim, long index)
        {
            var shape = _shape.Where((_, d) => d != dim).ToArray();
            var strides = _strides.Where((_, d) => d != dim).ToArray();
            var baseShape = _shape;
            return new Tensor(storage, shape, strides, offset + index * _strides[dim], dtype)
                .WithGradFn("SelectBackward0", g => [GradIntoPart(g, baseShape, part => part.SelectAt(dim, index))], this);
        }

        /// <summary>The gradient of a view that picked part of a tensor of shape <paramref name="baseShape"/>: g in the picked part, zero elsewhere.</summary>
        private static Tensor GradIntoPart(Tensor g, long[] baseShape, Func<Tensor, Tensor> pick)
        {
            var grad = zeros(baseShape, g.dtype);
            pick(grad).copy_(g);
            return grad;
        }

        /// <summary>Checks that <paramref name="index"/> lies in -size..size-1 (negative counts from the end) and returns it as 0..size-1.</summary>
        internal static long NormalizeIndex(long index, long size, int dim, string op)
        {
            if (index < -size || index >= size)
                throw new ArgumentOutOfRangeException(nameof(index),
                    $"{op}: index {index} is out of range for dimension {dim} with size {size} (expected {(size == 0 ? "no index, the dimension is empty" : $"-{size}..{size - 1}")}).");
            return index < 0 ? index + size : index;
        }

        private static long ClipToDimension(long index, long size) => Math.Clamp(index < 0 ? index + size : index, 0, size);

        /// <summary>Rejects 0-d tensors for ops that work along a dimension.</summary>
        internal void RequireDimensions(string op)
        {
            if (Dimensions == 0)
                throw new ArgumentException($"{op}: needs a tensor with at least one dimension, got a 0-d tensor (scalar).");
        }
    }

    public static Tensor narrow(Tensor input, long dim, long start, long length) => input.narrow(dim, start, length);
    public static Tensor select(Tensor input, long dim, long index) => input.select(dim, index);
}
