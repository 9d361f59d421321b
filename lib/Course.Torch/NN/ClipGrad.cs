namespace Course.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>Helpers that work on a model's parameters, such as gradient clipping.</summary>
        public static partial class utils
        {
            /// <summary>
            /// Rescales the gradients of <paramref name="tensors"/> so that, taken together as one long vector,
            /// their <paramref name="norm_type"/>-norm is at most <paramref name="max_norm"/>: if the total norm is
            /// above it, every gradient is multiplied by max_norm / (total + 1e-6), as in PyTorch 1.13. Call it
            /// between <c>backward()</c> and <c>optimizer.step()</c>; it tames exploding gradients, e.g. in RNNs.
            /// Parameters without a gradient are ignored.
            /// </summary>
            /// <returns>The total norm before clipping (0 if no parameter has a gradient).</returns>
            public static double clip_grad_norm_(IEnumerable<Tensor> tensors, double max_norm, double norm_type = 2.0)
            {
                if (max_norm < 0) throw new ArgumentException($"clip_grad_norm_: max_norm must be >= 0, got {max_norm}.");
                var grads = tensors.Select(p => p.grad).OfType<Tensor>().ToList();
                if (grads.Count == 0) return 0;
                using var _ = no_grad();
                // The norm of the per-gradient norms equals the norm of all elements together.
                var norms = stack(grads.Select(g => g.norm(norm_type)));
                var total = double.IsPositiveInfinity(norm_type) ? norms.max() : norms.norm(norm_type);
                var coefficient = max_norm / (total + 1e-6);
                if (coefficient.item<double>() < 1)
                    foreach (var g in grads) g.mul_(coefficient);
                return total.item<double>();
            }

            /// <summary>Clamps every gradient element of <paramref name="tensors"/> into [-clip_value, clip_value], in place.</summary>
            public static void clip_grad_value_(IEnumerable<Tensor> tensors, double clip_value)
            {
                if (clip_value < 0) throw new ArgumentException($"clip_grad_value_: clip_value must be >= 0, got {clip_value}.");
                using var _ = no_grad();
                foreach (var p in tensors)
                    p.grad?.clamp_(-clip_value, clip_value);
            }
        }
    }
}
