using System.Text;

namespace Course.Notebooks.Execution;

/// <summary>
/// Console.Out and Console.Error are process-wide, so they are replaced once by writers that route each write
/// to the stream of the cell that wrote it (see <see cref="CellContext"/>) and to the original console
/// otherwise. Text is passed on line by line as it is written, the rest when the cell ends.
/// </summary>
internal static class ConsoleCapture
{
    private static readonly object InstallLock = new();
    private static bool installed;

    public static void Install()
    {
        lock (InstallLock)
        {
            if (installed) return;
            Console.SetOut(new RoutingWriter("stdout", Console.Out));
            Console.SetError(new RoutingWriter("stderr", Console.Error));
            installed = true;
        }
    }

    /// <summary>Sends what the current cell wrote but did not end with a newline.</summary>
    /// <remarks>Console wraps our writers in synchronized ones; Flush reaches ours through them.</remarks>
    public static void FlushCell()
    {
        Console.Out.Flush();
        Console.Error.Flush();
    }

    private sealed class RoutingWriter(string streamName, TextWriter original) : TextWriter
    {
        // Pending text per cell, keyed by its sink: concurrent cells each keep their own line.
        private readonly System.Runtime.CompilerServices.ConditionalWeakTable<IOutputSink, StringBuilder> pending = new();

        public override Encoding Encoding => original.Encoding;

        public override void Write(char value) => Write(value.ToString());

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void Write(string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            var cell = CellContext.Current;
            if (cell is null) { original.Write(value); return; }
            string? complete = null;
            var buffer = pending.GetOrCreateValue(cell.Sink);
            lock (buffer)
            {
                buffer.Append(value);
                var lastNewline = value.LastIndexOf('\n');
                if (lastNewline >= 0)
                {
                    var end = buffer.Length - (value.Length - lastNewline - 1);
                    complete = buffer.ToString(0, end);
                    buffer.Remove(0, end);
                }
            }
            if (complete is not null) cell.Sink.Stream(streamName, complete);
        }

        public override void Flush()
        {
            if (CellContext.Current is not { } cell) { original.Flush(); return; }
            if (!pending.TryGetValue(cell.Sink, out var buffer)) return;
            string rest;
            lock (buffer)
            {
                rest = buffer.ToString();
                buffer.Clear();
            }
            if (rest.Length > 0) cell.Sink.Stream(streamName, rest);
        }
    }
}
