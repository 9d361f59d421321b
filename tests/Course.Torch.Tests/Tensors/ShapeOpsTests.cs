using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests.Tensors;

public class ShapeOpsTests
{
    /// <summary>0, 1, ..., 11 as a 3x4 float64 matrix.</summary>
    private static Tensor Matrix() => arange(12).reshape(3, 4).to(float64);

    private static double[] Values(Tensor t) => t.to(float64).data<double>().ToArray();

    // ---- narrow, select, slice ----------------------------------------------------------------

    [Fact]
    public void Narrow_takes_a_range_along_one_dimension()
    {
        var x = Matrix();
        var middle = x.narrow(1, 1, 2);
        Assert.Equal(new long[] { 3, 2 }, middle.shape);
        Assert.Equal(new double[] { 1, 2, 5, 6, 9, 10 }, Values(middle));
        Assert.Equal(new double[] { 8, 9, 10, 11 }, Values(narrow(x, 0, -1, 1)));
        Assert.Equal(new long[] { 0, 4 }, x.narrow(0, 3, 0).shape);
    }

    [Fact]
    public void Select_picks_one_position_and_drops_the_dimension()
    {
        var x = Matrix();
        Assert.Equal(new double[] { 4, 5, 6, 7 }, Values(x.select(0, 1)));
        var lastColumn = select(x, 1, -1);
        Assert.Equal(new long[] { 3 }, lastColumn.shape);
        Assert.Equal(new double[] { 3, 7, 11 }, Values(lastColumn));
    }

    [Fact]
    public void Slice_with_a_step_is_a_strided_view()
    {
        var x = Matrix();
        var everyOther = x.slice(1, 0, 4, 2);
        Assert.Equal(new long[] { 3, 2 }, everyOther.shape);
        Assert.Equal(new long[] { 4, 2 }, everyOther.stride());
        Assert.Equal(new double[] { 0, 2, 4, 6, 8, 10 }, Values(everyOther));
        Assert.Equal(new double[] { 1, 3, 5, 7, 9, 11 }, Values(x.slice(1, 1, 100, 2)));
        Assert.Equal(new double[] { 4, 5, 6, 7 }, Values(x.slice(0, -2, -1, 1)));
    }

    [Fact]
    public void Writing_through_narrow_select_and_slice_views_changes_the_base()
    {
        var x = Matrix();
        x.narrow(1, 1, 2).fill_(-1);
        x.select(0, 2).fill_(100);
        x.slice(0, 0, 2, 1).select(1, 0).fill_(7);
        Assert.Equal(new double[] { 7, -1, -1, 3, 7, -1, -1, 7, 100, 100, 100, 100 }, Values(x));
    }

    [Fact]
    public void Unsqueeze_of_a_transposed_tensor_is_still_a_view()
    {
        var x = Matrix();
        var view = x.T.unsqueeze(1);
        Assert.Equal(new long[] { 4, 1, 3 }, view.shape);
        view.select(0, 0).fill_(-5);
        Assert.Equal(new double[] { -5, -5, -5 }, Values(x.select(1, 0)));
    }

    [Fact]
    public void Narrow_select_and_slice_pass_gradient_checks()
    {
        GradCheck.Check(x => x[0].narrow(1, 1, 2) * x[0].narrow(1, 0, 2), GradCheck.Input(3, 4));
        GradCheck.Check(x => x[0].select(0, 1) + x[0].select(1, -1).sum(), GradCheck.Input(3, 4));
        GradCheck.Check(x => x[0].slice(1, 0, 5, 2).slice(0, 1, 3, 1), GradCheck.Input(3, 5));
    }

    [Fact]
    public void Narrow_select_and_slice_explain_bad_arguments()
    {
        var x = Matrix();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => x.narrow(1, 3, 2));
        Assert.Contains("narrow: start 3 + length 2 does not fit into dimension 1 with size 4", error.Message);
        error = Assert.Throws<ArgumentOutOfRangeException>(() => x.select(0, 3));
        Assert.Contains("select: index 3 is out of range for dimension 0 with size 3", error.Message);
        error = Assert.Throws<ArgumentOutOfRangeException>(() => x.select(2, 0));
        Assert.Contains("select: dimension 2 is out of range", error.Message);
        Assert.Contains("step must be positive", Assert.Throws<ArgumentException>(() => x.slice(0, 0, 2, 0)).Message);
        Assert.Contains("0-d", Assert.Throws<ArgumentException>(() => tensor(1.0).narrow(0, 0, 1)).Message);
    }

    // ---- cat and stack ------------------------------------------------------------------------

    [Fact]
    public void Cat_joins_along_an_existing_dimension()
    {
        var a = tensor(new[] { 1.0, 2, 3, 4 }, [2, 2]);
        var b = tensor(new[] { 5.0, 6 }, [1, 2]);
        var rows = cat([a, b], 0);
        Assert.Equal(new long[] { 3, 2 }, rows.shape);
        Assert.Equal(new double[] { 1, 2, 3, 4, 5, 6 }, Values(rows));
        var columns = cat([a, b.T], -1);
        Assert.Equal(new long[] { 2, 3 }, columns.shape);
        Assert.Equal(new double[] { 1, 2, 5, 3, 4, 6 }, Values(columns));
    }

    [Fact]
    public void Cat_promotes_dtypes()
    {
        var joined = cat([tensor(new long[] { 1, 2 }), tensor(new[] { 0.5f })]);
        Assert.Equal(float32, joined.dtype);
        Assert.Equal(new[] { 1f, 2f, 0.5f }, joined.data<float>().ToArray());
    }

    [Fact]
    public void Stack_joins_along_a_new_dimension()
    {
        var a = tensor(new[] { 1.0, 2, 3 });
        var b = tensor(new[] { 4.0, 5, 6 });
        var rows = stack([a, b]);
        Assert.Equal(new long[] { 2, 3 }, rows.shape);
        Assert.Equal(new double[] { 1, 2, 3, 4, 5, 6 }, Values(rows));
        var columns = stack([a, b], 1);
        Assert.Equal(new long[] { 3, 2 }, columns.shape);
        Assert.Equal(new double[] { 1, 4, 2, 5, 3, 6 }, Values(columns));
    }

    [Fact]
    public void Cat_and_stack_pass_gradient_checks()
    {
        GradCheck.Check(x => cat([x[0], x[1], x[0]], 1), GradCheck.Input(2, 3), GradCheck.Input(2, 2));
        GradCheck.Check(x => stack([x[0], x[1] * x[0]], -1), GradCheck.Input(2, 3), GradCheck.Input(3));
    }

    [Fact]
    public void Cat_and_stack_name_mismatched_shapes()
    {
        var error = Assert.Throws<ArgumentException>(() => cat([zeros(2, 3), zeros(3, 4)], 0));
        Assert.Contains("cat: tensors must have the same shape except in dimension 0", error.Message);
        Assert.Contains("tensor 0 has shape (2x3)", error.Message);
        Assert.Contains("tensor 1 has shape (3x4)", error.Message);
        Assert.Contains("non-empty", Assert.Throws<ArgumentException>(() => cat(new List<Tensor>())).Message);
        error = Assert.Throws<ArgumentException>(() => stack([zeros(2, 3), zeros(2, 3), zeros(3)]));
        Assert.Contains("tensor 0 has shape (2x3) and tensor 2 has shape (3)", error.Message);
    }

    // ---- split, chunk, unbind -----------------------------------------------------------------

    [Fact]
    public void Split_by_size_leaves_a_smaller_last_part()
    {
        var parts = arange(10).split(4);
        Assert.Equal(3, parts.Length);
        Assert.Equal(new long[] { 8, 9 }, parts[2].data<long>().ToArray());
        var columns = split(Matrix(), [1, 3], 1);
        Assert.Equal(new double[] { 0, 4, 8 }, Values(columns[0]));
        Assert.Equal(new long[] { 3, 3 }, columns[1].shape);
    }

    [Fact]
    public void Split_parts_are_views_of_the_base()
    {
        var x = Matrix();
        x.split(2, 1)[1].fill_(0);
        Assert.Equal(new double[] { 0, 1, 0, 0, 4, 5, 0, 0, 8, 9, 0, 0 }, Values(x));
    }

    [Fact]
    public void Chunk_uses_ceil_size_like_pytorch()
    {
        Assert.Equal(new[] { 3, 2 }, arange(5).chunk(2).Select(c => (int)c.numel()));
        Assert.Equal(new[] { 2, 2, 2 }, chunk(arange(6), 3).Select(c => (int)c.numel()));
        // ceil(5 / 4) = 2 elements per chunk, so only three chunks: as in PyTorch.
        Assert.Equal(new[] { 2, 2, 1 }, arange(5).chunk(4).Select(c => (int)c.numel()));
    }

    [Fact]
    public void Unbind_returns_the_slices_without_the_dimension()
    {
        var columns = Matrix().unbind(1);
        Assert.Equal(4, columns.Length);
        Assert.Equal(new double[] { 2, 6, 10 }, Values(columns[2]));
        Assert.Equal(3, unbind(Matrix()).Length);
    }

    [Fact]
    public void Split_chunk_and_unbind_pass_gradient_checks()
    {
        GradCheck.Check(x => { var p = x[0].split([1, 3], 1); return p[1] * p[0]; }, GradCheck.Input(2, 4));
        GradCheck.Check(x => { var p = x[0].chunk(2); return cat([p[1], p[0]]); }, GradCheck.Input(5, 2));
        GradCheck.Check(x => { var p = x[0].unbind(1); return p[0] * p[2]; }, GradCheck.Input(3, 3));
    }

    [Fact]
    public void Split_and_chunk_explain_bad_sizes()
    {
        var error = Assert.Throws<ArgumentException>(() => Matrix().split([2, 3], 1));
        Assert.Contains("split: split sizes (2, 3) add up to 5, but dimension 1 of shape (3x4) has size 4", error.Message);
        Assert.Contains("split_size must be positive", Assert.Throws<ArgumentException>(() => Matrix().split(0)).Message);
        Assert.Contains("chunks must be positive", Assert.Throws<ArgumentException>(() => Matrix().chunk(0)).Message);
    }

    // ---- repeat -------------------------------------------------------------------------------

    [Fact]
    public void Repeat_tiles_the_tensor()
    {
        var x = tensor(new[] { 1.0, 2, 3, 4 }, [2, 2]);
        Assert.Equal(new double[] { 1, 2, 3, 4, 1, 2, 3, 4 }, Values(x.repeat(2, 1)));
        Assert.Equal(new double[] { 1, 2, 1, 2, 3, 4, 3, 4 }, Values(x.repeat(1, 2)));
        var withLeading = x.repeat(3, 1, 1);
        Assert.Equal(new long[] { 3, 2, 2 }, withLeading.shape);
        Assert.Equal(new double[] { 1, 2, 3, 4 }, Values(withLeading.select(0, 2)));
        Assert.Equal(new long[] { 0, 2 }, x.repeat(0, 1).shape);
    }

    [Fact]
    public void Repeat_copies_and_passes_a_gradient_check()
    {
        var x = zeros(2);
        x.repeat(2).fill_(1);
        x.repeat(1).fill_(1);
        Assert.Equal(new[] { 0f, 0f }, x.data<float>().ToArray());
        GradCheck.Check(x => x[0].repeat(2, 1, 3), GradCheck.Input(2, 3));
    }

    [Fact]
    public void Repeat_needs_a_count_per_dimension()
    {
        var error = Assert.Throws<ArgumentException>(() => zeros(2, 3).repeat(2));
        Assert.Contains("repeat: got 1 repeats for a tensor with 2 dimensions (2x3)", error.Message);
        Assert.Contains("must not be negative", Assert.Throws<ArgumentException>(() => zeros(2).repeat(-1)).Message);
    }
}
