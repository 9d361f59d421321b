using System.Diagnostics;
using Course.Notebooks.Execution;
using Xunit.Abstractions;

namespace Course.Notebooks.Tests;

public class ScriptSessionTests(ITestOutputHelper log)
{
    [Fact]
    public async Task First_cell_result_is_measured()
    {
        var clock = Stopwatch.StartNew();
        using var session = new ScriptSession();
        var (outcome, sink) = await Run.Cell(session, "1+1");
        clock.Stop();
        Assert.Equal(CellOutcome.Ok, outcome);
        Assert.Equal("2", sink.ResultOutput!.Data["text/plain"]);
        // Recorded, not asserted (no timed tests): the issue asks for under 3 s on the course machine.
        log.WriteLine($"Session creation to first cell result (1+1): {clock.Elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task State_carries_over_from_cell_to_cell()
    {
        using var session = new ScriptSession();
        await Run.Cell(session, "var x = 20;");
        await Run.Cell(session, "int Twice(int v) => 2 * v; record Point(int X, int Y);");
        var (outcome, sink) = await Run.Cell(session, "Twice(x) + new Point(1, 1).X");
        Assert.Equal(CellOutcome.Ok, outcome);
        Assert.Equal("41", sink.ResultOutput!.Data["text/plain"]);
        Assert.Equal(3, session.ExecutionCount);
    }

    [Fact]
    public async Task Default_imports_and_course_libraries_need_no_directives()
    {
        using var session = new ScriptSession();
        var (outcome, sink) = await Run.Cell(session, """
            using TorchSharp;
            var sb = new StringBuilder();
            var list = new List<int> { 3, 1, 2 }.OrderBy(v => v).ToList();
            await Task.Yield();
            torch.ones(2, 2).sum().item<float>()
            """);
        Assert.Null(sink.ErrorOutput);
        Assert.Equal(CellOutcome.Ok, outcome);
        Assert.Equal("4", sink.ResultOutput!.Data["text/plain"]);
    }

    [Fact]
    public async Task A_statement_or_a_void_call_shows_no_result()
    {
        using var session = new ScriptSession();
        Assert.Null((await Run.Cell(session, "var y = 1;")).Sink.ResultOutput);
        Assert.Null((await Run.Cell(session, "Console.WriteLine(y)")).Sink.ResultOutput);
        Assert.Equal("<null>", (await Run.Cell(session, "(string?)null")).Sink.ResultOutput!.Data["text/plain"]);
    }

    [Fact]
    public async Task Console_output_and_error_are_streamed_per_cell()
    {
        using var session = new ScriptSession();
        var (_, sink) = await Run.Cell(session, """
            Console.WriteLine("hello");
            Console.Error.WriteLine("careful");
            Console.Write("no newline");
            """);
        Assert.Equal("hello\nno newline", sink.StdOut);
        Assert.Equal("careful\n", sink.StdErr);
    }

    [Fact]
    public async Task Concurrent_sessions_keep_their_console_output_apart()
    {
        using var a = new ScriptSession();
        using var b = new ScriptSession();
        var runs = await Task.WhenAll(
            Run.Cell(a, "for (var i = 0; i < 200; i++) Console.WriteLine(\"a\");"),
            Run.Cell(b, "for (var i = 0; i < 200; i++) Console.WriteLine(\"b\");"));
        Assert.Equal(string.Concat(Enumerable.Repeat("a\n", 200)), runs[0].Sink.StdOut);
        Assert.Equal(string.Concat(Enumerable.Repeat("b\n", 200)), runs[1].Sink.StdOut);
    }

    [Fact]
    public async Task Compile_errors_give_cell_relative_line_and_column()
    {
        using var session = new ScriptSession();
        await Run.Cell(session, "var a = 1;\nvar b = 2;\nvar c = 3;");
        var (outcome, sink) = await Run.Cell(session, "#!time\nvar ok = 1;\n    undefinedName++;");
        Assert.Equal(CellOutcome.Error, outcome);
        var error = sink.ErrorOutput!.Value;
        Assert.Equal("CompilationErrorException", error.Name);
        Assert.Contains("(3,5): error CS0103: The name 'undefinedName' does not exist in the current context", error.Value);
    }

    [Fact]
    public async Task Compile_error_inside_a_loop_is_reported_against_the_code_as_written()
    {
        using var session = new ScriptSession();
        var (_, sink) = await Run.Cell(session, "while (true) { nope(); }");
        Assert.Contains("(1,16): error CS0103", sink.ErrorOutput!.Value.Value);
    }

    [Fact]
    public async Task Runtime_exceptions_are_error_outputs_without_roslyn_internals()
    {
        using var session = new ScriptSession();
        await Run.Cell(session, "var before = 5;");
        var (outcome, sink) = await Run.Cell(session, "void Fail() => throw new InvalidOperationException(\"boom\");\nFail();");
        Assert.Equal(CellOutcome.Error, outcome);
        var (name, value, traceback) = sink.ErrorOutput!.Value;
        Assert.Equal("InvalidOperationException", name);
        Assert.Equal("boom", value);
        Assert.Equal("System.InvalidOperationException: boom", traceback[0]);
        Assert.Contains(traceback, line => line.Contains("Fail()"));
        Assert.DoesNotContain(traceback, line => line.Contains("Microsoft.CodeAnalysis"));
        // The session goes on with its state.
        Assert.Equal("5", (await Run.Cell(session, "before")).Sink.ResultOutput!.Data["text/plain"]);
    }

    [Fact]
    public async Task Interrupt_stops_a_runaway_loop_and_the_session_goes_on()
    {
        // A generous grace period: on a machine starved by other tests, the default 2 s could pass before the
        // loop's next check, and the cell would be abandoned rather than stopped.
        using var session = new ScriptSession(new ScriptSessionOptions { InterruptGracePeriod = TimeSpan.FromSeconds(30) });
        await Run.Cell(session, "var counter = 0L;");
        using var cancel = new CancellationTokenSource();
        var sink = new RecordingSink();
        var running = session.ExecuteAsync("Console.WriteLine(\"started\");\nwhile (true) { counter++; }", sink, cancel.Token);
        // Interrupt once the loop is really running (compiling can take a while on a busy machine).
        while (!sink.StdOut.Contains("started") && !running.IsCompleted) await Task.Delay(20);
        cancel.Cancel();
        var outcome = await running;
        Assert.Equal(CellOutcome.Cancelled, outcome);
        Assert.Equal("OperationCanceledException", sink.ErrorOutput!.Value.Name);
        Assert.DoesNotContain("background", sink.ErrorOutput!.Value.Value);
        var after = await Run.Cell(session, "counter > 0");
        Assert.Equal("True", after.Sink.ResultOutput!.Data["text/plain"]);
    }

    [Fact]
    public async Task Interrupt_abandons_a_cell_blocked_outside_its_own_code()
    {
        using var session = new ScriptSession(new ScriptSessionOptions { InterruptGracePeriod = TimeSpan.FromMilliseconds(200) });
        using var cancel = new CancellationTokenSource();
        var sink = new RecordingSink();
        var running = session.ExecuteAsync("Console.WriteLine(\"sleeping\");\nSystem.Threading.Thread.Sleep(5000);", sink, cancel.Token);
        while (!sink.StdOut.Contains("sleeping") && !running.IsCompleted) await Task.Delay(20);
        cancel.Cancel();
        var outcome = await running;
        Assert.Equal(CellOutcome.Cancelled, outcome);
        Assert.Contains("background", sink.ErrorOutput!.Value.Value);
        Assert.Equal("3", (await Run.Cell(session, "1 + 2")).Sink.ResultOutput!.Data["text/plain"]);
    }

    [Fact]
    public async Task An_abandoned_cell_that_finishes_later_does_not_replace_the_session_state()
    {
        using var session = new ScriptSession(new ScriptSessionOptions { InterruptGracePeriod = TimeSpan.FromMilliseconds(200) });
        using var cancel = new CancellationTokenSource();
        var abandonedSink = new RecordingSink();
        // The cell waits in library code (SpinUntil, no loop of its own to stop) until the test lets it go.
        var gate = Path.Combine(Run.TempFolder(), "go");
        var abandoned = session.ExecuteAsync(
            $"Console.WriteLine(\"waiting\");\nSystem.Threading.SpinWait.SpinUntil(() => System.IO.File.Exists(@\"{gate}\"));\nvar late = 1;\nConsole.WriteLine(\"woke\");",
            abandonedSink, cancel.Token);
        while (!abandonedSink.StdOut.Contains("waiting") && !abandoned.IsCompleted) await Task.Delay(20);
        cancel.Cancel();
        Assert.Equal(CellOutcome.Cancelled, await abandoned);

        Assert.Equal(CellOutcome.Ok, (await Run.Cell(session, "var kept = 2;")).Outcome);
        // The abandoned cell now finishes in the background; what it ran must not become the state the next
        // cells continue ("its results are not kept"), or kept would be gone.
        File.WriteAllText(gate, "");
        while (!abandonedSink.StdOut.Contains("woke")) await Task.Delay(20);
        await Task.Delay(500); // the cell's last steps after its output: flush, and (before the fix) taking over the state
        var after = await Run.Cell(session, "kept + 1");
        Assert.Equal(CellOutcome.Ok, after.Outcome);
        Assert.Equal("3", after.Sink.ResultOutput!.Data["text/plain"]);
    }

    [Fact]
    public void Is_complete_follows_roslyn()
    {
        using var session = new ScriptSession();
        Assert.Equal(CompletenessStatus.Complete, session.IsComplete("var x = 1;"));
        Assert.Equal(CompletenessStatus.Incomplete, session.IsComplete("if (true) {"));
        Assert.Equal(CompletenessStatus.Invalid, session.IsComplete("#!nonsense"));
    }

    [Fact]
    public async Task Completion_knows_earlier_cells_and_members()
    {
        using var session = new ScriptSession();
        await Run.Cell(session, "var learningRate = 0.1; var list = new List<int>();");
        var names = await session.CompleteAsync("learn", 5, CancellationToken.None);
        Assert.Contains("learningRate", names.Matches);
        Assert.Equal(0, names.CursorStart);
        var members = await session.CompleteAsync("list.Ad", 7, CancellationToken.None);
        Assert.Contains("Add", members.Matches);
        Assert.Contains("AddRange", members.Matches);
        Assert.Equal(5, members.CursorStart);
        var statics = await session.CompleteAsync("Math.Sq", 7, CancellationToken.None);
        Assert.Equal(["Sqrt"], statics.Matches);
    }

    [Fact]
    public async Task Inspect_gives_signature_and_summary()
    {
        using var session = new ScriptSession();
        var text = await session.InspectAsync("TorchSharp.torch.ones(2)", 20, CancellationToken.None);
        Assert.NotNull(text);
        Assert.Contains("ones(", text);
        var display = await session.InspectAsync("display(1)", 3, CancellationToken.None);
        Assert.Contains("Shows", display);
    }
}
