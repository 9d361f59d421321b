using Course.Torch.Tensors;
using static Course.Torch.torch;

namespace Course.Torch.Autograd;

/// <summary>
/// One recorded operation in the autograd graph: which tensors went in, and how to turn the
/// gradient of its output into gradients of those inputs (the chain rule for this one op).
/// The backward function is a closure written next to the op's forward code, and it captures
/// exactly the values that the derivative needs.
/// </summary>
internal sealed class GradFn
{
    private Func<Tensor, Tensor?[]>? _backward;

    public GradFn(string name, Tensor[] inputs, Func<Tensor, Tensor?[]> backward)
    {
        Name = name;
        Inputs = inputs;
        _backward = backward;
    }

    /// <summary>PyTorch-style node name such as "MulBackward0", shown when a tensor is printed.</summary>
    public string Name { get; }

    public Tensor[] Inputs { get; private set; }

    /// <summary>Whether <see cref="Release"/> has dropped the saved values (backward ran without retain_graph).</summary>
    public bool IsReleased => _backward is null;

    /// <summary>Applies the chain rule: one gradient per input, null where an input needs none.</summary>
    public Tensor?[] Apply(Tensor gradOutput)
    {
        var backward = _backward ?? throw new InvalidOperationException(
            $"backward: trying to backward through the graph a second time ({Name} has already freed its saved values). " +
            "Pass retain_graph: true to the first backward() if you need to call it twice.");
        var grads = backward(gradOutput);
        if (grads.Length != Inputs.Length)
            throw new InvalidOperationException($"internal error: {Name} returned {grads.Length} gradients for {Inputs.Length} inputs");
        return grads;
    }

    // Storage of forward results that nothing but this node's graph can reach (see Sequential.forward).
    private List<Array>? _diesWithGraph;

    /// <summary>
    /// Records that <paramref name="storage"/> is garbage once this node's saved values are dropped: the
    /// caller has proved that only the graph still refers to it. <see cref="Release"/> then recycles it.
    /// </summary>
    public void DiesWithGraph(Array storage) => (_diesWithGraph ??= []).Add(storage);

    /// <summary>
    /// Drops the saved values (the closure) so their memory can be reclaimed; the node cannot run again.
    /// Storage recorded with <see cref="DiesWithGraph"/> goes straight to <see cref="StoragePool"/>.
    /// </summary>
    public void Release()
    {
        _backward = null;
        if (_diesWithGraph is null) return;
        foreach (var storage in _diesWithGraph) StoragePool.Return(storage);
        _diesWithGraph = null;
    }
}
