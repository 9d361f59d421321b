namespace Course.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>
        /// Variance of all elements: Σ(x − mean)² / (N − 1), or / N with <paramref name="unbiased"/> = false.
        /// The unbiased form (Bessel's correction, PyTorch's default) estimates the variance of the
        /// population the elements were sampled from; a single element then gives NaN.
        /// </summary>
        public Tensor var(bool unbiased = true) => Variance("var", AllDims(), unbiased, keepdim: false, root: false);

        public Tensor var(long dim, bool unbiased = true, bool keepdim = false) => Variance("var", [dim], unbiased, keepdim, root: false);

        /// <summary>Variance over several dimensions. Backward: d/dxᵢ = 2(xᵢ − mean)/(N − 1) (the mean's own dependence on xᵢ cancels).</summary>
        public Tensor var(long[] dim, bool unbiased = true, bool keepdim = false) => Variance("var", dim, unbiased, keepdim, root: false);

        /// <summary>Standard deviation of all elements, the square root of <see cref="var(bool)"/>.</summary>
        public Tensor std(bool unbiased = true) => Variance("std", AllDims(), unbiased, keepdim: false, root: true);

        public Tensor std(long dim, bool unbiased = true, bool keepdim = false) => Variance("std", [dim], unbiased, keepdim, root: true);

        /// <summary>Standard deviation over several dimensions. Backward: d/dxᵢ = (xᵢ − mean)/((N − 1)·std).</summary>
        public Tensor std(long[] dim, bool unbiased = true, bool keepdim = false) => Variance("std", dim, unbiased, keepdim, root: true);

        private Tensor Variance(string op, long[] dim, bool unbiased, bool keepdim, bool root)
        {
            if (!is_floating_point())
                throw new NotSupportedException($"{op}: needs a floating-point tensor, this one is {dtype}; convert with .to(float32) first.");
            var dims = NormalizeDims(dim, op);
            long count = 1;
            foreach (var d in dims) count *= _shape[d];
            double divisor = Math.Max(count - (unbiased ? 1 : 0), 0);
            // Two passes (mean first, then squared deviations) rather than E[x²] − E[x]², which cancels
            // catastrophically when the mean is large compared with the spread.
            var x = detach();
            var centered = x - x.mean(dim, keepdim: true);
            var kept = (centered * centered).sum(dim, keepdim: true) / divisor;
            if (root) kept = kept.sqrt();
            var result = keepdim ? kept : kept.view(DropDims(kept._shape, dims));
            var keptShape = kept._shape;
            return result.WithGradFn(root ? "StdBackward0" : "VarBackward0", g => root
                ? [g.reshape(keptShape) * centered / (kept * divisor)]
                : [g.reshape(keptShape) * centered * (2 / divisor)], this);
        }
    }

    public static Tensor var(Tensor input, bool unbiased = true) => input.var(unbiased);
    public static Tensor var(Tensor input, long dim, bool unbiased = true, bool keepdim = false) => input.var(dim, unbiased, keepdim);
    public static Tensor var(Tensor input, long[] dim, bool unbiased = true, bool keepdim = false) => input.var(dim, unbiased, keepdim);
    public static Tensor std(Tensor input, bool unbiased = true) => input.std(unbiased);
    public static Tensor std(Tensor input, long dim, bool unbiased = true, bool keepdim = false) => input.std(dim, unbiased, keepdim);
    public static Tensor std(Tensor input, long[] dim, bool unbiased = true, bool keepdim = false) => input.std(dim, unbiased, keepdim);
}
