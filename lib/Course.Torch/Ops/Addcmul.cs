namespace Course.Torch;

public static partial class torch
{
    // The fused updates that optimizers are written with (Adam: exp_avg.lerp_(grad, 1 − β₁),
    // param.addcdiv_(exp_avg, denom, value: −lr)). Here they are plain compositions of the elementwise
    // ops, so autograd works through the out-of-place forms without extra backward code.

    /// <summary>input + value·tensor1·tensor2, with broadcasting.</summary>
    public static Tensor addcmul(Tensor input, Tensor tensor1, Tensor tensor2, double value = 1) =>
        input + tensor1 * tensor2 * value;

    /// <summary>input + value·tensor1/tensor2, with broadcasting.</summary>
    public static Tensor addcdiv(Tensor input, Tensor tensor1, Tensor tensor2, double value = 1) =>
        input + tensor1 / tensor2 * value;

    /// <summary>Linear interpolation input + weight·(end − input): weight 0 gives input, 1 gives end.</summary>
    public static Tensor lerp(Tensor input, Tensor end, double weight) => input + (end - input) * weight;

    public static Tensor lerp(Tensor input, Tensor end, Tensor weight) => input + (end - input) * weight;

    public partial class Tensor
    {
        public Tensor addcmul(Tensor tensor1, Tensor tensor2, double value = 1) => torch.addcmul(this, tensor1, tensor2, value);
        public Tensor addcdiv(Tensor tensor1, Tensor tensor2, double value = 1) => torch.addcdiv(this, tensor1, tensor2, value);
        public Tensor lerp(Tensor end, double weight) => torch.lerp(this, end, weight);
        public Tensor lerp(Tensor end, Tensor weight) => torch.lerp(this, end, weight);

        public Tensor addcmul_(Tensor tensor1, Tensor tensor2, double value = 1) => CopyResult_("addcmul_", torch.addcmul(this, tensor1, tensor2, value));
        public Tensor addcdiv_(Tensor tensor1, Tensor tensor2, double value = 1) => CopyResult_("addcdiv_", torch.addcdiv(this, tensor1, tensor2, value));
        public Tensor lerp_(Tensor end, double weight) => CopyResult_("lerp_", torch.lerp(this, end, weight));
        public Tensor lerp_(Tensor end, Tensor weight) => CopyResult_("lerp_", torch.lerp(this, end, weight));
    }
}
