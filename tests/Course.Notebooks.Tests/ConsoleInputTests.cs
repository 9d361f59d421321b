using Course.Notebooks.Execution;

namespace Course.Notebooks.Tests;

public class ConsoleInputTests
{
    [Fact]
    public async Task Console_ReadLine_asks_the_front_end_with_the_unfinished_line_as_prompt()
    {
        using var session = new ScriptSession();
        var sink = new AnsweringSink("Ada");

        var outcome = await session.ExecuteAsync("""
            Console.Write("Name: ");
            var name = Console.ReadLine();
            Console.WriteLine($"Hello {name}");
            """, sink, CancellationToken.None);

        Assert.Equal(CellOutcome.Ok, outcome);
        Assert.Equal(["Name: "], sink.Prompts);
        Assert.Equal("Hello Ada\n", sink.StdOut);
    }

    [Fact]
    public async Task Console_Read_hands_out_an_answered_line_character_by_character()
    {
        using var session = new ScriptSession();
        var sink = new AnsweringSink("xyz");

        var outcome = await session.ExecuteAsync("""
            var first = (char)Console.Read();
            Console.WriteLine($"{first}|{Console.ReadLine()}");
            """, sink, CancellationToken.None);

        Assert.Equal(CellOutcome.Ok, outcome);
        Assert.Single(sink.Prompts);
        Assert.Equal("x|yz\n", sink.StdOut);
    }

    [Fact]
    public async Task A_front_end_that_refuses_input_keeps_the_prompt_in_the_output()
    {
        using var session = new ScriptSession();
        var sink = new RefusingSink();

        var outcome = await session.ExecuteAsync("""Console.Write("Name: "); var line = Console.ReadLine();""", sink, CancellationToken.None);

        Assert.Equal(CellOutcome.Error, outcome);
        Assert.Equal("Name: ", sink.StdOut);
        Assert.Contains("allow_stdin", sink.ErrorOutput!.Value.Value);
    }

    /// <summary>Jupyter's sink when the execute_request says allow_stdin false.</summary>
    private sealed class RefusingSink : RecordingSink, IInputSource
    {
        public string ReadLine(string prompt, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("no input: allow_stdin is false");
    }

    [Fact]
    public async Task Console_ReadLine_fails_clearly_where_nobody_can_answer()
    {
        using var session = new ScriptSession();

        var (outcome, sink) = await Run.Cell(session, """Console.Write("Name: "); var line = Console.ReadLine();""");

        Assert.Equal(CellOutcome.Error, outcome);
        Assert.Equal("Name: ", sink.StdOut);
        Assert.Equal("InvalidOperationException", sink.ErrorOutput!.Value.Name);
        Assert.Contains("does not answer input requests", sink.ErrorOutput!.Value.Value);
    }
}
