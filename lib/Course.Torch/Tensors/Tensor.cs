using Course.Torch.Autograd;

namespace Course.Torch;

public static partial class torch
{
    /// <summary>
    /// An n-dimensional array of one dtype, plus what autograd needs to know about it.
    /// <para>
    /// Storage model (as in PyTorch): the elements live in a flat array, and a tensor is a window
    /// onto it: <c>element[i0, i1, ...] = storage[offset + i0*stride[0] + i1*stride[1] + ...]</c>.
    /// Views such as <c>transpose</c>, <c>narrow</c> or <c>expand</c> only change shape, strides
    /// and offset, so they cost nothing and share memory with their base tensor.
    /// </para>
    /// The class is split over several files, one concept each (creation, arithmetic, shapes, ...).
    /// It is not sealed only so that <see cref="Modules.Parameter"/> can derive from it, as in
    /// TorchSharp. Write every part as <c>public partial class Tensor</c>: one <c>sealed</c> part seals them all.
    /// </summary>
    public partial class Tensor : IDisposable
    {
        private readonly Array _storage;
        internal readonly long offset;
        internal readonly long[] _shape;
        internal readonly long[] _strides;
        private bool _requiresGrad;

        internal Tensor(Array storage, long[] shape, long[] strides, long offset, ScalarType dtype)
        {
            _storage = storage;
            _shape = shape;
            _strides = strides;
            this.offset = offset;
            this.dtype = dtype;
            DisposeScope.Innermost?.Add(this);
        }

        /// <summary>float[], double[], long[] or bool[], matching <see cref="dtype"/>. Every op reaches the elements through here.</summary>
        internal Array storage => _invalid ? throw Disposed() : _storage;

        /// <summary>The storage without the disposed check, for <see cref="DisposeScope"/>'s bookkeeping only.</summary>
        internal Array UncheckedStorage => _storage;

        private ObjectDisposedException Disposed() => new(nameof(Tensor),
            $"This tensor [{FormatShape(_shape)}] was disposed when the torch.NewDisposeScope() it was created in ended. " +
            "Call MoveToOuterDisposeScope() or DetachFromDisposeScope() on a tensor you keep beyond its scope.");

        /// <summary>A new contiguous tensor that owns <paramref name="storage"/>.</summary>
        internal Tensor(Array storage, long[] shape, ScalarType dtype)
            : this(storage, shape, ContiguousStrides(shape), 0, dtype)
        {
            if (storage.LongLength != ShapeNumel(shape))
                throw new ArgumentException($"storage holds {storage.LongLength} elements but shape [{FormatShape(shape)}] needs {ShapeNumel(shape)}");
        }

        public ScalarType dtype { get; }

        public Device device => CPU;

        /// <summary>The sizes of each dimension (a copy; tensors never change shape in place).</summary>
        public long[] shape => (long[])_shape.Clone();

        public long[] size() => shape;

        public long size(int dim) => _shape[NormalizeDim(dim, Dimensions, "size")];

        public long[] stride() => (long[])_strides.Clone();

        public long stride(int dim) => _strides[NormalizeDim(dim, Dimensions, "stride")];

        public int Dimensions => _shape.Length;

        public int dim() => _shape.Length;

        public int ndim => _shape.Length;

        public long numel() => ShapeNumel(_shape);

        public long NumberOfElements => numel();

        public long element_size() => torch.element_size(dtype);

        public bool is_floating_point() => torch.is_floating_point(dtype);

        /// <summary>True when the elements are laid out row-major with no gaps, so kernels can use one span.</summary>
        public bool is_contiguous()
        {
            if (numel() == 0) return true; // no elements, so no gaps (as in PyTorch), whatever the strides say
            long expected = 1;
            for (var d = _shape.Length - 1; d >= 0; d--)
            {
                if (_shape[d] != 1 && _strides[d] != expected) return false;
                expected *= _shape[d];
            }
            return true;
        }

        // ---- autograd state -------------------------------------------------------------------

        /// <summary>Whether autograd records operations on this tensor so gradients can flow to it.</summary>
        public bool requires_grad
        {
            get => _requiresGrad;
            set
            {
                if (grad_fn is not null && !value)
                    throw new InvalidOperationException(
                        "requires_grad: you can only change requires_grad of leaf tensors; use detach() to cut a computed tensor out of the graph.");
                if (value && !is_floating_point())
                    throw new InvalidOperationException(
                        $"requires_grad: only floating-point tensors can require gradients, this one is {dtype}.");
                _requiresGrad = value;
            }
        }

        public Tensor requires_grad_(bool requiresGrad = true)
        {
            requires_grad = requiresGrad;
            return this;
        }

        /// <summary>The accumulated gradient of a leaf tensor after <see cref="backward"/>, or null.</summary>
        public Tensor? grad
        {
            get => _grad;
            // A gradient lives as long as its leaf, beyond the dispose scope of the step that computed it.
            set => _grad = value?.DetachFromDisposeScope();
        }

        private Tensor? _grad;

        /// <summary>The recorded operation that produced this tensor; null for leaves.</summary>
        internal GradFn? grad_fn { get; private set; }

        /// <summary>A leaf was created by the user (not computed by a recorded op); only leaves receive <see cref="grad"/>.</summary>
        public bool is_leaf => grad_fn is null;

        internal void SetGradFn(GradFn node)
        {
            grad_fn = node;
            _requiresGrad = true;
        }

        /// <summary>The same data, cut out of the autograd graph (shares storage).</summary>
        public Tensor detach() => new(storage, _shape, _strides, offset, dtype);

        /// <summary>In-place <see cref="detach"/>: drops this tensor's history and makes it a leaf.</summary>
        public Tensor detach_()
        {
            grad_fn = null;
            _requiresGrad = false;
            return this;
        }

        /// <summary>
        /// Tensors hold managed memory that the garbage collector frees, so disposing one tensor does nothing; it
        /// exists so TorchSharp code with <c>using var</c> compiles unchanged. <see cref="torch.NewDisposeScope"/>
        /// is what disposes tensors (and recycles their memory).
        /// </summary>
        public void Dispose() { }

        // ---- typed access to the storage --------------------------------------------------------

        internal T[] Storage<T>() => storage as T[]
            ?? throw new InvalidOperationException($"internal error: tensor of {dtype} accessed as {typeof(T).Name}");

        /// <summary>The elements as one span; only valid for contiguous tensors.</summary>
        internal Span<T> ContiguousSpan<T>()
        {
            if (!is_contiguous()) throw new InvalidOperationException("internal error: ContiguousSpan on a non-contiguous tensor");
            return Storage<T>().AsSpan((int)offset, (int)numel());
        }

        // ---- shape helpers shared by every op ---------------------------------------------------

        internal static long ShapeNumel(ReadOnlySpan<long> shape)
        {
            long n = 1;
            foreach (var s in shape) n *= s;
            return n;
        }

        internal static long[] ContiguousStrides(long[] shape)
        {
            var strides = new long[shape.Length];
            long s = 1;
            for (var d = shape.Length - 1; d >= 0; d--)
            {
                strides[d] = s;
                s *= Math.Max(shape[d], 1);
            }
            return strides;
        }

        /// <summary>Turns a possibly negative dim into 0..rank-1, or explains the mistake naming the op.</summary>
        internal static int NormalizeDim(long dim, int rank, string op)
        {
            var effectiveRank = Math.Max(rank, 1); // a 0-d tensor accepts dim 0 and -1, as in PyTorch
            if (dim < -effectiveRank || dim >= effectiveRank)
                throw new ArgumentOutOfRangeException(nameof(dim),
                    $"{op}: dimension {dim} is out of range for a tensor with {rank} dimension(s) (expected -{effectiveRank}..{effectiveRank - 1}).");
            return (int)(dim < 0 ? dim + effectiveRank : dim);
        }

        internal static string FormatShape(ReadOnlySpan<long> shape) => string.Join("x", shape.ToArray());

        /// <summary>Shape written the way error messages use it: "64x784", or "scalar".</summary>
        internal string ShapeText => _shape.Length == 0 ? "scalar" : FormatShape(_shape);
    }
}
