using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests.Tensors;

public class IndexingTests
{
    /// <summary>0, 1, ..., 11 as a 3x4 float64 matrix.</summary>
    private static Tensor Matrix() => arange(12).reshape(3, 4).to(float64);

    private static double[] Values(Tensor t) => t.to(float64).data<double>().ToArray();

    private static Tensor Mask(bool[] values, params long[] shape) => tensor(values, shape);

    // ---- numbers, ranges, Ellipsis, None --------------------------------------------------------

    [Fact]
    public void Numbers_pick_rows_and_elements()
    {
        var x = Matrix();
        Assert.Equal(new double[] { 4, 5, 6, 7 }, Values(x[1]));
        var element = x[1, 2];
        Assert.Empty(element.shape);
        Assert.Equal(6.0, element.item<double>());
        Assert.Equal(new double[] { 8, 9, 10, 11 }, Values(x[^1]));
        Assert.Equal(11.0, x[-1, -1].item<double>());
    }

    [Fact]
    public void Ranges_give_python_style_slices()
    {
        var x = Matrix();
        var middle = x[.., 1..3];
        Assert.Equal(new long[] { 3, 2 }, middle.shape);
        Assert.Equal(new double[] { 1, 2, 5, 6, 9, 10 }, Values(middle));
        Assert.Equal(new double[] { 4, 5, 6, 7 }, Values(x[1..^1]));
        Assert.Equal(new double[] { 2, 3 }, Values(x[0, ^2..]));
        Assert.Equal(new long[] { 0, 4 }, x[^0..].shape);
        Assert.Equal(new double[] { 1, 2 }, Values(x[0, (1, 3)]));
    }

    [Fact]
    public void Slices_with_a_step_are_strided_views()
    {
        var x = Matrix();
        var odd = x[.., TensorIndex.Slice(1, null, 2)];
        Assert.Equal(new long[] { 4, 2 }, odd.stride());
        Assert.Equal(new double[] { 1, 3, 5, 7, 9, 11 }, Values(odd));
        Assert.Equal(new double[] { 0, 3, 8, 11 }, Values(x[TensorIndex.Slice(null, null, 2), TensorIndex.Slice(0, 4, 3)]));
    }

    [Fact]
    public void Ellipsis_none_and_colon_shape_the_result()
    {
        var x = zeros(2, 3, 4);
        Assert.Equal(new long[] { 2, 3 }, x[TensorIndex.Ellipsis, 0].shape);
        Assert.Equal(new long[] { 3 }, x[0, TensorIndex.Ellipsis, 1].shape);
        Assert.Equal(new long[] { 1, 2, 3, 4 }, x[TensorIndex.None].shape);
        Assert.Equal(new long[] { 2, 1, 3, 4 }, x[TensorIndex.Colon, TensorIndex.None].shape);
        Assert.Equal(new long[] { 2, 4, 1 }, x[.., 1, .., TensorIndex.None].shape);
    }

    [Fact]
    public void Basic_indexing_returns_views_that_share_storage()
    {
        var x = Matrix();
        x[1].fill_(0);
        x[.., TensorIndex.Slice(null, null, 3)].fill_(-1);
        x.T[TensorIndex.None, 1].fill_(50);
        Assert.Equal(new double[] { -1, 50, 2, -1, -1, 50, 0, -1, -1, 50, 10, -1 }, Values(x));
    }

    [Fact]
    public void Basic_indexing_passes_gradient_checks()
    {
        GradCheck.Check(x => x[0][1.., TensorIndex.Slice(null, null, 2)], GradCheck.Input(3, 5));
        GradCheck.Check(x => x[0][^1, TensorIndex.None] * x[0][0], GradCheck.Input(2, 3));
        GradCheck.Check(x => x[0][TensorIndex.Ellipsis, 1], GradCheck.Input(2, 3, 2));
    }

    // ---- assignment ------------------------------------------------------------------------------

    [Fact]
    public void Assigning_through_the_indexer_writes_into_the_tensor()
    {
        var x = Matrix();
        x[0, ..] = tensor(new[] { 10.0, 11, 12, 13 });
        x[1] = tensor(-1.0);                                  // broadcast to the whole row
        x[.., ^1] = tensor(new long[] { 7, 8, 9 });            // converted to float64
        x.index_put_(0.5, 2, TensorIndex.Slice(0, 2));
        Assert.Equal(new double[] { 10, 11, 12, 7, -1, -1, -1, 8, 0.5, 0.5, 10, 9 }, Values(x));
        x[2, 1] = tensor(42.0);
        Assert.Equal(42.0, x[2, 1].item<double>());
    }

    [Fact]
    public void Assigning_through_a_bool_mask_works_like_masked_fill()
    {
        var x = tensor(new[] { 1.0, -2, 3, -4, 5, -6 }, [2, 3]);
        var negative = Mask([false, true, false, true, false, true], 2, 3);
        var expected = Values(x.masked_fill(negative, 0));
        x[negative] = tensor(0.0);
        Assert.Equal(expected, Values(x));
        Assert.Equal(new double[] { 1, 0, 3, 0, 5, 0 }, expected);

        x[negative] = tensor(new[] { 7.0, 8, 9 });             // one value per true element
        Assert.Equal(new double[] { 1, 7, 3, 8, 5, 9 }, Values(x));
        x[Mask([true, false], 2)] = tensor(-1.0);              // a mask over the first dimension picks rows
        Assert.Equal(new double[] { -1, -1, -1, 8, 5, 9 }, Values(x));
    }

    [Fact]
    public void Assigning_through_an_index_tensor_writes_the_picked_rows()
    {
        var x = Matrix();
        x[tensor(new long[] { 2, 0 })] = tensor(new[] { 1.0, 2, 3, 4 });
        x[.., tensor(new long[] { -1 })] = tensor(0.0);
        Assert.Equal(new double[] { 1, 2, 3, 0, 4, 5, 6, 0, 1, 2, 3, 0 }, Values(x));
        var t = Matrix().T;                                    // also through a non-contiguous view
        t[1.., tensor(new long[] { 1 })] = tensor(-9.0);
        Assert.Equal(new double[] { 4, -9, -9, -9 }, Values(t.T[1]));
    }

    [Fact]
    public void Assignment_refuses_leaves_that_require_grad_and_values_of_the_wrong_shape()
    {
        var w = ones(3, requires_grad: true);
        Assert.Contains("index_put_", Assert.Throws<InvalidOperationException>(() => w[0] = tensor(2f)).Message);
        using (no_grad()) w[0] = tensor(2f);
        Assert.Equal(new[] { 2f, 1f, 1f }, w.data<float>().ToArray());

        var error = Assert.Throws<ArgumentException>(() => Matrix()[0] = tensor(new[] { 1.0, 2, 3 }));
        Assert.Contains("index_put_: shapes (3) and (4) cannot be broadcast together", error.Message);
    }

    // ---- index tensors and masks -----------------------------------------------------------------

    [Fact]
    public void An_int64_index_tensor_gathers_rows_and_copies()
    {
        var x = Matrix();
        var rows = x[tensor(new long[] { 2, 0, 2 })];
        Assert.Equal(new long[] { 3, 4 }, rows.shape);
        Assert.Equal(new double[] { 8, 9, 10, 11, 0, 1, 2, 3, 8, 9, 10, 11 }, Values(rows));
        rows.fill_(0);
        Assert.Equal(8.0, x[2, 0].item<double>());

        var grid = x[.., tensor(new long[] { 0, -1, 1, 1 }, [2, 2])];
        Assert.Equal(new long[] { 3, 2, 2 }, grid.shape);
        Assert.Equal(new double[] { 0, 3, 1, 1 }, Values(grid[0]));
        Assert.Equal(new long[] { 4 }, x[tensor(1L)].shape);
        Assert.Equal(new double[] { 6, 2 }, Values(x[tensor(new long[] { 1, 0 }), 2]));
    }

    [Fact]
    public void A_bool_mask_selects_elements_as_a_1d_tensor()
    {
        var x = Matrix();
        var mask = Mask([true, false, false, true, false, false, false, false, false, true, true, false], 3, 4);
        var picked = x[mask];
        Assert.Equal(new long[] { 4 }, picked.shape);
        Assert.Equal(new double[] { 0, 3, 9, 10 }, Values(picked));
        Assert.Equal(new double[] { 0, 1, 2, 3, 8, 9, 10, 11 }, Values(x[Mask([true, false, true], 3)].flatten()));
        Assert.Equal(new double[] { 1, 5, 9, 2, 6, 10 }, Values(x[.., Mask([false, true, true, false], 4)].T));
        Assert.Equal(new double[] { 1, 5, 9 }, Values(x.masked_select(Mask([false, true, false, false], 4))));
    }

    [Fact]
    public void Index_tensors_and_masks_pass_gradient_checks()
    {
        var repeated = tensor(new long[] { 1, 0, 1 });
        GradCheck.Check(x => x[0][repeated], GradCheck.Input(3, 2));
        GradCheck.Check(x => x[0][.., tensor(new long[] { 2, 0 }, [1, 2])], GradCheck.Input(2, 3));
        var mask = Mask([true, false, true, true, false, false], 2, 3);
        GradCheck.Check(x => x[0][mask], GradCheck.Input(2, 3));
        GradCheck.Check(x => x[0].masked_select(Mask([false, true, true], 3)), GradCheck.Input(2, 3));
    }

    [Fact]
    public void Indexing_errors_name_the_dimension_the_index_and_the_size()
    {
        var x = Matrix();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => x[1, 4]);
        Assert.Contains("index: index 4 is out of range for dimension 1 with size 4", error.Message);
        error = Assert.Throws<ArgumentOutOfRangeException>(() => x[tensor(new long[] { 0, 3 })]);
        Assert.Contains("index: index 3 is out of range for dimension 0 with size 3", error.Message);
        Assert.Contains("too many indices for a tensor of shape (3x4)", Assert.Throws<ArgumentException>(() => x[0, 0, 0]).Message);
        Assert.Contains("only one Ellipsis", Assert.Throws<ArgumentException>(() => x[TensorIndex.Ellipsis, TensorIndex.Ellipsis]).Message);
        Assert.Contains("must be int64 (positions) or Bool (a mask), got Float32",
            Assert.Throws<ArgumentException>(() => x[tensor(new[] { 0f })]).Message);
        Assert.Contains("mask of shape (2) does not match the indexed tensor of shape (3x4) in dimension 0: 2 vs 3",
            Assert.Throws<ArgumentException>(() => x[Mask([true, false], 2)]).Message);
        Assert.Throws<NotSupportedException>(() => x[tensor(new long[] { 0 }), tensor(new long[] { 1 })]);
    }

    // ---- index_select and index_add ------------------------------------------------------------------

    [Fact]
    public void Index_select_copies_slices_at_the_given_positions()
    {
        var x = Matrix();
        Assert.Equal(new double[] { 3, 0, 3, 7, 4, 7, 11, 8, 11 }, Values(x.index_select(1, tensor(new long[] { 3, 0, 3 }))));
        Assert.Equal(new double[] { 4, 5, 6, 7 }, Values(index_select(x, 0, tensor(new long[] { 1 }))));
        Assert.Equal(new long[] { 2, 2, 1 }, x.T.reshape(2, 2, 3).index_select(2, tensor(new long[] { 1 })).shape);
    }

    [Fact]
    public void Index_add_adds_slices_and_accumulates_repeated_positions()
    {
        var x = zeros(3, 2, dtype: float64);
        var source = tensor(new[] { 1.0, 2, 3, 4, 5, 6 }, [3, 2]);
        var result = x.index_add(0, tensor(new long[] { 2, 0, 2 }), source, alpha: 10);
        Assert.Equal(new double[] { 30, 40, 0, 0, 60, 80 }, Values(result));
        Assert.Equal(new double[] { 0, 0, 0, 0, 0, 0 }, Values(x));
        x.index_add_(1, tensor(new long[] { 1 }), ones(3, 1, dtype: float64));
        Assert.Equal(new double[] { 0, 1, 0, 1, 0, 1 }, Values(x));
    }

    [Fact]
    public void Index_select_and_index_add_pass_gradient_checks()
    {
        var index = tensor(new long[] { 2, 0, 2 });
        GradCheck.Check(x => x[0].index_select(1, index), GradCheck.Input(2, 3));
        GradCheck.Check(x => x[0].index_add(0, index, x[1], alpha: 0.5), GradCheck.Input(3, 2), GradCheck.Input(3, 2));
    }

    [Fact]
    public void Index_select_and_index_add_check_their_index()
    {
        var x = Matrix();
        Assert.Contains("index_select: index must be an int64 tensor, got Float32",
            Assert.Throws<ArgumentException>(() => x.index_select(0, tensor(new[] { 1f }))).Message);
        Assert.Contains("index_select: index 5 is out of range for dimension 1 with size 4",
            Assert.Throws<ArgumentOutOfRangeException>(() => x.index_select(1, tensor(new long[] { 0, 5 }))).Message);
        Assert.Contains("index_select: index -1 is out of range",
            Assert.Throws<ArgumentOutOfRangeException>(() => x.index_select(1, tensor(new long[] { -1 }))).Message);
        Assert.Contains("1-d", Assert.Throws<ArgumentException>(() => x.index_select(0, zeros(2, 2, dtype: int64))).Message);
        Assert.Contains("index_add: source has shape (2x4) but must have shape (1x4)",
            Assert.Throws<ArgumentException>(() => x.index_add(0, tensor(new long[] { 0 }), zeros(2, 4, dtype: float64))).Message);
        Assert.Contains("index_add: the values are Float32 but this tensor is Float64",
            Assert.Throws<ArgumentException>(() => x.index_add(0, tensor(new long[] { 0 }), zeros(1, 4))).Message);
    }

    // ---- gather and scatter_add ------------------------------------------------------------------

    [Fact]
    public void Gather_picks_one_element_per_index_entry()
    {
        var scores = tensor(new[] { 0.1, 0.7, 0.2, 0.5, 0.3, 0.2 }, [2, 3]);
        var targets = tensor(new long[] { 1, 0 }, [2, 1]);
        var picked = scores.gather(1, targets);
        Assert.Equal(new long[] { 2, 1 }, picked.shape);
        Assert.Equal(new[] { 0.7, 0.5 }, Values(picked));
        var down = gather(scores, 0, tensor(new long[] { 1, 0, 1 }, [1, 3]));
        Assert.Equal(new[] { 0.5, 0.7, 0.2 }, Values(down));
        // scores.T is a strided view: out[0, j] = scores.T[index[0, j], j] = scores[j, index[0, j]].
        Assert.Equal(new[] { 0.2, 0.5 }, Values(scores.T.gather(0, tensor(new long[] { 2, 0 }, [1, 2]))));
    }

    [Fact]
    public void Scatter_add_is_the_inverse_of_gather()
    {
        var index = tensor(new long[] { 1, 1, 0, 2 }, [2, 2]);
        var src = tensor(new[] { 1.0, 2, 3, 4 }, [2, 2]);
        var result = zeros(2, 3, dtype: float64).scatter_add(1, index, src);
        Assert.Equal(new double[] { 0, 3, 0, 3, 0, 4 }, Values(result));
        var wideSource = tensor(new[] { 1.0, 2, 9, 3, 4, 9 }, [2, 3]);
        Assert.Equal(Values(result), Values(scatter_add(zeros(2, 3, dtype: float64), 1, index, wideSource)));
        var x = ones(2, 3, dtype: float64);
        x.scatter_add_(0, tensor(new long[] { 1, 0, 1 }, [1, 3]), tensor(new[] { 5.0, 6, 7 }, [1, 3]));
        Assert.Equal(new double[] { 1, 7, 1, 6, 1, 8 }, Values(x));
    }

    [Fact]
    public void Gather_and_scatter_add_pass_gradient_checks()
    {
        var index = tensor(new long[] { 2, 0, 0, 1, 1, 1 }, [2, 3]);
        GradCheck.Check(x => x[0].gather(1, index), GradCheck.Input(2, 4));
        GradCheck.Check(x => x[0].T.gather(0, index.T), GradCheck.Input(2, 4));
        GradCheck.Check(x => x[0].scatter_add(1, index, x[1]), GradCheck.Input(2, 3), GradCheck.Input(2, 4));
    }

    [Fact]
    public void Gather_and_scatter_add_check_their_index()
    {
        var x = Matrix();
        Assert.Contains("gather: index must be an int64 tensor, got Float64",
            Assert.Throws<ArgumentException>(() => x.gather(1, zeros(3, 1, dtype: float64))).Message);
        Assert.Contains("gather: index 4 is out of range for dimension 1 with size 4",
            Assert.Throws<ArgumentOutOfRangeException>(() => x.gather(1, full([3, 1], 4, dtype: int64))).Message);
        Assert.Contains("gather: index has shape (3) but must have as many dimensions as this tensor (3x4)",
            Assert.Throws<ArgumentException>(() => x.gather(1, zeros(3, dtype: int64))).Message);
        Assert.Contains("gather: index of shape (4x1) is larger than this tensor (3x4) in dimension 0",
            Assert.Throws<ArgumentException>(() => x.gather(1, zeros(4, 1, dtype: int64))).Message);
        Assert.Contains("scatter_add: index of shape (3x2) is larger than src (3x1) in dimension 1",
            Assert.Throws<ArgumentException>(() => x.scatter_add(1, zeros(3, 2, dtype: int64), zeros(3, 1, dtype: float64))).Message);
    }

    // ---- masked_fill and where --------------------------------------------------------------------

    [Fact]
    public void Masked_fill_replaces_masked_elements_and_keeps_the_dtype()
    {
        var x = arange(6).reshape(2, 3);
        var filled = x.masked_fill(Mask([true, false, true], 3), 9.7);
        Assert.Equal(int64, filled.dtype);
        Assert.Equal(new long[] { 9, 1, 9, 9, 4, 9 }, filled.data<long>().ToArray());
        Assert.Equal(new long[] { 0, 1, 2, 3, 4, 5 }, x.data<long>().ToArray());
        var scores = zeros(2, 2);
        scores.masked_fill_(Mask([false, true, false, false], 2, 2), double.NegativeInfinity);
        Assert.Equal(new[] { 0f, float.NegativeInfinity, 0f, 0f }, scores.data<float>().ToArray());
        Assert.Equal(new[] { 1f, 0f }, masked_fill(ones(2), Mask([false, true], 2), 0).data<float>().ToArray());
    }

    [Fact]
    public void Where_chooses_elementwise_with_broadcasting()
    {
        var condition = Mask([true, false, true], 3);
        var x = tensor(new[] { 1.0, 2, 3, 4, 5, 6 }, [2, 3]);
        var y = tensor(new[] { -1.0, -2 }, [2, 1]);
        var chosen = where(condition, x, y);
        Assert.Equal(new long[] { 2, 3 }, chosen.shape);
        Assert.Equal(new double[] { 1, -1, 3, 4, -2, 6 }, Values(chosen));
        Assert.Equal(float32, where(condition, tensor(new long[] { 1, 2, 3 }), zeros(3)).dtype);
        Assert.Equal(new[] { 0f, 2f, 0f }, where(condition, 0, tensor(new[] { 1f, 2f, 3f })).data<float>().ToArray());
        Assert.Equal(float32, where(condition, tensor(new[] { 1f, 2f, 3f }), 0.5).dtype);
        Assert.Equal(new[] { 1f, -1f, 3f }, tensor(new[] { 1f, 2f, 3f }).where(condition, tensor(-1f)).data<float>().ToArray());
    }

    [Fact]
    public void Masked_fill_and_where_pass_gradient_checks()
    {
        var mask = Mask([true, false, false, true, true, false], 2, 3);
        GradCheck.Check(x => x[0].masked_fill(mask, 2.5), GradCheck.Input(2, 3));
        GradCheck.Check(x => x[0].masked_fill(Mask([false, true], 2, 1), 0), GradCheck.Input(2, 3));
        GradCheck.Check(x => where(mask, x[0], x[1]), GradCheck.Input(2, 3), GradCheck.Input(3));
        GradCheck.Check(x => where(Mask([true, false], 2, 1), x[0] * x[1], x[1]), GradCheck.Input(1, 3), GradCheck.Input(2, 1));
    }

    [Fact]
    public void Masked_fill_and_where_need_bool_masks_that_fit()
    {
        Assert.Contains("masked_fill: mask must be a Bool tensor, got Int64",
            Assert.Throws<ArgumentException>(() => zeros(3).masked_fill(tensor(new long[] { 1, 0, 1 }), 0)).Message);
        Assert.Contains("masked_fill: a tensor of shape (2x3) does not fit into shape (3)",
            Assert.Throws<ArgumentException>(() => zeros(3).masked_fill(zeros(2, 3, dtype: @bool), 0)).Message);
        Assert.Contains("where: condition must be a Bool tensor, got Float32",
            Assert.Throws<ArgumentException>(() => where(zeros(3), zeros(3), zeros(3))).Message);
        Assert.Contains("cannot be broadcast",
            Assert.Throws<ArgumentException>(() => where(zeros(2, dtype: @bool), zeros(3), zeros(3))).Message);
        Assert.Contains("masked_fill_", Assert.Throws<InvalidOperationException>(
            () => ones(2, requires_grad: true).masked_fill_(Mask([true, false], 2), 0)).Message);
    }
}
