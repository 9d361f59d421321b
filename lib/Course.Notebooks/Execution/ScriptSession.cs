using System.Diagnostics;
using System.Globalization;
using Course.Notebooks.Display;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Scripting.Hosting;

namespace Course.Notebooks.Execution;

/// <summary>
/// A notebook's C# state on Roslyn scripting: each cell is a submission that continues the previous one, so
/// variables, types and usings carry over from cell to cell as in .NET Interactive.
/// <para>
/// A cell runs on a thread of its own. Interrupting it (the token) stops loops in the cell's own code at once
/// (see <see cref="LoopInterruptRewriter"/>) and reaches library code that honours cancellation; a cell blocked
/// elsewhere is abandoned after <see cref="ScriptSessionOptions.InterruptGracePeriod"/>, see there.
/// </para>
/// </summary>
public sealed class ScriptSession : INotebookSession
{
    private readonly ScriptSessionOptions options;
    private readonly NuGetRestorer restorer;
    // Package assemblies load once into one context, and the scripts find them there (see PackageLoadContext).
    private readonly PackageLoadContext packageContext = new();
    private readonly InteractiveAssemblyLoader assemblyLoader = new();
    private readonly SemaphoreSlim oneCellAtATime = new(1, 1);
    private ScriptOptions scriptOptions;
    private ScriptState<object?>? state;
    // Counts abandoned cells. A cell keeps its result only if none was abandoned since it started: an
    // abandoned cell's thread runs on and may finish after later cells, and its state, which lacks their
    // variables, must not replace theirs.
    private int abandonedCells;
    private readonly object stateLock = new();
    // The compilation before the next cell's: the warm-up, a cell's, or an abandoned cell's still in progress.
    // Roslyn compilations running at the same time now and then resolved Course.Notebooks twice, so that a
    // cell's display(...) was ambiguous (CS0121); a cell compiles only once the one before it has finished.
    private volatile Task lastCompilation;

    public ScriptSession(ScriptSessionOptions? options = null)
    {
        this.options = options ?? new ScriptSessionOptions();
        restorer = new NuGetRestorer(this.options.ResolvePackageCache());
        scriptOptions = ScriptReferences.Create(this.options);
        ConsoleCapture.Install();
        // Most of a first cell's time is the JIT compiling Roslyn itself. Compiling a trivial submission in the
        // background from the start means a kernel that is idle until the first request answers it at once.
        // The first cell waits for it (see lastCompilation).
        var warmUpOptions = scriptOptions;
        lastCompilation = Task.Run(() => CSharpScript.Create("0", warmUpOptions).Compile());
    }

    public int ExecutionCount { get; private set; }

    public async Task<CellOutcome> ExecuteAsync(string code, IOutputSink sink, CancellationToken cancellationToken)
    {
        await oneCellAtATime.WaitAsync(CancellationToken.None);
        try
        {
            ExecutionCount++;
            var cell = new CellContext(sink, cancellationToken);
            using var current = cell.Enter();
            var clock = Stopwatch.StartNew();
            CellDirectives directives;
            try
            {
                directives = CellDirectives.Parse(code);
            }
            catch (DirectiveException e)
            {
                ErrorReport.Directive(sink, "DirectiveError", e.Line, e.Message);
                return CellOutcome.Error;
            }
            var outcome = await AddPackagesAsync(directives, sink, cancellationToken)
                ? await RunAsync(directives.Code, sink, cancellationToken)
                : CellOutcome.Error;
            ConsoleCapture.FlushCell();
            if (directives.Time)
            {
                var wallTime = $"Wall time: {clock.Elapsed.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)}ms";
                sink.Display(new DisplayOutput(new Dictionary<string, string> { [DisplayFormatter.PlainText] = wallTime }));
            }
            return outcome;
        }
        finally
        {
            oneCellAtATime.Release();
        }
    }

    private async Task<bool> AddPackagesAsync(CellDirectives directives, IOutputSink sink, CancellationToken cancellationToken)
    {
        foreach (var source in directives.PackageSources)
            restorer.AddSource(Path.Combine(options.BaseDirectory ?? "", source) is var local && Directory.Exists(local) ? Path.GetFullPath(local) : source);
        foreach (var package in directives.Packages)
        {
            try
            {
                var assemblies = await restorer.RestoreAsync(package, cancellationToken);
                scriptOptions = scriptOptions.AddReferences(assemblies.Select(ScriptReferences.WithDocumentation));
                foreach (var assembly in packageContext.Add(assemblies)) assemblyLoader.RegisterDependency(assembly);
                sink.Display(new DisplayOutput(new Dictionary<string, string>
                {
                    [DisplayFormatter.PlainText] = $"Installed package {package.Id}{(package.Version is null ? "" : " " + package.Version)}",
                }));
            }
            catch (PackageRestoreException e)
            {
                ErrorReport.Directive(sink, "NuGetRestoreError", null, e.Message);
                return false;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                ReportInterrupted(sink, abandoned: false);
                return false;
            }
        }
        return true;
    }

    private async Task<CellOutcome> RunAsync(string code, IOutputSink sink, CancellationToken cancellationToken)
    {
        // The current directory is the process's: set for the cell's relative paths, given back afterwards.
        var previousDirectory = Directory.GetCurrentDirectory();
        if (options.BaseDirectory is { } folder) Directory.SetCurrentDirectory(folder);
        try
        {
            int abandonedBefore;
            lock (stateLock) abandonedBefore = abandonedCells;
            var run = RunOnCellThread(() => CompileAndRun(code, sink, abandonedBefore, cancellationToken));
            var interrupted = new TaskCompletionSource();
            await using (cancellationToken.Register(interrupted.SetResult))
            {
                if (await Task.WhenAny(run, interrupted.Task) == run) return await run;
            }
            if (await Task.WhenAny(run, Task.Delay(options.InterruptGracePeriod, CancellationToken.None)) == run) return await run;
            lock (stateLock) abandonedCells++;
            ReportInterrupted(sink, abandoned: true);
            return CellOutcome.Cancelled;
        }
        finally
        {
            if (options.BaseDirectory is not null) Directory.SetCurrentDirectory(previousDirectory);
        }
    }

    /// <summary>
    /// Compiles and runs one cell; called on the cell's own thread. <paramref name="abandonedBefore"/> is
    /// <see cref="abandonedCells"/> when the cell started: the cell keeps its state only while it is unchanged.
    /// </summary>
    private CellOutcome CompileAndRun(string code, IOutputSink sink, int abandonedBefore, CancellationToken cancellationToken)
    {
        try
        {
            lastCompilation.Wait(cancellationToken);
            var previous = state;
            var script = Continue(previous, LoopInterruptRewriter.Rewrite(code));
            var compiling = new TaskCompletionSource();
            lastCompilation = compiling.Task;
            try
            {
                if (script.Compile(cancellationToken).Any(IsError))
                {
                    // Errors are reported against the cell as written, not as rewritten.
                    ErrorReport.CompileErrors(sink, Continue(previous, code).Compile(cancellationToken));
                    return CellOutcome.Error;
                }
            }
            finally
            {
                compiling.SetResult();
            }
            var next = (previous is null
                ? script.RunAsync(globals: null, catchException: _ => true, cancellationToken)
                : script.RunFromAsync(previous, catchException: _ => true, cancellationToken)).GetAwaiter().GetResult();
            ConsoleCapture.FlushCell();
            lock (stateLock)
            {
                if (abandonedCells != abandonedBefore) return CellOutcome.Cancelled; // abandoned: reported, results not kept
                // Like .NET Interactive, what ran before an exception (declared variables) stays in the state.
                state = next;
            }
            if (next.Exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                ReportInterrupted(sink, abandoned: false);
                return CellOutcome.Cancelled;
            }
            if (next.Exception is { } exception)
            {
                ErrorReport.Exception(sink, exception);
                return CellOutcome.Error;
            }
            if (HasTrailingValue(script)) sink.Result(DisplayFormatter.Format(next.ReturnValue), ExecutionCount);
            return CellOutcome.Ok;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            ReportInterrupted(sink, abandoned: false);
            return CellOutcome.Cancelled;
        }
        catch (Exception e) when (e is CompilationErrorException or InvalidOperationException or ArgumentException)
        {
            // Roslyn's own refusals (e.g. a #load file it cannot read) are the cell's errors, not the kernel's.
            ErrorReport.Exception(sink, e);
            return CellOutcome.Error;
        }
    }

    private Script<object?> Continue(ScriptState<object?>? previous, string code) => previous is null
        ? CSharpScript.Create<object?>(code, scriptOptions, assemblyLoader: assemblyLoader)
        : previous.Script.ContinueWith<object?>(code, scriptOptions);

    /// <summary>Whether the cell ends in an expression with a value and no semicolon, whose value is then shown.</summary>
    private static bool HasTrailingValue(Script script)
    {
        var compilation = script.GetCompilation();
        var tree = compilation.SyntaxTrees.Last();
        if (tree.GetCompilationUnitRoot().Members.LastOrDefault() is not GlobalStatementSyntax
            { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } statement })
            return false;
        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }

    private static bool IsError(Diagnostic diagnostic) => diagnostic.Severity == DiagnosticSeverity.Error;

    private static void ReportInterrupted(IOutputSink sink, bool abandoned)
    {
        var message = abandoned
            ? "The cell was interrupted. It did not stop in time and goes on in the background; its results are not kept."
            : "The cell was interrupted.";
        sink.Error(nameof(OperationCanceledException), message, [message]);
    }

    private static Task<T> RunOnCellThread<T>(Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try { done.SetResult(work()); }
            catch (Exception e) { done.SetException(e); }
        })
        { IsBackground = true, Name = "notebook cell" };
        thread.Start();
        return done.Task;
    }

    public CompletenessStatus IsComplete(string code)
    {
        var cleaned = CellDirectivesOrNull(code);
        if (cleaned is null) return CompletenessStatus.Invalid;
        var tree = CSharpSyntaxTree.ParseText(cleaned, new CSharpParseOptions(kind: SourceCodeKind.Script));
        return SyntaxFactory.IsCompleteSubmission(tree) ? CompletenessStatus.Complete : CompletenessStatus.Incomplete;
    }

    public Task<CompletionList> CompleteAsync(string code, int cursorPosition, CancellationToken cancellationToken) =>
        Task.Run(() => ScriptCompletion.Complete(Continue(state, CellDirectivesOrNull(code) ?? code), cursorPosition, cancellationToken),
            cancellationToken);

    public Task<string?> InspectAsync(string code, int cursorPosition, CancellationToken cancellationToken) =>
        Task.Run(() => ScriptCompletion.Inspect(Continue(state, CellDirectivesOrNull(code) ?? code), cursorPosition, cancellationToken),
            cancellationToken);

    /// <summary>The cell without its directives (same length per line), or null when a directive is wrong.</summary>
    private static string? CellDirectivesOrNull(string code)
    {
        try { return CellDirectives.Parse(code).Code; }
        catch (DirectiveException) { return null; }
    }

    public void Dispose()
    {
        oneCellAtATime.Dispose();
        assemblyLoader.Dispose();
    }
}
