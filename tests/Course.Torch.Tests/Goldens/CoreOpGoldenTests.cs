using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests.Goldens;

/// <summary>
/// Core ops against PyTorch (tests/goldens/ops_core.py): each entry is the engine spelling of the
/// generator's expression with the same name; x[i] are the case's inputs.
/// </summary>
public class CoreOpGoldenTests
{
    private const string File = "ops_core.json";

    public static TheoryData<string> Cases => GoldenFile.CaseNames(File, Ops.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_pytorch(string name) => OpGoldens.Check(File, Ops, name);

    private static readonly Dictionary<string, Func<Tensor[], GoldenOutputs>> Ops = new()
    {
        // ---- arithmetic with broadcasting ----
        ["add"] = x => x[0] + x[1],
        ["add_broadcast_row"] = x => x[0] + x[1],
        ["add_broadcast_outer"] = x => x[0] + x[1],
        ["add_broadcast_rank3"] = x => x[0] + x[1],
        ["add_0d"] = x => x[0] + x[1],
        ["add_scalar"] = x => x[0] + 2.5,
        ["add_scalar_left"] = x => 2.5 + x[0],
        ["add_alpha"] = x => add(x[0], x[1], alpha: 0.5),
        ["add_method"] = x => x[0].add(x[1]),
        ["sub"] = x => x[0] - x[1],
        ["sub_broadcast"] = x => x[0] - x[1],
        ["sub_scalar"] = x => x[0] - 1.5,
        ["sub_scalar_left"] = x => 1.5 - x[0],
        ["sub_alpha"] = x => sub(x[0], x[1], alpha: 2),
        ["mul"] = x => x[0] * x[1],
        ["mul_broadcast"] = x => x[0] * x[1],
        ["mul_scalar"] = x => x[0] * -3.0,
        ["mul_self"] = x => x[0] * x[0],
        ["div"] = x => x[0] / x[1],
        ["div_broadcast"] = x => x[0] / x[1],
        ["div_broadcast_numerator"] = x => x[0] / x[1],
        ["div_scalar"] = x => x[0] / 4.0,
        ["div_scalar_left"] = x => 2.0 / x[0],
        ["neg"] = x => -x[0],
        ["neg_method"] = x => neg(x[0]),
        ["expression"] = x => (x[0] * x[1] - x[2]) / (x[1] + 3.0) + x[0],
        ["add_f64"] = x => x[0] + x[1],
        ["mul_f64"] = x => x[0] * x[1],
        ["div_f64"] = x => x[0] / x[1],
        ["promote_f32_f64"] = x => x[0] * x[1] + x[0],
        ["promote_int_f32"] = x => x[0] * x[1],
        ["int_add"] = x => x[0] + x[1],
        ["int_mul_scalar"] = x => x[0] * 3,
        ["int_true_div"] = x => x[0] / x[1],
        ["f32_scalar_stays_f32"] = x => x[0] * 2.0 + 1.0,
        ["promote_0d_f64_keeps_f32"] = x => x[0] + x[1],
        ["promote_0d_float_lifts_int"] = x => x[0] * x[1],
        ["promote_int_times_float_scalar"] = x => x[0] * 2.5,
        ["promote_both_0d"] = x => x[0] - x[1],

        // ---- matrix products ----
        ["mm"] = x => x[0].mm(x[1]),
        ["mm_transposed_left"] = x => x[0].t().mm(x[1]),
        ["mm_transposed_right"] = x => x[0].mm(x[1].t()),
        ["mm_transposed_both"] = x => x[0].t().mm(x[1].t()),
        ["mm_odd_sizes"] = x => mm(x[0], x[1]),
        ["mm_blocked"] = x => x[0].mm(x[1]),
        ["mm_blocked_transposed"] = x => x[0].t().mm(x[1].t()),
        ["mm_blocked_f64"] = x => x[0].mm(x[1]),
        ["mm_many_rows"] = x => x[0].mm(x[1]),
        ["matmul_blocked_batched"] = x => x[0].matmul(x[1]),
        ["mm_f64"] = x => x[0].mm(x[1]),
        ["mm_int"] = x => x[0].mm(x[1]),
        ["matmul_vec_vec"] = x => x[0].matmul(x[1]),
        ["matmul_mat_vec"] = x => x[0].matmul(x[1]),
        ["matmul_vec_mat"] = x => x[0].matmul(x[1]),
        ["matmul_batched"] = x => x[0].matmul(x[1]),
        ["matmul_broadcast_right"] = x => x[0].matmul(x[1]),
        ["matmul_broadcast_left"] = x => matmul(x[0], x[1]),
        ["matmul_broadcast_both"] = x => x[0].matmul(x[1]),
        ["matmul_batched_vec"] = x => x[0].matmul(x[1]),
        ["matmul_vec_batched"] = x => x[0].matmul(x[1]),
        ["matmul_mT"] = x => x[0].matmul(x[1].mT),
        ["matmul_expanded"] = x => x[0].expand(2, 3, 4).matmul(x[1]),
        ["bmm"] = x => x[0].bmm(x[1]),
        ["bmm_transposed"] = x => bmm(x[0].transpose(1, 2), x[1]),
        ["dot"] = x => x[0].dot(x[1]),
        ["dot_f64"] = x => dot(x[0], x[1]),

        // ---- reductions ----
        ["sum"] = x => x[0].sum(),
        ["sum_0d"] = x => x[0].sum(),
        ["sum_dim0"] = x => x[0].sum(0),
        ["sum_dim_neg"] = x => x[0].sum(-1),
        ["sum_keepdim"] = x => x[0].sum(1, keepdim: true),
        ["sum_dims"] = x => x[0].sum([0, 2]),
        ["sum_dims_keepdim"] = x => x[0].sum([0, 2], keepdim: true),
        ["sum_transposed"] = x => x[0].t().sum(1),
        ["sum_dtype_f64"] = x => x[0].sum([1], type: float64),
        ["sum_f64"] = x => sum(x[0], 1),
        ["sum_int"] = x => x[0].sum(0),
        ["sum_bool"] = x => x[0].sum(),
        ["mean"] = x => x[0].mean(),
        ["mean_dim"] = x => x[0].mean(0),
        ["mean_keepdim"] = x => x[0].mean(-1, keepdim: true),
        ["mean_dims"] = x => mean(x[0], [1, 2]),
        ["mean_f64"] = x => x[0].mean(1),
        ["sum_long_rows"] = x => x[0].sum(1),

        // ---- views ----
        ["view"] = x => x[0].view(4, 3) * x[0].view(4, 3),
        ["view_infer"] = x => x[0].view(-1, 2),
        ["reshape"] = x => x[0].reshape(6, 4),
        ["reshape_noncontiguous"] = x => x[0].t().reshape(-1),
        ["permute"] = x => x[0].permute(2, 0, 1),
        ["permute_neg"] = x => x[0].permute(-1, 0, 1) * 2.0,
        ["transpose"] = x => x[0].transpose(0, 2),
        ["transpose_neg"] = x => x[0].transpose(-1, -2),
        ["t"] = x => x[0].t(),
        ["t_vector"] = x => x[0].t(),
        ["T"] = x => x[0].T,
        ["mT"] = x => x[0].mT,
        ["unsqueeze"] = x => x[0].unsqueeze(0),
        ["unsqueeze_neg"] = x => x[0].unsqueeze(-1),
        ["unsqueeze_middle"] = x => x[0].unsqueeze(1) * x[0].unsqueeze(0),
        ["squeeze"] = x => x[0].squeeze(),
        ["squeeze_dim"] = x => x[0].squeeze(2),
        ["squeeze_dim_not_one"] = x => x[0].squeeze(1),
        ["flatten"] = x => x[0].flatten(),
        ["flatten_range"] = x => x[0].flatten(1, 2),
        ["flatten_transposed"] = x => flatten(x[0].transpose(0, 1), 1),
        ["expand"] = x => x[0].expand(3, 4),
        ["expand_keep"] = x => x[0].expand(2, -1, 4),
        ["expand_as"] = x => x[0].expand_as(x[1]) * x[1],
        ["view_as"] = x => x[0].view_as(x[1]) + x[1],
        ["reshape_as"] = x => x[0].t().reshape_as(x[1]) * x[1],
        ["sum_to_size"] = x => x[0].sum_to_size(3, 1),

        // ---- copies and conversions ----
        ["clone"] = x => x[0].clone() * x[0],
        ["contiguous"] = x => x[0].t().contiguous(),
        ["to_f64"] = x => x[0].to(float64) * 2.0,
        ["to_f32"] = x => x[0].to(float32),
        ["to_int64"] = x => x[0].to(int64),
        ["to_bool"] = x => x[0].to(@bool),
        ["bool_to_f32"] = x => x[0].to(float32),
        ["int_to_f64"] = x => x[0].to(float64),
        ["detach"] = x => x[0].detach() * 3.0,

        // ---- creation ----
        ["zeros"] = _ => zeros(2, 3),
        ["ones_f64"] = _ => ones(3, 2, dtype: float64),
        ["full"] = _ => full([2, 2], 7.5),
        ["zeros_like"] = x => zeros_like(x[0]),
        ["ones_like"] = x => ones_like(x[0]),
        ["full_like"] = x => full_like(x[0], -2.0),
        ["arange"] = _ => arange(5),
        ["arange_step"] = _ => arange(2, 11, 3),
        ["arange_negative_step"] = _ => arange(5, -4, -2),
        ["arange_float"] = _ => arange(0.0, 1.0, 0.1),
        ["arange_float_f64"] = _ => arange(-1.0, 1.0, 0.25, dtype: float64),
        ["linspace"] = _ => linspace(-1.0, 1.0, 7),
        ["linspace_f64"] = _ => linspace(0.0, 1.0, 11, dtype: float64),
        ["linspace_one"] = _ => linspace(3.0, 5.0, 1),
        ["eye"] = _ => eye(3),
        ["eye_rectangular"] = _ => eye(2, 4),
        ["tensor_2d"] = _ => tensor(new float[,] { { 1.5f, -2f }, { 0.25f, 8f } }),
    };
}
