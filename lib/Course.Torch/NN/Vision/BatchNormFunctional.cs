namespace Course.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// Batch normalisation (Ioffe &amp; Szegedy, 2015) of an (N, C), (N, C, L) or (N, C, H, W) input, per channel c:
            /// <c>y = (x − μ_c) / √(σ²_c + eps) · weight[c] + bias[c]</c>. When <paramref name="training"/>, μ and σ² are the
            /// mean and biased variance of the batch (over N and the spatial positions), and the running statistics, when
            /// given, move towards them: <c>running = (1 − momentum)·running + momentum·batch</c>, using the unbiased
            /// variance for running_var, as PyTorch. Otherwise running_mean and running_var are used.
            /// Backward in training mode also flows through μ and σ², which depend on every element of the batch.
            /// </summary>
            public static Tensor batch_norm(Tensor input, Tensor? running_mean, Tensor? running_var, Tensor? weight = null,
                                            Tensor? bias = null, bool training = false, double momentum = 0.1, double eps = 1e-5)
            {
                const string op = "batch_norm";
                if (input.Dimensions < 2)
                    throw new ArgumentException($"{op}: expects input of shape (N, C, ...), got ({input.ShapeText}).");
                if (!input.is_floating_point())
                    throw new ArgumentException($"{op}: needs a floating-point tensor, this one is {input.dtype}.");
                var channels = input._shape[1];
                foreach (var (name, t) in new[] { ("running_mean", running_mean), ("running_var", running_var), ("weight", weight), ("bias", bias) })
                {
                    if (t is not null && (t.Dimensions != 1 || t._shape[0] != channels))
                        throw new ArgumentException($"{op}: {name} ({t.ShapeText}) needs one value per channel, shape ({channels}) for input ({input.ShapeText}).");
                }
                if (!training && (running_mean is null || running_var is null))
                    throw new ArgumentException($"{op}: evaluation mode (training: false) needs running_mean and running_var.");

                // Statistics per channel: reduce over every dimension except 1, keeping dims so they broadcast.
                long[] reduceDims = [0, .. Enumerable.Range(2, input.Dimensions - 2).Select(d => (long)d)];
                var count = input.numel() / Math.Max(channels, 1);
                if (training && count <= 1)
                    throw new ArgumentException($"{op}: training needs more than one value per channel to compute a variance, got input ({input.ShapeText}).");
                long[] statShape = [1, channels, .. Enumerable.Repeat(1L, input.Dimensions - 2)];
                var x = input.detach();
                Tensor mean, variance;
                if (training)
                {
                    mean = x.mean(reduceDims, keepdim: true);
                    var centered = x - mean;
                    variance = (centered * centered).mean(reduceDims, keepdim: true);
                    using (no_grad())
                    {
                        if (running_mean is not null)
                            running_mean.mul_(1 - momentum).add_(mean.reshape(channels).to(running_mean.dtype), alpha: momentum);
                        if (running_var is not null)
                            running_var.mul_(1 - momentum).add_((variance.reshape(channels) * ((double)count / (count - 1))).to(running_var.dtype), alpha: momentum);
                    }
                }
                else
                {
                    mean = running_mean!.detach().to(x.dtype).reshape(statShape);
                    variance = running_var!.detach().to(x.dtype).reshape(statShape);
                }
                var invStd = (variance + eps).rsqrt();
                var normalized = (x - mean) * invStd;
                var scale = weight is null ? invStd : invStd * weight.detach().reshape(statShape);
                var output = (x - mean) * scale;
                if (bias is not null) output = output + bias.detach().reshape(statShape);

                Tensor[] inputs = [input, .. new[] { weight, bias }.OfType<Tensor>()];
                return output.WithGradFn("NativeBatchNormBackward0", g =>
                {
                    var grads = new List<Tensor?>();
                    if (!input.requires_grad) grads.Add(null);
                    else if (!training) grads.Add(g * scale);
                    else
                    {
                        // dx = scale · (g − mean(g) − x̂ · mean(g · x̂)): the two means are the paths through μ and σ².
                        var meanGrad = g.mean(reduceDims, keepdim: true);
                        var meanGradNormalized = (g * normalized).mean(reduceDims, keepdim: true);
                        grads.Add(scale * (g - meanGrad - normalized * meanGradNormalized));
                    }
                    if (weight is not null) grads.Add(weight.requires_grad ? (g * normalized).sum(reduceDims).to(weight.dtype) : null);
                    if (bias is not null) grads.Add(bias.requires_grad ? g.sum(reduceDims).to(bias.dtype) : null);
                    return [.. grads];
                }, inputs);
            }
        }
    }
}
