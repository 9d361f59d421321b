using Course.Notebooks.Execution;

namespace Course.Notebooks.Tests;

/// <summary>What a learner sees when a cell meets bad input from outside: a message naming the file or the
/// package, and a session that goes on with its variables.</summary>
public class BadInputInCellsTests
{
    [Fact]
    public async Task A_corrupt_model_file_is_a_clear_error_and_the_session_goes_on()
    {
        var folder = Run.TempFolder();
        File.WriteAllText(Path.Combine(folder, "model.bin"), "not a model");
        using var session = new ScriptSession(new ScriptSessionOptions { BaseDirectory = folder });
        Assert.Equal(CellOutcome.Ok, (await Run.Cell(session, "var model = TorchSharp.torch.nn.Linear(2, 2); var kept = 7;")).Outcome);

        var (outcome, sink) = await Run.Cell(session, "Course.Training.ModelFile.Load(model, System.IO.Path.GetFullPath(\"model.bin\"));");

        Assert.Equal(CellOutcome.Error, outcome);
        Assert.Equal("InvalidDataException", sink.ErrorOutput!.Value.Name);
        Assert.Contains(Path.Combine(folder, "model.bin"), sink.ErrorOutput!.Value.Value);
        Assert.Equal("7", (await Run.Cell(session, "kept")).Sink.ResultOutput!.Data["text/plain"]);
    }

    [Fact]
    public async Task A_missing_data_set_names_where_it_looked_and_the_session_goes_on()
    {
        var folder = Run.TempFolder();
        using var session = new ScriptSession(new ScriptSessionOptions { BaseDirectory = folder });

        var (outcome, sink) = await Run.Cell(session, $"Course.Data.MNIST(root: @\"{folder}\")");

        Assert.Equal(CellOutcome.Error, outcome);
        Assert.Equal("FileNotFoundException", sink.ErrorOutput!.Value.Name);
        Assert.Contains(folder, sink.ErrorOutput!.Value.Value);
        Assert.Contains("There is no Debian package for mnist", sink.ErrorOutput!.Value.Value);
        Assert.Equal("2", (await Run.Cell(session, "1 + 1")).Sink.ResultOutput!.Data["text/plain"]);
    }
}
