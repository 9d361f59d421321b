using Course.Torch.Kernels;

namespace Course.Torch;

public static partial class torch
{
    /// <summary>
    /// Turns scores into probabilities along <paramref name="dim"/>: e^xᵢ / Σⱼ e^xⱼ, each slice summing to 1.
    /// Backward: with y the output, dL/dxᵢ = yᵢ·(gᵢ − Σⱼ gⱼyⱼ). If <paramref name="dtype"/> is given,
    /// the input is converted to it first (e.g. float64 for extra precision).
    /// </summary>
    public static Tensor softmax(Tensor input, long dim, ScalarType? dtype = null)
    {
        var source = dtype is { } type ? input.to(type) : input;
        var y = SoftmaxAlong("softmax", source, dim, log: false);
        return y.WithGradFn("SoftmaxBackward0", g =>
        {
            var s = y.detach();
            return [s * (g - (g * s).sum(dim, keepdim: true))];
        }, source);
    }

    /// <summary>
    /// log(softmax(x)) along <paramref name="dim"/>, computed as x − max − log Σ e^(x − max) so it never
    /// takes the log of an underflowed 0. Pair it with nll_loss for classification.
    /// Backward: dL/dxᵢ = gᵢ − softmaxᵢ·Σⱼ gⱼ.
    /// </summary>
    public static Tensor log_softmax(Tensor input, long dim, ScalarType? dtype = null)
    {
        var source = dtype is { } type ? input.to(type) : input;
        var y = SoftmaxAlong("log_softmax", source, dim, log: true);
        return y.WithGradFn("LogSoftmaxBackward0", g => [g - exp(y.detach()) * g.sum(dim, keepdim: true)], source);
    }

    private static Tensor SoftmaxAlong(string op, Tensor input, long dim, bool log)
    {
        var d = Tensor.NormalizeDim(dim, input.Dimensions, op);
        if (!input.is_floating_point())
            throw new NotSupportedException($"{op}: needs a floating-point tensor, this one is {input.dtype}; convert with .to(float32) first.");
        return AlongDim.Rows(input, d, (rows, result, rowLength) =>
        {
            if (input.dtype == ScalarType.Float32)
                SoftmaxRows.Apply(rows.ContiguousSpan<float>(), result.ContiguousSpan<float>(), rowLength, log);
            else
                SoftmaxRows.Apply(rows.ContiguousSpan<double>(), result.ContiguousSpan<double>(), rowLength, log);
        });
    }

    public partial class Tensor
    {
        public Tensor softmax(long dim, ScalarType? dtype = null) => torch.softmax(this, dim, dtype);
        public Tensor log_softmax(long dim, ScalarType? dtype = null) => torch.log_softmax(this, dim, dtype);
    }
}
