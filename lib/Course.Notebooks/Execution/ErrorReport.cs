using Microsoft.CodeAnalysis;

namespace Course.Notebooks.Execution;

/// <summary>Compile errors and exceptions as Jupyter error outputs: a name, a message and traceback lines.</summary>
internal static class ErrorReport
{
    public const string CompilationErrorName = "CompilationErrorException";

    /// <summary>One line per error, "(line,column): error CSxxxx: message", positions relative to the cell.</summary>
    public static void CompileErrors(IOutputSink sink, IEnumerable<Diagnostic> diagnostics)
    {
        var lines = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.ToString()).ToList();
        sink.Error(CompilationErrorName, string.Join("\n", lines), lines);
    }

    public static void Directive(IOutputSink sink, string name, int? line, string message)
    {
        var text = line is null ? message : $"(line {line}): {message}";
        sink.Error(name, text, [text]);
    }

    /// <summary>
    /// The exception with the frames of the cell and the libraries it called; Roslyn's and the runtime's
    /// async plumbing is left out, since it says nothing about the learner's code.
    /// </summary>
    public static void Exception(IOutputSink sink, Exception exception)
    {
        var traceback = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            traceback.Add(traceback.Count == 0 ? $"{e.GetType().FullName}: {e.Message}" : $" ---> {e.GetType().FullName}: {e.Message}");
            traceback.AddRange((e.StackTrace ?? "").Split('\n').Select(l => l.TrimEnd('\r')).Where(IsUserFrame)
                .Select(CleanFrame));
        }
        sink.Error(exception.GetType().Name, exception.Message, traceback);
    }

    private static bool IsUserFrame(string line)
    {
        var frame = line.Trim();
        return frame.Length > 0 && !frame.StartsWith("--- End of stack trace", StringComparison.Ordinal)
            && !frame.StartsWith("at Microsoft.CodeAnalysis.", StringComparison.Ordinal)
            && !frame.StartsWith("at System.Runtime.CompilerServices.", StringComparison.Ordinal)
            && !frame.StartsWith("at System.Threading.", StringComparison.Ordinal)
            && !frame.StartsWith("at System.RuntimeMethodHandle.", StringComparison.Ordinal)
            && !frame.StartsWith("at System.Reflection.", StringComparison.Ordinal);
    }

    // "Submission#3.<<Initialize>>d__0.MoveNext()" is where the cell's top-level code runs.
    private static string CleanFrame(string line) => line.Replace("<<Initialize>>d__0.MoveNext()", "<cell>");
}
