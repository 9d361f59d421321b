using Course.Torch.Tensors;

namespace Course.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>
        /// In-place ops overwrite values that the autograd graph may have saved, so (unlike PyTorch,
        /// which tracks versions to allow some cases) this engine refuses them on any tensor that takes
        /// part in recording. Under <c>no_grad()</c>, e.g. in an optimizer step, they are always allowed.
        /// </summary>
        internal void CheckInPlaceAllowed(string op)
        {
            if (!is_grad_enabled() || !requires_grad) return;
            throw new InvalidOperationException(is_leaf
                ? $"{op}: a leaf tensor that requires grad cannot be modified in place while gradients are recorded. Wrap the update in `using (torch.no_grad())`."
                : $"{op}: this tensor is part of an autograd graph and cannot be modified in place. Use the out-of-place form (e.g. `x = x.add(y)`).");
        }

        /// <summary>Sets every element to <paramref name="value"/> (converted to this dtype).</summary>
        public Tensor fill_(double value)
        {
            CheckInPlaceAllowed("fill_");
            switch (dtype)
            {
                case ScalarType.Float32: FillView(this, (float)value); break;
                case ScalarType.Float64: FillView(this, value); break;
                case ScalarType.Int64: FillView(this, (long)value); break;
                default: FillView(this, value != 0); break;
            }
            return this;
        }

        public Tensor zero_() => fill_(0);

        private static void FillView<T>(Tensor view, T value)
        {
            if (view.is_contiguous())
            {
                view.ContiguousSpan<T>().Fill(value);
                return;
            }
            var dense = new T[view.numel()];
            dense.AsSpan().Fill(value);
            StridedCopy.Scatter<T>(dense, view.Storage<T>(), view.offset, view._shape, view._strides);
        }

        /// <summary>
        /// Copies <paramref name="source"/> into this tensor (which may be a view, so this writes
        /// through to its base). The source is broadcast to this shape and converted to this dtype.
        /// </summary>
        public Tensor copy_(Tensor source)
        {
            CheckInPlaceAllowed("copy_");
            var converted = source.detach().to(dtype).expand_as_for(this, "copy_").contiguous();
            switch (dtype)
            {
                case ScalarType.Float32: WriteDense<float>(converted); break;
                case ScalarType.Float64: WriteDense<double>(converted); break;
                case ScalarType.Int64: WriteDense<long>(converted); break;
                default: WriteDense<bool>(converted); break;
            }
            return this;
        }

        /// <summary>Writes a dense tensor of this shape and dtype into this (possibly strided) tensor.</summary>
        internal void WriteDense<T>(Tensor dense) =>
            StridedCopy.Scatter<T>(dense.ContiguousSpan<T>(), Storage<T>(), offset, _shape, _strides);

        /// <summary>Fills with samples from U(from, to).</summary>
        public Tensor uniform_(double from = 0, double to = 1, Generator? generator = null)
        {
            var gen = generator ?? default_generator;
            return FillRandom("uniform_", () => from + (to - from) * gen.NextDouble());
        }

        /// <summary>Fills with samples from N(mean, std²).</summary>
        public Tensor normal_(double mean = 0, double std = 1, Generator? generator = null)
        {
            var gen = generator ?? default_generator;
            return FillRandom("normal_", () => mean + std * gen.NextNormal());
        }

        private Tensor FillRandom(string op, Func<double> sample)
        {
            CheckInPlaceAllowed(op);
            if (!is_floating_point())
                throw new InvalidOperationException($"{op}: needs a floating-point tensor, this one is {dtype}.");
            var values = new double[numel()];
            for (var i = 0; i < values.Length; i++) values[i] = sample();
            return copy_(new Tensor(values, _shape, ScalarType.Float64));
        }
    }
}
