namespace Course.Torch;

public static partial class torch
{
    /// <summary>
    /// One entry of an index expression <c>x[...]</c>, as in PyTorch:
    /// <list type="bullet">
    /// <item>a number picks one position and drops that dimension: <c>x[2]</c>, <c>x[^1]</c> (Python's <c>x[-1]</c>);</item>
    /// <item>a slice keeps the dimension: <c>x[1..3]</c> is Python's <c>x[1:3]</c>, <c>x[..]</c> is <c>x[:]</c>,
    /// <c>TensorIndex.Slice(0, null, 2)</c> is <c>x[0::2]</c>;</item>
    /// <item><see cref="Ellipsis"/> stands for all dimensions not otherwise indexed, <see cref="None"/> inserts a new size-1 dimension;</item>
    /// <item>a tensor picks arbitrary elements: int64 positions (<c>x[idx]</c>) or a bool mask (<c>x[mask]</c>).</item>
    /// </list>
    /// Numbers, slices, Ellipsis and None give views that share storage with <c>x</c>; a tensor index copies.
    /// </summary>
    public sealed class TensorIndex
    {
        internal enum Kind { Single, Slice, Ellipsis, None, Tensor }

        internal readonly Kind kind;
        internal readonly long? start;
        internal readonly long? stop;
        internal readonly long? step;
        internal readonly torch.Tensor? tensor;

        private TensorIndex(Kind kind, long? start = null, long? stop = null, long? step = null, torch.Tensor? tensor = null)
        {
            this.kind = kind;
            this.start = start;
            this.stop = stop;
            this.step = step;
            this.tensor = tensor;
        }

        /// <summary>One position; negative counts from the end (-1 is the last).</summary>
        public static TensorIndex Single(long index) => new(Kind.Single, start: index);

        /// <summary>
        /// Positions start, start+step, ... before stop (Python's <c>start:stop:step</c>). Null means "from the
        /// beginning" / "to the end" / step 1; negative start or stop count from the end; out-of-range bounds are clipped.
        /// </summary>
        public static TensorIndex Slice(long? start = null, long? stop = null, long? step = null) => new(Kind.Slice, start, stop, step);

        /// <summary>An int64 tensor of positions (the result gets the index's shape in place of the indexed dimension) or a bool mask.</summary>
        public static TensorIndex Tensor(torch.Tensor tensor) => new(Kind.Tensor, tensor: tensor);

        /// <summary>All dimensions that the other entries do not index (Python's <c>...</c>).</summary>
        public static TensorIndex Ellipsis { get; } = new(Kind.Ellipsis);

        /// <summary>Inserts a new dimension of size 1 (Python's <c>None</c>).</summary>
        public static TensorIndex None { get; } = new(Kind.None);

        /// <summary>The whole dimension (Python's <c>:</c>), the same as <c>..</c>.</summary>
        public static TensorIndex Colon { get; } = Slice();

        public static implicit operator TensorIndex(long index) => Single(index);

        public static implicit operator TensorIndex(Index index) => Single(index.IsFromEnd ? -index.Value : index.Value);

        public static implicit operator TensorIndex(Range range) => Slice(
            // ^0 as a start means "at the end", which makes an empty slice, as Python's x[len(x):].
            range.Start.IsFromEnd ? (range.Start.Value == 0 ? long.MaxValue : -range.Start.Value) : range.Start.Value,
            range.End.IsFromEnd ? (range.End.Value == 0 ? null : -range.End.Value) : range.End.Value);

        public static implicit operator TensorIndex((int? start, int? stop) range) => Slice(range.start, range.stop);

        public static implicit operator TensorIndex(torch.Tensor tensor) => Tensor(tensor);

        /// <summary>How many dimensions of the indexed tensor this entry consumes.</summary>
        internal int DimensionsUsed => kind switch
        {
            Kind.Single or Kind.Slice => 1,
            Kind.Tensor => tensor!.dtype == ScalarType.Bool ? tensor.Dimensions : 1,
            _ => 0,
        };
    }
}
