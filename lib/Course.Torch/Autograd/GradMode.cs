namespace Course.Torch;

public static partial class torch
{
    // Per thread, as in PyTorch: a no_grad() block on one thread does not affect another.
    [ThreadStatic] private static bool t_gradDisabled;

    /// <summary>True when new operations are recorded for autograd (the default).</summary>
    public static bool is_grad_enabled() => !t_gradDisabled;

    /// <summary>
    /// Turns off recording until the returned scope is disposed: <c>using (torch.no_grad()) { ... }</c>.
    /// Use it for evaluation and for updating parameters in place.
    /// </summary>
    public static IDisposable no_grad() => new GradModeScope(enabled: false);

    /// <summary>Turns recording back on inside a <see cref="no_grad"/> block, until disposed.</summary>
    public static IDisposable enable_grad() => new GradModeScope(enabled: true);

    public static void set_grad_enabled(bool enabled) => t_gradDisabled = !enabled;

    private sealed class GradModeScope : IDisposable
    {
        private readonly bool _previouslyDisabled = t_gradDisabled;
        private bool _disposed;

        public GradModeScope(bool enabled) => t_gradDisabled = !enabled;

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            t_gradDisabled = _previouslyDisabled;
        }
    }
}
