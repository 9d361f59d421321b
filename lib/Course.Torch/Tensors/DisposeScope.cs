using Course.Torch.Tensors;
using static Course.Torch.torch;

namespace Course.Torch;

/// <summary>
/// TorchSharp's dispose scope: every tensor created on this thread while the scope is the innermost one
/// belongs to it, and when the scope ends those tensors are disposed, except the ones moved out with
/// <see cref="torch.Tensor.MoveToOuterDisposeScope"/> or <see cref="torch.Tensor.DetachFromDisposeScope"/>.
/// A disposed tensor can no longer be used (its ops throw <see cref="ObjectDisposedException"/>).
/// <code>
/// foreach (var (x, y) in loader)
/// {
///     using var scope = torch.NewDisposeScope();
///     optimizer.zero_grad();
///     var loss = nn.functional.cross_entropy(model.call(x), y);
///     loss.backward();
///     optimizer.step();
///     total += loss.item&lt;float&gt;();
/// }
/// </code>
/// <para>
/// In TorchSharp a scope frees native memory at once. Here memory is managed, so what a scope buys is
/// reuse: an activation is a multi-megabyte array, and a fresh one costs far more than a recycled one (see
/// <see cref="StoragePool"/>). At its end the scope hands back to the pool the large arrays it allocated whose
/// every tensor it disposes. An array stays out of the pool when a tensor that survives the scope shares it
/// (a view moved out), and the scope recycles nothing at all while a surviving tensor still has an autograd
/// graph that backward has not consumed, since that graph may need any of them.
/// </para>
/// <para>
/// Tensors that the engine keeps beyond a step leave the scope they are made in by themselves:
/// parameters, their gradients, module buffers and optimizer state.
/// </para>
/// </summary>
public sealed class DisposeScope : IDisposable
{
    [ThreadStatic] private static DisposeScope? _innermost;

    private readonly DisposeScope? _outer;
    private readonly HashSet<Tensor> _tensors = new(ReferenceEqualityComparer.Instance);
    // Large arrays handed out while this scope was the innermost, with their issue number then (see StoragePool.IssueOf).
    private readonly Dictionary<Array, long> _allocated = new(ReferenceEqualityComparer.Instance);
    private readonly List<Tensor> _survivors = [];
    private bool _ended;

    internal DisposeScope()
    {
        _outer = Innermost;
        _innermost = this;
    }

    /// <summary>The scope new tensors on this thread belong to; null outside any scope. Skips scopes that ended out of order.</summary>
    internal static DisposeScope? Innermost
    {
        get
        {
            while (_innermost is { _ended: true } ended) _innermost = ended._outer;
            return _innermost;
        }
    }

    /// <summary>How many tensors the scope will dispose when it ends.</summary>
    public long DisposablesCount => _tensors.Count;

    internal void Add(Tensor tensor)
    {
        _tensors.Add(tensor);
        tensor.OwningScope = this;
    }

    /// <summary>Records a large array handed out while this scope was the innermost: one it may recycle at its end.</summary>
    internal void NoteAllocated(Array storage, long issue) => _allocated[storage] = issue;

    /// <summary>Moves <paramref name="tensor"/> to the enclosing scope (or out of all scopes, for the outermost).</summary>
    public Tensor MoveToOuter(Tensor tensor)
    {
        Release(tensor);
        if (_outer is not null)
        {
            _outer.Add(tensor);
            // The array now lives as long as the outer scope's tensor: that scope may recycle it.
            if (_allocated.TryGetValue(tensor.UncheckedStorage, out var issue)) _outer.NoteAllocated(tensor.UncheckedStorage, issue);
        }
        return tensor;
    }

    /// <summary>Takes <paramref name="tensor"/> out of every scope: nothing will dispose it.</summary>
    public Tensor Detach(Tensor tensor)
    {
        Release(tensor);
        // An enclosing scope must keep it too if it allocated the array, or if the tensor's graph (which may
        // hold that scope's tensors) is still to be used by backward.
        for (var scope = _outer; scope is not null; scope = scope._outer)
            if (scope._allocated.ContainsKey(tensor.UncheckedStorage) || HasLiveGraph(tensor)) scope._survivors.Add(tensor);
        return tensor;
    }

    private void Release(Tensor tensor)
    {
        if (!ReferenceEquals(tensor.OwningScope, this))
            throw new InvalidOperationException("This tensor does not belong to this dispose scope.");
        _tensors.Remove(tensor);
        tensor.OwningScope = null;
        _survivors.Add(tensor);
    }

    private static bool HasLiveGraph(Tensor tensor) => tensor.grad_fn is { IsReleased: false };

    public void Dispose()
    {
        if (_ended) return;
        bool inOrder = ReferenceEquals(Innermost, this);
        _ended = true;
        if (!inOrder)
        {
            // Ended out of order or on another thread: leave its tensors to the garbage collector, still usable.
            LeaveTensorsAlone();
            throw new InvalidOperationException(
                "This dispose scope is not the innermost open one on this thread. Scopes end in the reverse order of their " +
                "creation, on the thread that created them (one `using` per scope; in a notebook, within one cell).");
        }
        _innermost = _outer;

        if (_survivors.Any(HasLiveGraph))
        {
            // Backward has not run through a surviving tensor's graph yet, and that graph may hold any of these
            // tensors: they stay usable, and no enclosing scope may recycle their arrays either.
            for (var scope = _outer; scope is not null; scope = scope._outer) scope._survivors.AddRange(_tensors);
            LeaveTensorsAlone();
            return;
        }

        var kept = new HashSet<Array>(_survivors.Select(tensor => tensor.UncheckedStorage), ReferenceEqualityComparer.Instance);
        var recyclable = new HashSet<Array>(ReferenceEqualityComparer.Instance);
        foreach (var tensor in _tensors)
        {
            tensor.Invalidate();
            var storage = tensor.UncheckedStorage;
            // Unchanged issue: nobody was handed the array after this scope saw it (see StoragePool.IssueOf).
            if (_allocated.TryGetValue(storage, out var issue) && issue == StoragePool.IssueOf(storage) && !kept.Contains(storage))
                recyclable.Add(storage);
        }
        _tensors.Clear();
        foreach (var storage in recyclable) StoragePool.Return(storage);
    }

    private void LeaveTensorsAlone()
    {
        foreach (var tensor in _tensors) tensor.OwningScope = null;
        _tensors.Clear();
    }
}

public static partial class torch
{
    /// <summary>Starts a <see cref="DisposeScope"/>; end it with <c>using</c>.</summary>
    public static DisposeScope NewDisposeScope() => new();

    public partial class Tensor
    {
        internal DisposeScope? OwningScope { get; set; }

        private bool _invalid;

        /// <summary>Whether this tensor was disposed (by the end of its dispose scope) and can no longer be used.</summary>
        public bool IsInvalid => _invalid;

        internal void Invalidate()
        {
            _invalid = true;
            OwningScope = null;
        }

        /// <summary>Keeps this tensor when its dispose scope ends: it moves to the enclosing scope, if any.</summary>
        public Tensor MoveToOuterDisposeScope() => OwningScope?.MoveToOuter(this) ?? this;

        /// <summary>Keeps this tensor when its dispose scope ends, and out of every enclosing one.</summary>
        public Tensor DetachFromDisposeScope() => OwningScope?.Detach(this) ?? this;
    }
}
