using Course.Torch.Tensors;

namespace Course.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>Zeroed storage for <paramref name="count"/> elements (recycled when <see cref="StoragePool"/> has a dead array of that size).</summary>
        internal static Array AllocateStorage(ScalarType dtype, long count) => dtype switch
        {
            ScalarType.Float32 => StoragePool.Zeroed<float>(count),
            ScalarType.Float64 => StoragePool.Zeroed<double>(count),
            ScalarType.Int64 => StoragePool.Zeroed<long>(count),
            ScalarType.Bool => StoragePool.Zeroed<bool>(count),
            _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "unsupported dtype"),
        };

        /// <summary>Storage whose contents are undefined, for a kernel that writes every element of its result.</summary>
        internal static Array AllocateUninitialized(ScalarType dtype, long count) => dtype switch
        {
            ScalarType.Float32 => StoragePool.Uninitialized<float>(count),
            ScalarType.Float64 => StoragePool.Uninitialized<double>(count),
            ScalarType.Int64 => StoragePool.Uninitialized<long>(count),
            ScalarType.Bool => StoragePool.Uninitialized<bool>(count),
            _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, "unsupported dtype"),
        };

        /// <summary>This tensor if its elements are already dense and row-major, otherwise a dense copy.</summary>
        public Tensor contiguous() => is_contiguous() ? this : clone();

        /// <summary>
        /// This tensor with its values alone in their storage array, in order from index 0, for kernels that take
        /// whole arrays (convolution, pooling). <see cref="contiguous"/> is not enough for them: a contiguous view
        /// such as <c>x[2..3]</c> starts in the middle of a larger array.
        /// </summary>
        internal Tensor Packed()
        {
            var dense = contiguous();
            return dense.offset == 0 && dense.storage.Length == dense.numel() ? dense : dense.clone();
        }

        /// <summary>A dense copy with its own storage; gradients flow back to this tensor.</summary>
        public Tensor clone()
        {
            var copy = new Tensor(AllocateUninitialized(dtype, numel()), (long[])_shape.Clone(), dtype);
            CopyElements(this, copy);
            return copy.WithGradFn("CloneBackward0", g => [g], this);
        }

        /// <summary>Copies the elements of a tensor into a dense destination of the same dtype and shape.</summary>
        private static void CopyElements(Tensor source, Tensor destination)
        {
            switch (source.dtype)
            {
                case ScalarType.Float32: StridedCopy.Gather(source.Storage<float>(), source.offset, source._shape, source._strides, destination.ContiguousSpan<float>()); break;
                case ScalarType.Float64: StridedCopy.Gather(source.Storage<double>(), source.offset, source._shape, source._strides, destination.ContiguousSpan<double>()); break;
                case ScalarType.Int64: StridedCopy.Gather(source.Storage<long>(), source.offset, source._shape, source._strides, destination.ContiguousSpan<long>()); break;
                case ScalarType.Bool: StridedCopy.Gather(source.Storage<bool>(), source.offset, source._shape, source._strides, destination.ContiguousSpan<bool>()); break;
            }
        }

        /// <summary>The elements in row-major order as a new array of this tensor's element type.</summary>
        internal T[] ToDenseArray<T>()
        {
            var dense = contiguous();
            return dense.ContiguousSpan<T>().ToArray();
        }

        // ---- dtype and device conversion -------------------------------------------------------

        /// <summary>A copy converted to <paramref name="type"/> (this tensor itself if it already has it).</summary>
        public Tensor to(ScalarType type)
        {
            if (type == dtype) return this;
            var result = new Tensor(ConvertStorage(type), (long[])_shape.Clone(), type);
            if (is_floating_point() && result.is_floating_point())
                result.WithGradFn("ToCopyBackward0", g => [g.to(dtype)], this);
            return result;
        }

        public Tensor to_type(ScalarType type) => to(type);

        public Tensor type(ScalarType type) => to(type);

        /// <summary>Moves the tensor to <paramref name="target"/>; on a CPU-only build this is the tensor itself for CPU.</summary>
        public Tensor to(Device target)
        {
            target.EnsureAvailable();
            return this;
        }

        public Tensor to(ScalarType type, Device target) => to(target).to(type);

        public Tensor cpu() => this;

        public Tensor cuda() => to(CUDA);

        public Tensor @float() => to(ScalarType.Float32);

        public Tensor @double() => to(ScalarType.Float64);

        public Tensor @long() => to(ScalarType.Int64);

        public Tensor @bool() => to(ScalarType.Bool);

        private Array ConvertStorage(ScalarType type)
        {
            var n = (int)numel();
            switch (dtype)
            {
                case ScalarType.Float32: return ConvertFrom(ToDenseArray<float>(), type, n, v => v, v => v, v => (long)v, v => v != 0);
                case ScalarType.Float64: return ConvertFrom(ToDenseArray<double>(), type, n, v => (float)v, v => v, v => (long)v, v => v != 0);
                case ScalarType.Int64: return ConvertFrom(ToDenseArray<long>(), type, n, v => v, v => v, v => v, v => v != 0);
                default: return ConvertFrom(ToDenseArray<bool>(), type, n, v => v ? 1f : 0f, v => v ? 1d : 0d, v => v ? 1L : 0L, v => v);
            }
        }

        private static Array ConvertFrom<TSource>(TSource[] source, ScalarType type, int n,
            Func<TSource, float> toFloat, Func<TSource, double> toDouble, Func<TSource, long> toLong, Func<TSource, bool> toBool)
        {
            switch (type)
            {
                case ScalarType.Float32: { var r = new float[n]; for (var i = 0; i < n; i++) r[i] = toFloat(source[i]); return r; }
                case ScalarType.Float64: { var r = new double[n]; for (var i = 0; i < n; i++) r[i] = toDouble(source[i]); return r; }
                case ScalarType.Int64: { var r = new long[n]; for (var i = 0; i < n; i++) r[i] = toLong(source[i]); return r; }
                default: { var r = new bool[n]; for (var i = 0; i < n; i++) r[i] = toBool(source[i]); return r; }
            }
        }

        // ---- reading values out ----------------------------------------------------------------

        /// <summary>The single value of a one-element tensor, converted to <typeparamref name="T"/>.</summary>
        public T item<T>()
        {
            if (numel() != 1)
                throw new InvalidOperationException($"item: only a tensor with one element can be converted to a value, this one has shape [{ShapeText}].");
            var single = to(ScalarTypeOf<T>());
            return single.Storage<T>()[single.offset];
        }

        public float ToSingle() => item<float>();

        public double ToDouble() => item<double>();

        public long ToInt64() => item<long>();

        public bool ToBoolean() => item<bool>();

        /// <summary>
        /// The elements in row-major order, TorchSharp style: <c>t.data&lt;float&gt;().ToArray()</c>.
        /// The element type must match the dtype exactly (convert first with <c>to()</c>).
        /// </summary>
        public TensorAccessor<T> data<T>() where T : unmanaged
        {
            if (ScalarTypeOf<T>() != dtype)
                throw new InvalidOperationException($"data<{typeof(T).Name}>: this tensor holds {dtype}; call .to({ScalarTypeOf<T>()}) first.");
            return new TensorAccessor<T>(this);
        }
    }

    /// <summary>Read and write access to a tensor's elements by flat row-major index.</summary>
    public sealed class TensorAccessor<T> : IEnumerable<T> where T : unmanaged
    {
        private readonly Tensor _tensor;

        internal TensorAccessor(Tensor tensor) => _tensor = tensor;

        public long Count => _tensor.numel();

        public T this[long index]
        {
            get => _tensor.Storage<T>()[StorageIndex(index)];
            set => _tensor.Storage<T>()[StorageIndex(index)] = value;
        }

        private long StorageIndex(long flatIndex)
        {
            if (flatIndex < 0 || flatIndex >= Count)
                throw new IndexOutOfRangeException($"data: index {flatIndex} is outside 0..{Count - 1}.");
            var position = _tensor.offset;
            var shape = _tensor._shape;
            for (var d = shape.Length - 1; d >= 0; d--)
            {
                position += flatIndex % shape[d] * _tensor._strides[d];
                flatIndex /= shape[d];
            }
            return position;
        }

        public T[] ToArray() => _tensor.ToDenseArray<T>();

        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)ToArray()).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
