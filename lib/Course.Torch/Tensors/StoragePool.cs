using System.Runtime.CompilerServices;

namespace Course.Torch.Tensors;

/// <summary>
/// Recycles large storage arrays that the autograd engine knows are dead: intermediate gradients of a
/// backward pass (see <c>Tensor.backward</c>). A fresh multi-megabyte array is expensive in .NET: it
/// lands on the large object heap, is zeroed page by page as the operating system maps it in, and is
/// only collected by a full garbage collection. A convolutional network's backward pass produces
/// several such gradients per step and drops each one as soon as the next layer has used it, so
/// handing those arrays to the next allocation of the same size (the following layer's gradient, or
/// the next step's activations) replaces most of that cost by one cache-friendly clear.
/// PyTorch gets the same effect from its reference counting and the C allocator's free lists.
/// </summary>
internal static class StoragePool
{
    // Small arrays are cheap to allocate (gen0, memory already mapped); pooling them would only add locking.
    private const long MinPooledBytes = 256 * 1024;

    // An upper bound on memory the pool holds for reuse, so a burst of large gradients is not kept forever.
    private const long MaxPooledBytes = 128L * 1024 * 1024;

    private static readonly Dictionary<(Type, int), Stack<Array>> Free = [];
    // The arrays in Free, so that one handed back twice (a dispose scope and backward can both find it dead) is
    // pooled once: pooled twice, it would be handed to two tensors at once.
    private static readonly HashSet<Array> InFree = new(ReferenceEqualityComparer.Instance);
    private static long _pooledBytes;

    // The large arrays this thread has handed out since StartRecording (null when not recording). Weak keys:
    // recording must not keep alive an array that would otherwise die in the middle of a backward pass.
    [ThreadStatic] private static ConditionalWeakTable<Array, object>? _recorded;
    private static readonly object Seen = new();

    // How many times each large array has been handed out. A dispose scope notes the number when it sees an
    // allocation and hands the array back only if it is unchanged: if backward recycled the array meanwhile and
    // the pool gave it to a tensor on another thread (which no scope tracks), the number moved on.
    private static readonly ConditionalWeakTable<Array, StrongBox<long>> Issues = new();

    /// <summary>A zeroed array of <paramref name="count"/> elements: a recycled one when the pool has it.</summary>
    public static T[] Zeroed<T>(long count)
    {
        var recycled = Take<T>(count);
        if (recycled is not null) Array.Clear(recycled);
        return Note(recycled ?? new T[count]);
    }

    /// <summary>
    /// An array of <paramref name="count"/> elements with arbitrary contents, for a caller that overwrites
    /// every element: saves the clear of <see cref="Zeroed{T}"/>.
    /// </summary>
    public static T[] Uninitialized<T>(long count) => Note(Take<T>(count) ?? GC.AllocateUninitializedArray<T>(checked((int)count)));

    /// <summary>
    /// Starts remembering which large arrays this thread allocates, so that <see cref="WasRecorded"/> can
    /// tell an array made since then (say, by a backward pass) from one that existed before (a user's tensor).
    /// </summary>
    public static void StartRecording() => _recorded = [];

    public static void StopRecording() => _recorded = null;

    public static bool WasRecorded(Array storage) => _recorded?.TryGetValue(storage, out _) == true;

    /// <summary>Hands a dead array back for reuse. The caller guarantees that nothing reads or writes it any more.</summary>
    public static void Return(Array storage)
    {
        long bytes = Buffer.ByteLength(storage);
        if (bytes < MinPooledBytes) return;
        lock (Free)
        {
            if (_pooledBytes + bytes > MaxPooledBytes || !InFree.Add(storage)) return;
            var key = (storage.GetType(), storage.Length);
            if (!Free.TryGetValue(key, out var stack)) Free[key] = stack = new Stack<Array>();
            stack.Push(storage);
            _pooledBytes += bytes;
        }
    }

    private static T[]? Take<T>(long count)
    {
        if (count * Unsafe.SizeOf<T>() < MinPooledBytes) return null;
        lock (Free)
        {
            if (!Free.TryGetValue((typeof(T[]), (int)count), out var stack) || stack.Count == 0) return null;
            _pooledBytes -= count * Unsafe.SizeOf<T>();
            var array = stack.Pop();
            InFree.Remove(array);
            return (T[])array;
        }
    }

    private static T[] Note<T>(T[] array)
    {
        if (Buffer.ByteLength(array) < MinPooledBytes) return array;
        _recorded?.AddOrUpdate(array, Seen);
        var issue = Interlocked.Increment(ref Issues.GetValue(array, _ => new StrongBox<long>()).Value);
        DisposeScope.Innermost?.NoteAllocated(array, issue);
        return array;
    }

    /// <summary>How many times <paramref name="storage"/> has been handed out (0 for an array the pool never saw).</summary>
    public static long IssueOf(Array storage) => Issues.TryGetValue(storage, out var issue) ? Interlocked.Read(ref issue.Value) : 0;
}
