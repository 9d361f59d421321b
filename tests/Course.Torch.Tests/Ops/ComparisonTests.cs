using static Course.Torch.torch;

namespace Course.Torch.Tests.Ops;

public class ComparisonTests
{
    private static bool[] Bools(Tensor t)
    {
        Assert.Equal(@bool, t.dtype);
        return t.data<bool>().ToArray();
    }

    [Fact]
    public void Comparisons_with_numbers_and_tensors_give_bool_masks()
    {
        var x = tensor(new[] { 1.0, 2.0, 3.0 });
        var y = tensor(new[] { 3.0, 2.0, 1.0 });
        Assert.Equal(new[] { false, true, false }, Bools(x.eq(y)));
        Assert.Equal(new[] { true, false, true }, Bools(ne(x, y)));
        Assert.Equal(new[] { true, false, false }, Bools(x < y));
        Assert.Equal(new[] { true, true, false }, Bools(x <= y));
        Assert.Equal(new[] { false, false, true }, Bools(x > y));
        Assert.Equal(new[] { false, true, true }, Bools(x >= y));
        Assert.Equal(new[] { false, true, true }, Bools(x > 1.5));
        Assert.Equal(new[] { true, false, false }, Bools(1.5 > x));
        Assert.Equal(new[] { false, true, true }, Bools(x.ge(2)));
        Assert.Equal(new[] { true, true, false }, Bools(le(x, 2)));
        Assert.Equal(new[] { true, false, false }, Bools(lt(x, y)));
        Assert.Equal(new[] { false, true, false }, Bools(eq(x, 2)));
    }

    [Fact]
    public void Comparisons_promote_integers_against_fractions_and_broadcast()
    {
        var ints = tensor(new long[] { 1, 5, 9 });
        Assert.Equal(new[] { false, true, true }, Bools(ints > 2.5));
        Assert.Equal(new[] { false, true, false }, Bools(ints.eq(5.0)));
        var column = tensor(new[] { 1.0, 2.0 }, [2, 1]);
        var row = tensor(new[] { 1.0, 2.0, 3.0 });
        Assert.Equal(new[] { true, false, false, true, true, false }, Bools(column >= row));
        Assert.Equal(new long[] { 2, 3 }, (column >= row).shape);
        var error = Assert.Throws<ArgumentException>(() => row.lt(ones(2)));
        Assert.Contains("lt", error.Message);
        Assert.Contains("cannot be broadcast", error.Message);
    }

    [Fact]
    public void Comparisons_are_not_recorded_by_autograd()
    {
        var w = tensor(new[] { 1.0, -1.0 }, requires_grad: true);
        Assert.False((w > 0).requires_grad);
        Assert.Null((w > 0).grad);
    }

    [Fact]
    public void Equality_operators_keep_reference_semantics()
    {
        var a = tensor(new[] { 1.0 });
        var b = tensor(new[] { 1.0 });
        Assert.False(a == b); // different objects, even though eq() says the values agree
        Assert.True(a.eq(b).item<bool>());
        Assert.True(a.equal(b));
    }

    [Fact]
    public void Logical_operators_combine_masks()
    {
        var ints = tensor(new long[] { 1, 5, 9 });
        Assert.Equal(new[] { false, true, false }, Bools((ints > 2) & (ints < 9)));
        Assert.Equal(new[] { true, false, true }, Bools((ints < 2) | (ints > 8)));
        Assert.Equal(new[] { false, true, false }, Bools((ints > 2) ^ (ints > 8)));
        Assert.Equal(new[] { true, false, false }, Bools(!(ints > 2)));
        Assert.Equal(new[] { true, false, false }, Bools(~(ints > 2)));
        Assert.Equal(new[] { false, true, true }, Bools(logical_and(ints, ints - 1)));
        Assert.Equal(new[] { false, false, false }, Bools(logical_not(ints)));
        Assert.Equal(new[] { true, true, true }, Bools(ints.logical_or(zeros(3))));
        var error = Assert.Throws<NotSupportedException>(() => ints & ints);
        Assert.Contains("Bool", error.Message);
        Assert.Contains("logical_and", error.Message);
    }

    [Fact]
    public void Nan_and_infinity_tests()
    {
        var x = tensor(new[] { 1f, float.NaN, float.PositiveInfinity, float.NegativeInfinity });
        Assert.Equal(new[] { false, true, false, false }, Bools(x.isnan()));
        Assert.Equal(new[] { true, false, false, false }, Bools(isfinite(x)));
        Assert.Equal(new[] { false, false, true, true }, Bools(x.isinf()));
        Assert.Equal(new[] { true, true }, Bools(arange(2).isfinite()));
        Assert.Equal(new[] { false, false }, Bools(arange(2).isnan()));
    }

    [Fact]
    public void Allclose_isclose_and_equal()
    {
        Assert.True(tensor(new[] { 1f, 2f }).allclose(tensor(new[] { 1f + 1e-6f, 2f })));
        Assert.False(allclose(tensor(new[] { 1.0, 2.0 }), tensor(new[] { 1.001, 2.0 })));
        Assert.True(allclose(tensor(new[] { 1.0, 2.0 }), tensor(new[] { 1.001, 2.0 }), atol: 0.01));
        var inf = tensor(new[] { double.PositiveInfinity, 1.0, double.NaN });
        Assert.Equal(new[] { true, false, false }, Bools(inf.isclose(tensor(new[] { double.PositiveInfinity, 1.1, double.NaN }))));
        Assert.Equal(new[] { true, false, true }, Bools(inf.isclose(tensor(new[] { double.PositiveInfinity, 1.1, double.NaN }), equal_nan: true)));
        Assert.True(equal(arange(3), arange(3)));
        Assert.False(equal(arange(3), arange(3).reshape(3, 1)));
        Assert.False(arange(3).equal(arange(1, 4)));
    }

    [Fact]
    public void All_and_any_over_everything_or_one_dim()
    {
        var m = tensor(new[] { true, false, true, true }, [2, 2]);
        Assert.False(m.all().item<bool>());
        Assert.True(m.any().item<bool>());
        Assert.Equal(new[] { false, true }, Bools(m.all(1)));
        Assert.Equal(new[] { true, true }, Bools(any(m, 0)));
        Assert.Equal(new long[] { 1, 2 }, m.all(0, keepdim: true).shape);
        Assert.True(zeros(0).all().item<bool>());
        Assert.False(zeros(0).any().item<bool>());
        Assert.True(tensor(new[] { 0.5, -1 }).all().item<bool>());
    }
}
