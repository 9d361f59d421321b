using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests.Goldens;

/// <summary>Slicing, joining, splitting, indexing, gathering and masking against PyTorch (tests/goldens/ops_shapes.py).</summary>
public class ShapeOpGoldenTests
{
    private const string File = "ops_shapes.json";

    public static TheoryData<string> Cases => GoldenFile.CaseNames(File, Ops.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_pytorch(string name) => OpGoldens.Check(File, Ops, name);

    private static readonly Dictionary<string, Func<Tensor[], GoldenOutputs>> Ops = new()
    {
        // ---- slicing views ----
        ["narrow"] = x => x[0].narrow(1, 1, 2),
        ["narrow_neg_dim"] = x => narrow(x[0], -1, 0, 3),
        ["select"] = x => x[0].select(0, 1),
        ["select_neg_index"] = x => select(x[0], 1, -1),
        ["slice_step"] = x => x[0].slice(1, 1, 4, 2),
        ["slice_then_matmul"] = x => x[0][1..3].matmul(x[1][.., TensorIndex.Slice(step: 2)]),

        // ---- indexing ----
        ["index_int"] = x => x[0][1],
        ["index_from_end"] = x => x[0][^1],
        ["index_two_ints"] = x => x[0][1, 2],
        ["index_range"] = x => x[0][1..3],
        ["index_range_both"] = x => x[0][1.., ..^1],
        ["index_column"] = x => x[0][.., 0],
        ["index_ellipsis"] = x => x[0][TensorIndex.Ellipsis, 1],
        ["index_none"] = x => x[0][TensorIndex.None, .., TensorIndex.None],
        ["index_int_tensor"] = x => x[0][x[1]],
        ["index_int_tensor_dim1"] = x => x[0][.., x[1]],
        ["index_bool_mask"] = x => x[0][x[1]],
        ["index_bool_rows"] = x => x[0][x[1]],
        ["index_put"] = x => x[0].clone().index_put_(x[2], x[1]),

        // ---- joining and splitting ----
        ["cat"] = x => cat([x[0], x[1]]),
        ["cat_dim1"] = x => cat([x[0], x[1], x[2]], 1),
        ["cat_neg_dim"] = x => cat([x[0], x[1]], -1),
        ["cat_f64"] = x => cat([x[0], x[1]]),
        ["cat_int"] = x => cat([x[0], x[1]], 0),
        ["stack"] = x => stack([x[0], x[1]]),
        ["stack_dim1"] = x => stack([x[0], x[1], x[2]], 1),
        ["stack_last"] = x => stack([x[0], x[1]], -1),
        ["split"] = x => x[0].split(2),
        ["split_dim1"] = x => split(x[0], 3, 1),
        ["split_sizes"] = x => x[0].split([1, 3, 2], 1),
        ["chunk"] = x => x[0].chunk(3),
        ["chunk_dim1"] = x => chunk(x[0], 2, 1),
        ["unbind"] = x => x[0].unbind(),
        ["unbind_dim1"] = x => unbind(x[0], 1),
        ["repeat"] = x => x[0].repeat(2, 3),
        ["repeat_new_dims"] = x => x[0].repeat(2, 1, 2),

        // ---- gathering and scattering ----
        ["index_select"] = x => x[0].index_select(0, x[1]),
        ["index_select_dim1"] = x => index_select(x[0], 1, x[1]),
        ["index_add"] = x => x[0].index_add(0, x[1], x[2]),
        ["index_add_alpha"] = x => index_add(x[0], 1, x[1], x[2], alpha: -0.5),
        ["gather"] = x => x[0].gather(1, x[1]),
        ["gather_dim0"] = x => gather(x[0], 0, x[1]),
        ["scatter_add"] = x => x[0].scatter_add(1, x[1], x[2]),
        ["scatter_add_dim0"] = x => scatter_add(x[0], 0, x[1], x[2]),

        // ---- masking ----
        ["where"] = x => where(x[0], x[1], x[2]),
        ["where_broadcast"] = x => where(x[0], x[1], x[2]),
        ["where_scalar_other"] = x => where(x[0], x[1], 0.5),
        ["where_scalar_first"] = x => where(x[0], -1.0, x[1]),
        ["where_method"] = x => x[1].where(x[0], x[2]),
        ["masked_fill"] = x => x[0].masked_fill(x[1], -2.0),
        ["masked_fill_broadcast"] = x => masked_fill(x[0], x[1], 0.0),
        ["masked_select"] = x => x[0].masked_select(x[1]),
        ["masked_fill_"] = x => x[0].clone().masked_fill_(x[1], 9.0),
        ["index_add_"] = x => x[0].clone().index_add_(0, x[1], x[2], alpha: 2.0),
        ["scatter_add_"] = x => x[0].clone().scatter_add_(1, x[1], x[2]),
        ["masked_select_broadcast"] = x => masked_select(x[0], x[1]),
    };
}
