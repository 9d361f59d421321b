using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests.Goldens;

/// <summary>Elementwise math, activations, softmax, clamping, comparisons and fused update ops against PyTorch (tests/goldens/ops_math.py).</summary>
public class MathOpGoldenTests
{
    private const string File = "ops_math.json";

    public static TheoryData<string> Cases => GoldenFile.CaseNames(File, Ops.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_pytorch(string name) => OpGoldens.Check(File, Ops, name);

    private static readonly Dictionary<string, Func<Tensor[], GoldenOutputs>> Ops = new()
    {
        // ---- unary math ----
        ["exp"] = x => x[0].exp(),
        ["exp_f64"] = x => exp(x[0]),
        ["log"] = x => x[0].log(),
        ["log_f64"] = x => log(x[0]),
        ["log1p"] = x => x[0].log1p(),
        ["log1p_tiny"] = x => log1p(x[0]),
        ["expm1"] = x => x[0].expm1(),
        ["expm1_tiny"] = x => expm1(x[0]),
        ["sqrt"] = x => x[0].sqrt(),
        ["rsqrt"] = x => x[0].rsqrt(),
        ["reciprocal"] = x => x[0].reciprocal(),
        ["sin"] = x => x[0].sin(),
        ["cos"] = x => cos(x[0]),
        ["sin_f64"] = x => sin(x[0]),
        ["abs"] = x => x[0].abs(),
        ["abs_kinks"] = x => abs(x[0]),
        ["abs_int"] = x => x[0].abs(),
        ["sign"] = x => x[0].sign(),
        ["square"] = x => x[0].square(),
        ["erf"] = x => x[0].erf(),
        ["erf_f64"] = x => erf(x[0]),
        ["pow_square"] = x => x[0].pow(2),
        ["pow_cube"] = x => x[0].pow(3.0),
        ["pow_half"] = x => pow(x[0], 0.5),
        ["pow_negative"] = x => x[0].pow(-1.5),
        ["pow_zero"] = x => x[0].pow(0.0),
        ["pow_tensor"] = x => x[0].pow(x[1]),
        ["pow_tensor_broadcast"] = x => pow(x[0], x[1]),
        ["pow_f64"] = x => x[0].pow(2.5),

        // ---- activations ----
        ["tanh"] = x => x[0].tanh(),
        ["tanh_f64"] = x => tanh(x[0]),
        ["sigmoid"] = x => x[0].sigmoid(),
        ["sigmoid_large"] = x => sigmoid(x[0]),
        ["sigmoid_f64"] = x => sigmoid(x[0]),
        ["relu"] = x => x[0].relu(),
        ["relu_kinks"] = x => relu(x[0]),
        ["leaky_relu"] = x => leaky_relu(x[0]),
        ["leaky_relu_slope"] = x => leaky_relu(x[0], 0.2),
        ["gelu"] = x => gelu(x[0]),
        ["gelu_f64"] = x => gelu(x[0]),
        ["gelu_tanh"] = x => gelu(x[0], approximate: "tanh"),
        ["gelu_tanh_f64"] = x => gelu(x[0], approximate: "tanh"),

        // ---- softmax ----
        ["softmax"] = x => x[0].softmax(1),
        ["softmax_dim0"] = x => softmax(x[0], 0),
        ["softmax_last_rank3"] = x => x[0].softmax(-1),
        ["softmax_middle_rank3"] = x => x[0].softmax(1),
        ["softmax_large_logits"] = x => x[0].softmax(-1),
        ["softmax_to_f64"] = x => softmax(x[0], 1, dtype: float64),
        ["softmax_f64"] = x => x[0].softmax(0),
        ["log_softmax"] = x => x[0].log_softmax(1),
        ["log_softmax_dim0"] = x => log_softmax(x[0], 0),
        ["log_softmax_rank3"] = x => x[0].log_softmax(1),
        ["log_softmax_large_logits"] = x => x[0].log_softmax(-1),
        ["log_softmax_f64"] = x => x[0].log_softmax(-1),
        ["log_softmax_wide"] = x => x[0].log_softmax(-1),

        // ---- clamping and elementwise max/min ----
        ["clamp"] = x => x[0].clamp(-0.5, 0.8),
        ["clamp_kinks"] = x => clamp(x[0], -1.0, 1.0),
        ["clamp_min"] = x => x[0].clamp_min(0.1),
        ["clamp_max"] = x => x[0].clamp_max(0.1),
        ["clamp_only_min"] = x => clamp(x[0], min: -0.2),
        ["clip"] = x => x[0].clip(-1.0, 0.5),
        ["clamp_int"] = x => x[0].clamp(-2, 3),
        ["maximum"] = x => maximum(x[0], x[1]),
        ["maximum_broadcast"] = x => x[0].maximum(x[1]),
        ["maximum_ties"] = x => x[0].maximum(x[1]),
        ["minimum"] = x => minimum(x[0], x[1]),
        ["minimum_ties"] = x => x[0].minimum(x[1]),

        // ---- comparisons and logic ----
        ["eq"] = x => x[0].eq(x[1]),
        ["ne"] = x => ne(x[0], x[1]),
        ["lt"] = x => x[0] < x[1],
        ["le"] = x => x[0] <= x[1],
        ["gt"] = x => x[0] > x[1],
        ["ge"] = x => x[0] >= x[1],
        ["lt_broadcast"] = x => x[0] < x[1],
        ["gt_scalar"] = x => x[0] > 0.5,
        ["le_scalar_left"] = x => 0.5 <= x[0],
        ["eq_scalar"] = x => x[0].eq(2.0),
        ["eq_int"] = x => x[0].eq(x[1]),
        ["logical_and"] = x => x[0] & x[1],
        ["logical_or"] = x => logical_or(x[0], x[1]),
        ["logical_xor"] = x => x[0] ^ x[1],
        ["logical_not"] = x => ~x[0],
        ["all"] = x => x[0].all(),
        ["all_dim"] = x => x[0].all(1),
        ["any_dim"] = x => any(x[0], 0, keepdim: true),
        ["isclose"] = x => isclose(x[0], x[1]),
        ["compare_then_mask"] = x => x[0] * (x[0] > 0).to(float32),

        // ---- fused update ops ----
        ["addcmul"] = x => addcmul(x[0], x[1], x[2], value: 0.5),
        ["addcdiv"] = x => x[0].addcdiv(x[1], x[2], value: -2.0),
        ["lerp_scalar"] = x => lerp(x[0], x[1], 0.3),
        ["lerp_tensor"] = x => x[0].lerp(x[1], x[2]),

        // ---- reductions ----
        ["max"] = x => x[0].max(),
        ["max_ties"] = x => x[0].max(),
        ["min"] = x => min(x[0]),
        ["max_dim"] = x => x[0].max(1),
        ["max_dim_keepdim"] = x => max(x[0], 0, keepdim: true),
        ["max_dim_ties"] = x => x[0].max(1),
        ["max_dim_rank3"] = x => x[0].max(-2),
        ["min_dim"] = x => x[0].min(-1),
        ["max_dim_int"] = x => x[0].max(0),
        ["max_of_pair"] = x => x[0].max(x[1]),
        ["argmax"] = x => x[0].argmax(),
        ["argmax_dim"] = x => argmax(x[0], 1),
        ["argmax_keepdim"] = x => x[0].argmax(0, keepdim: true),
        ["argmax_ties"] = x => x[0].argmax(1),
        ["argmin"] = x => x[0].argmin(),
        ["argmin_dim"] = x => argmin(x[0], -1),
        ["var"] = x => x[0].var(),
        ["var_biased"] = x => x[0].var(unbiased: false),
        ["var_dim"] = x => x[0].var(1),
        ["var_dim_keepdim_biased"] = x => var(x[0], 0, unbiased: false, keepdim: true),
        ["var_dims"] = x => x[0].var([0, 2]),
        ["var_f64"] = x => x[0].var(1),
        ["std"] = x => x[0].std(),
        ["std_dim"] = x => x[0].std(1, keepdim: true),
        ["std_biased_dims"] = x => std(x[0], [1, 2], unbiased: false),
        ["std_f64"] = x => x[0].std(0),
        ["prod"] = x => x[0].prod(),
        ["prod_dim"] = x => x[0].prod(1),
        ["prod_keepdim"] = x => prod(x[0], 0, keepdim: true),
        ["prod_zeros"] = x => x[0].prod(1),
        ["prod_int"] = x => x[0].prod(1),
        ["prod_f64"] = x => x[0].prod(0),
        ["norm"] = x => x[0].norm(),
        ["norm_p1"] = x => x[0].norm(1),
        ["norm_p3"] = x => x[0].norm(3),
        ["norm_inf"] = x => x[0].norm(double.PositiveInfinity),
        ["norm_dim"] = x => norm(x[0], 1, keepdim: true, p: 2),
        ["norm_dim_p1"] = x => x[0].norm(0, keepdim: false, p: 1),
        ["norm_dim_inf"] = x => norm(x[0], 1, keepdim: false, p: double.PositiveInfinity),
        ["norm_zero_row"] = x => x[0].norm(1, keepdim: false),
        ["norm_f64"] = x => x[0].norm(),
        ["cumsum"] = x => x[0].cumsum(1),
        ["cumsum_dim0"] = x => cumsum(x[0], 0),
        ["cumsum_to_f64"] = x => x[0].cumsum(-1, type: float64),
        ["cumsum_int"] = x => x[0].cumsum(0),

        // ---- in-place forms on tensors outside the graph ----
        ["exp_"] = x => x[0].clone().exp_(),
        ["sqrt_"] = x => x[0].clone().sqrt_(),
        ["clamp_"] = x => x[0].clone().clamp_(-0.5, 0.5),
        ["addcmul_"] = x => x[0].clone().addcmul_(x[1], x[2], value: 3.0),
        ["lerp_"] = x => x[0].clone().lerp_(x[1], 0.9),
    };
}
