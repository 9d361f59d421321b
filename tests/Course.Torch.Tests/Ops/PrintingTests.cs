using static Course.Torch.torch;

namespace Course.Torch.Tests.Ops;

/// <summary>Every expected string here is what PyTorch 1.13 prints for the same tensor.</summary>
[Collection("print options")]
public class PrintingTests
{
    [Fact]
    public void Matrices_align_columns_with_four_decimals()
    {
        Assert.Equal("tensor([[ 0.1234, -1.2000],\n        [ 2.0000,  3.0000]])",
            tensor(new[,] { { 0.1234f, -1.2f }, { 2f, 3f } }).ToString());
        Assert.Equal("tensor([[ 1.5410, -0.2934, -2.1788],\n        [ 0.5684, -1.0845, -1.3986],\n        [ 0.4033,  0.8380, -0.7193]], dtype=torch.float64)",
            tensor(new[,] { { 1.5410, -0.2934, -2.1788 }, { 0.5684, -1.0845, -1.3986 }, { 0.4033, 0.8380, -0.7193 } }).ToString());
    }

    [Fact]
    public void Whole_numbers_print_with_a_trailing_point_and_integers_without()
    {
        Assert.Equal("tensor([1., 2., nan, inf])", tensor(new[] { 1f, 2f, float.NaN, float.PositiveInfinity }).ToString());
        Assert.Equal("tensor([0., 0.])", zeros(2).ToString());
        Assert.Equal("tensor([-0.])", tensor(new[] { -0f }).ToString());
        Assert.Equal("tensor([nan])", tensor(new[] { float.NaN }).ToString());
        Assert.Equal("tensor([[[ 0,  1,  2,  3],\n         [ 4,  5,  6,  7],\n         [ 8,  9, 10, 11]],\n\n        [[12, 13, 14, 15],\n         [16, 17, 18, 19],\n         [20, 21, 22, 23]]])",
            arange(24).reshape(2, 3, 4).ToString());
        Assert.Equal("tensor([[[[1.],\n          [1.]]],\n\n\n        [[[1.],\n          [1.]]],\n\n\n        [[[1.],\n          [1.]]]])",
            ones(new long[] { 3, 1, 2, 1 }).ToString());
    }

    [Fact]
    public void Scientific_notation_when_magnitudes_span_too_much()
    {
        Assert.Equal("tensor([1.0000e-05, 1.0000e+00, 1.0000e+02])", tensor(new[] { 1e-5f, 1f, 100f }).ToString());
        Assert.Equal("tensor([1.0000e+10, 1.0000e+00])", tensor(new[] { 1e10f, 1f }).ToString());
        Assert.Equal("tensor([ 1.0000e+00, -1.0000e+03,  2.0000e+03])", tensor(new[] { 1f, -1000f, 2000f }).ToString());
        Assert.Equal("tensor([1.2346e+08, 1.5000e+00])", tensor(new[] { 123456789f, 1.5f }).ToString());
    }

    [Fact]
    public void Scalars_booleans_and_empty_tensors()
    {
        Assert.Equal("tensor(3.5000)", tensor(3.5f).ToString());
        Assert.Equal("tensor(3.)", tensor(3f).ToString());
        Assert.Equal("tensor(nan)", tensor(float.NaN).ToString());
        Assert.Equal("tensor(True)", tensor(true).ToString());
        Assert.Equal("tensor([ True, False])", tensor(new[] { true, false }).ToString());
        Assert.Equal("tensor([], size=(2, 0))", zeros(new long[] { 2, 0 }).ToString());
        Assert.Equal("tensor([], dtype=torch.int64)", zeros(new long[] { 0 }, int64).ToString());
        Assert.Equal("tensor([])", zeros(new long[] { 0 }).ToString());
    }

    [Fact]
    public void Long_vectors_wrap_at_eighty_columns()
    {
        Assert.Equal(
            "tensor([0.0000, 0.1429, 0.2857, 0.4286, 0.5714, 0.7143, 0.8571, 1.0000, 1.1429,\n" +
            "        1.2857, 1.4286, 1.5714, 1.7143, 1.8571, 2.0000, 2.1429, 2.2857, 2.4286,\n" +
            "        2.5714, 2.7143, 2.8571, 3.0000, 3.1429, 3.2857, 3.4286, 3.5714, 3.7143,\n" +
            "        3.8571, 4.0000, 4.1429, 4.2857, 4.4286, 4.5714, 4.7143, 4.8571, 5.0000,\n" +
            "        5.1429, 5.2857, 5.4286, 5.5714])",
            (arange(0.0, 40.0) / 7).ToString());
    }

    [Fact]
    public void Large_tensors_are_summarised_with_their_edges()
    {
        Assert.Equal(
            "tensor([0.0000e+00, 1.0000e+00, 2.0000e+00,  ..., 1.9970e+03, 1.9980e+03,\n        1.9990e+03])",
            arange(0.0, 2000.0).ToString());
        Assert.Equal(
            "tensor([[   0,    1,    2,  ...,   97,   98,   99],\n" +
            "        [ 100,  101,  102,  ...,  197,  198,  199],\n" +
            "        [ 200,  201,  202,  ...,  297,  298,  299],\n" +
            "        ...,\n" +
            "        [2700, 2701, 2702,  ..., 2797, 2798, 2799],\n" +
            "        [2800, 2801, 2802,  ..., 2897, 2898, 2899],\n" +
            "        [2900, 2901, 2902,  ..., 2997, 2998, 2999]])",
            arange(3000).reshape(30, 100).ToString());
    }

    [Fact]
    public void Autograd_state_is_appended()
    {
        var x = tensor(new[] { 1f, 2f }, requires_grad: true);
        Assert.Equal("tensor([1., 2.], requires_grad=True)", x.ToString());
        Assert.Equal("tensor([2., 4.], grad_fn=<MulBackward0>)", (x * 2).ToString());
        Assert.Equal("tensor([2., 4.], dtype=torch.float64, grad_fn=<MulBackward0>)", (x.@double() * 2).ToString());
        Assert.Equal("tensor([2., 4.])", (x * 2).detach().ToString());
    }

    [Fact]
    public void Suffixes_move_to_a_new_line_when_the_last_line_is_full()
    {
        var x = tensor(new[] { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9 }, requires_grad: true);
        // PyTorch 1.13: the vector fills the line, so each suffix that does not fit starts a new line.
        Assert.Equal(
            "tensor([0.1000, 0.2000, 0.3000, 0.4000, 0.5000, 0.6000, 0.7000, 0.8000, 0.9000],\n       dtype=torch.float64, requires_grad=True)",
            x.ToString());
    }

    [Fact]
    public void Print_options_change_precision_and_summarising()
    {
        try
        {
            set_printoptions(precision: 2);
            Assert.Equal("tensor([0.12, 2.00])", tensor(new[] { 0.1234f, 2f }).ToString());
            set_printoptions(profile: "default", sci_mode: false);
            // As in PyTorch, the column width still comes from the automatic (scientific) choice.
            Assert.Equal("tensor([    0.0000,     1.0000,   100.0000])", tensor(new[] { 1e-5f, 1f, 100f }).ToString());
            set_printoptions(threshold: 5, edgeitems: 1);
            Assert.Equal("tensor([0,  ..., 9])", arange(10).ToString());
            Assert.Contains("profile", Assert.Throws<ArgumentException>(() => set_printoptions(profile: "long")).Message);
        }
        finally
        {
            set_printoptions(profile: "default");
        }
    }
}
