using System.Text;

namespace Course.Notebooks.Execution;

/// <summary>
/// Console.Out and Console.Error are process-wide, so they are replaced once by writers that route each write
/// to the stream of the cell that wrote it (see <see cref="CellContext"/>) and to the original console
/// otherwise. Text is passed on line by line as it is written, the rest when the cell ends. Console.In is
/// replaced the same way: a cell's Console.ReadLine() asks its front end (<see cref="IInputSource"/>).
/// </summary>
internal static class ConsoleCapture
{
    private static readonly object InstallLock = new();
    private static bool installed;
    private static RoutingWriter? standardOutput;

    public static void Install()
    {
        lock (InstallLock)
        {
            if (installed) return;
            standardOutput = new RoutingWriter("stdout", Console.Out);
            Console.SetOut(standardOutput);
            Console.SetError(new RoutingWriter("stderr", Console.Error));
            Console.SetIn(new RoutingReader(Console.In));
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

    /// <summary>
    /// Reads a line for the current cell from its front end. What the cell wrote on the line so far
    /// (<c>Console.Write("Name: ")</c>) becomes the prompt, as Python's <c>input("Name: ")</c> shows it.
    /// </summary>
    private sealed class RoutingReader(TextReader original) : TextReader
    {
        public override string? ReadLine()
        {
            if (CellContext.Current is not { } cell) return original.ReadLine();
            if (cell.UnreadInput.Length > 0)
            {
                var rest = cell.UnreadInput.TrimEnd('\n');
                cell.UnreadInput = "";
                return rest;
            }
            if (cell.Sink is not IInputSource input)
                throw new InvalidOperationException("Console.ReadLine() cannot get input here: this front end (e.g. the headless runner) does not answer input requests. Set the value in the cell instead.");
            Console.Error.Flush(); // warnings written before the question show above it
            var prompt = standardOutput?.TakePending(cell.Sink) ?? "";
            try
            {
                return input.ReadLine(prompt, cell.Cancellation);
            }
            catch (InvalidOperationException)
            {
                // The front end takes no input after all: the prompt stays in the cell's output, not lost.
                if (prompt.Length > 0) cell.Sink.Stream("stdout", prompt);
                throw;
            }
        }

        /// <summary>Console.Read() takes a line and hands it out character by character, newline included.</summary>
        public override int Read()
        {
            if (CellContext.Current is not { } cell) return original.Read();
            if (cell.UnreadInput.Length == 0)
            {
                if (ReadLine() is not { } line) return -1;
                cell.UnreadInput = line + "\n";
            }
            var next = cell.UnreadInput[0];
            cell.UnreadInput = cell.UnreadInput[1..];
            return next;
        }

        public override int Peek() =>
            CellContext.Current is not { } cell ? original.Peek() : cell.UnreadInput.Length > 0 ? cell.UnreadInput[0] : -1;
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

        /// <summary>Removes and returns what <paramref name="sink"/>'s cell wrote after its last newline.</summary>
        public string TakePending(IOutputSink sink)
        {
            if (!pending.TryGetValue(sink, out var buffer)) return "";
            lock (buffer)
            {
                var rest = buffer.ToString();
                buffer.Clear();
                return rest;
            }
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
