namespace Course.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>
        /// The p-norm of all elements, (Σ|x|ᵖ)^(1/p): p = 2 (default) is the Euclidean length used by
        /// gradient clipping, p = 1 the sum of magnitudes, p = ∞ the largest magnitude.
        /// </summary>
        public Tensor norm(double p = 2) => Norm(null, keepdim: false, p);

        /// <summary>
        /// The p-norm of each slice along <paramref name="dim"/>. keepdim has no default here so that
        /// <c>x.norm(1)</c> can only mean p = 1, as in PyTorch, and not dimension 1.
        /// </summary>
        public Tensor norm(long dim, bool keepdim, double p = 2) => Norm(dim, keepdim, p);

        private Tensor Norm(long? dim, bool keepdim, double p)
        {
            if (!is_floating_point())
                throw new NotSupportedException($"norm: needs a floating-point tensor, this one is {dtype}; convert with .to(float32) first.");
            long[] dims = dim is { } d ? [d] : AllDims();
            if (p == 2) return EuclideanNorm(dims, keepdim);
            // The other norms are compositions of differentiable ops, so autograd derives their backward.
            var magnitudes = abs();
            if (double.IsPositiveInfinity(p))
                return dim is { } single && Dimensions > 0 ? magnitudes.max(single, keepdim).values : magnitudes.max();
            if (p == 1) return magnitudes.sum(dims, keepdim);
            if (p > 0) return magnitudes.pow(p).sum(dims, keepdim).pow(1 / p);
            throw new ArgumentException($"norm: p must be positive (or infinity), got {p}.");
        }

        /// <summary>√(Σx²). Backward: x/‖x‖, taken as 0 where ‖x‖ = 0 (the norm has a kink there; PyTorch also uses 0).</summary>
        private Tensor EuclideanNorm(long[] dim, bool keepdim)
        {
            var dims = NormalizeDims(dim, "norm");
            var x = detach();
            var kept = (x * x).sum(dim, keepdim: true).sqrt();
            var result = keepdim ? kept : kept.view(DropDims(kept._shape, dims));
            var keptShape = kept._shape;
            return result.WithGradFn("NormBackward1", g => [g.reshape(keptShape) * x / (kept + kept.eq(0))], this);
        }
    }

    public static Tensor norm(Tensor input, double p = 2) => input.norm(p);
    public static Tensor norm(Tensor input, long dim, bool keepdim, double p = 2) => input.norm(dim, keepdim, p);
}
