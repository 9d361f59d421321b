using System.Numerics;
using static Course.Torch.torch;

namespace Course.Torch.Optim;

/// <summary>
/// An optimizer's update rule for a block of <c>Vector&lt;T&gt;.Count</c> consecutive elements: it reads the
/// parameter, its gradient and up to three state buffers (momentum, moment estimates), and writes the new
/// values back in place. Unused state spans are empty.
/// </summary>
internal interface IUpdateKernel<T> where T : unmanaged
{
    void Apply(Span<T> param, ReadOnlySpan<T> grad, Span<T> state0, Span<T> state1, Span<T> state2);
}

/// <summary>
/// Runs an update rule over a whole parameter in one pass, SIMD block by SIMD block, with no temporary
/// tensors. Written as a chain of tensor ops (as in PyTorch's reference code) the same update would read
/// and write the parameter-sized arrays ten times and allocate most of them anew on every step; this keeps
/// an optimizer step a small part of a training step.
/// </summary>
internal static class ParameterUpdate
{
    public static void Run<T, K>(string optimizer, K kernel, Tensor param, Tensor grad, Tensor? state0 = null, Tensor? state1 = null, Tensor? state2 = null)
        where T : unmanaged where K : struct, IUpdateKernel<T>
    {
        if (!grad._shape.AsSpan().SequenceEqual(param._shape))
            throw new InvalidOperationException(
                $"{optimizer}: a parameter of shape ({param.ShapeText}) has a gradient of shape ({grad.ShapeText}); they must be equal.");
        var dense = param.contiguous(); // a copy only for a parameter that is a strided view; written back below
        var p = dense.ContiguousSpan<T>();
        ReadOnlySpan<T> g = grad.to(param.dtype).contiguous().ContiguousSpan<T>();
        var s0 = state0 is null ? [] : state0.ContiguousSpan<T>();
        var s1 = state1 is null ? [] : state1.ContiguousSpan<T>();
        var s2 = state2 is null ? [] : state2.ContiguousSpan<T>();

        var width = Vector<T>.Count;
        var full = p.Length - p.Length % width;
        for (var i = 0; i < full; i += width)
            kernel.Apply(p.Slice(i, width), g.Slice(i, width), Block(s0, i, width), Block(s1, i, width), Block(s2, i, width));
        if (full < p.Length)
            ApplyToTail(kernel, p[full..], g[full..], Tail(s0, full), Tail(s1, full), Tail(s2, full));

        if (!ReferenceEquals(dense, param)) param.copy_(dense);
    }

    private static Span<T> Block<T>(Span<T> state, int start, int width) => state.IsEmpty ? state : state.Slice(start, width);

    private static Span<T> Tail<T>(Span<T> state, int start) => state.IsEmpty ? state : state[start..];

    /// <summary>
    /// The last, partial block: copied into zero-padded buffers of one full block, so that the same kernel
    /// handles it; the padding lanes are computed and thrown away.
    /// </summary>
    private static void ApplyToTail<T, K>(K kernel, Span<T> param, ReadOnlySpan<T> grad, Span<T> state0, Span<T> state1, Span<T> state2)
        where T : unmanaged where K : struct, IUpdateKernel<T>
    {
        var width = Vector<T>.Count;
        Span<T> buffers = stackalloc T[5 * width];
        var p = buffers[..width];
        var g = buffers.Slice(width, width);
        var s0 = Padded(state0, buffers, 2);
        var s1 = Padded(state1, buffers, 3);
        var s2 = Padded(state2, buffers, 4);
        param.CopyTo(p);
        grad.CopyTo(g);
        kernel.Apply(p, g, s0, s1, s2);
        p[..param.Length].CopyTo(param);
        if (!state0.IsEmpty) s0[..state0.Length].CopyTo(state0);
        if (!state1.IsEmpty) s1[..state1.Length].CopyTo(state1);
        if (!state2.IsEmpty) s2[..state2.Length].CopyTo(state2);
    }

    /// <summary>Block <paramref name="slot"/> of <paramref name="buffers"/>, holding a copy of <paramref name="state"/>; empty if the state is unused.</summary>
    private static Span<T> Padded<T>(Span<T> state, Span<T> buffers, int slot) where T : unmanaged
    {
        if (state.IsEmpty) return [];
        var width = Vector<T>.Count;
        var block = buffers.Slice(slot * width, width);
        state.CopyTo(block);
        return block;
    }
}
