using Course.Torch.Kernels;

namespace Course.Torch;

public static partial class torch
{
    // Choosing elements by a bool condition. The gradient follows the choice: each output element came
    // from exactly one input, so only that input receives its gradient.

    /// <summary>
    /// Elementwise choice: x where <paramref name="condition"/> is true, y elsewhere. All three broadcast
    /// together; the result has the promoted dtype of x and y. E.g. ReLU is <c>where(x &gt; 0, x, 0.0)</c>.
    /// </summary>
    public static Tensor where(Tensor condition, Tensor x, Tensor y)
    {
        RequireBool("where", "condition", condition);
        var shape = Tensor.BroadcastShapes("where", Tensor.BroadcastShapes("where", condition._shape, x._shape), y._shape);
        return Choose(condition, x, y, shape, ResultType(x, y))
            .WithGradFn("WhereBackward0", g =>
            {
                var zero = ScalarLike(0, g);
                return [where(condition, g, zero).GradFor(x), where(condition, zero, g).GradFor(y)];
            }, x, y);
    }

    public static Tensor where(Tensor condition, Tensor x, double y) => where(condition, x, ScalarLike(y, x));

    public static Tensor where(Tensor condition, double x, Tensor y) => where(condition, ScalarLike(x, y), y);

    /// <summary>condition ? x : y elementwise, all broadcast to <paramref name="shape"/> and computed in <paramref name="dtype"/>. No autograd.</summary>
    private static Tensor Choose(Tensor condition, Tensor x, Tensor y, long[] shape, ScalarType dtype)
    {
        var c = condition.detach().expand(shape).contiguous().ContiguousSpan<bool>();
        var a = x.detach().to(dtype).expand(shape).contiguous();
        var b = y.detach().to(dtype).expand(shape).contiguous();
        var result = new Tensor(Tensor.AllocateStorage(dtype, Tensor.ShapeNumel(shape)), (long[])shape.Clone(), dtype);
        switch (dtype)
        {
            case ScalarType.Float32: IndexKernels.Where<float>(c, a.ContiguousSpan<float>(), b.ContiguousSpan<float>(), result.ContiguousSpan<float>()); break;
            case ScalarType.Float64: IndexKernels.Where<double>(c, a.ContiguousSpan<double>(), b.ContiguousSpan<double>(), result.ContiguousSpan<double>()); break;
            case ScalarType.Int64: IndexKernels.Where<long>(c, a.ContiguousSpan<long>(), b.ContiguousSpan<long>(), result.ContiguousSpan<long>()); break;
            default: IndexKernels.Where<bool>(c, a.ContiguousSpan<bool>(), b.ContiguousSpan<bool>(), result.ContiguousSpan<bool>()); break;
        }
        return result;
    }

    private static void RequireBool(string op, string name, Tensor tensor)
    {
        if (tensor.dtype != ScalarType.Bool)
            throw new ArgumentException($"{op}: {name} must be a Bool tensor, got {tensor.dtype}.");
    }

    public partial class Tensor
    {
        /// <summary>torch.where(condition, this, y).</summary>
        public Tensor where(Tensor condition, Tensor y) => torch.where(condition, this, y);

        /// <summary>
        /// A copy with <paramref name="value"/> wherever <paramref name="mask"/> (bool, broadcastable to this shape)
        /// is true, e.g. setting attention scores of padding to -inf. The dtype stays this tensor's.
        /// </summary>
        public Tensor masked_fill(Tensor mask, double value)
        {
            RequireBool("masked_fill", "mask", mask);
            mask = mask.expand_as_for(this, "masked_fill");
            return Choose(mask, full([], value, dtype), this, _shape, dtype)
                .WithGradFn("MaskedFillBackward0", g => [g.masked_fill(mask, 0)], this);
        }

        public Tensor masked_fill_(Tensor mask, double value) => CopyResult_("masked_fill_", masked_fill(mask, value));

        /// <summary>The elements where <paramref name="mask"/> is true, as a 1-d tensor (a copy); mask and this tensor broadcast together.</summary>
        public Tensor masked_select(Tensor mask)
        {
            RequireBool("masked_select", "mask", mask);
            var shape = BroadcastShapes("masked_select", this, mask);
            return expand(shape).index(mask.expand(shape));
        }
    }

    public static Tensor masked_fill(Tensor input, Tensor mask, double value) => input.masked_fill(mask, value);
    public static Tensor masked_select(Tensor input, Tensor mask) => input.masked_select(mask);
}
