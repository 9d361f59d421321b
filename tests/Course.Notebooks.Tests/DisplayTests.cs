using Course.Notebooks.Execution;

namespace Course.Notebooks.Tests;

public class DisplayTests
{
    [Fact]
    public async Task Display_returns_a_handle_whose_updates_carry_the_same_display_id()
    {
        using var session = new ScriptSession();
        var (outcome, sink) = await Run.Cell(session, """
            var handle = display("first");
            handle.Update("second");
            """);
        Assert.Equal(CellOutcome.Ok, outcome);
        var shown = Assert.Single(sink.Displays);
        var update = Assert.Single(sink.Updates);
        Assert.Equal("first", shown.Data["text/plain"]);
        Assert.Equal("second", update.Data["text/plain"]);
        Assert.NotNull(shown.DisplayId);
        Assert.Equal(shown.DisplayId, update.DisplayId);

        // A later cell can update the display of an earlier one.
        var later = await Run.Cell(session, "handle.Update(3)");
        Assert.Equal(shown.DisplayId, Assert.Single(later.Sink.Updates).DisplayId);
    }

    [Fact]
    public async Task Display_extension_DisplayAs_and_HTML()
    {
        using var session = new ScriptSession();
        var (outcome, sink) = await Run.Cell(session, """
            42.Display();
            "<b>bold</b>".DisplayAs("text/html");
            display(HTML("<i>markup</i>"));
            HTML("<p>result</p>")
            """);
        Assert.Equal(CellOutcome.Ok, outcome);
        var displays = sink.Displays.ToList();
        Assert.Equal("42", displays[0].Data["text/plain"]);
        Assert.Equal(new Dictionary<string, string> { ["text/html"] = "<b>bold</b>" }, displays[1].Data);
        Assert.Equal("<i>markup</i>", displays[2].Data["text/html"]);
        Assert.Equal("<p>result</p>", sink.ResultOutput!.Data["text/html"]);
    }

    [Fact]
    public async Task Preferred_mime_types_are_honoured()
    {
        using var session = new ScriptSession();
        var (_, sink) = await Run.Cell(session, "display(new[] { 1, 2, 3 }, \"text/plain\");");
        var data = Assert.Single(sink.Displays).Data;
        Assert.Equal(["text/plain"], data.Keys);
        Assert.Equal("[ 1, 2, 3 ]", data["text/plain"]);
    }

    [Fact]
    public async Task Output_order_is_kept_between_console_and_displays()
    {
        using var session = new ScriptSession();
        var (_, sink) = await Run.Cell(session, "Console.Write(\"before \"); display(1); Console.WriteLine(\"after\");");
        Assert.Equal(["stdout", "display", "stdout"], sink.Events.Select(e => e.Kind));
    }

    [Fact]
    public async Task Collections_and_objects_are_tables_not_type_names()
    {
        using var session = new ScriptSession();
        await Run.Cell(session, "record Pet(string Name, int Age);");
        var pets = (await Run.Cell(session, "new List<Pet> { new(\"Rex\", 3), new(\"Tom\", 5) }")).Sink.ResultOutput!;
        Assert.Contains("<th>Name</th>", pets.Data["text/html"]);
        Assert.Contains("<td>Rex</td>", pets.Data["text/html"]);
        Assert.Equal("[ Pet { Name = Rex, Age = 3 }, Pet { Name = Tom, Age = 5 } ]", pets.Data["text/plain"]);

        var plain = (await Run.Cell(session, "class Box { public int Width { get; set; } = 2; public string Label = \"b\"; }\nnew Box()")).Sink.ResultOutput!;
        Assert.Contains("<th>Width</th>", plain.Data["text/html"]);
        Assert.Contains("<td>2</td>", plain.Data["text/html"]);
        Assert.Equal("Box { Width = 2, Label = b }", plain.Data["text/plain"]);

        var numbers = (await Run.Cell(session, "Enumerable.Range(0, 30)")).Sink.ResultOutput!;
        Assert.Contains("... (more)", numbers.Data["text/plain"]);
    }

    [Fact]
    public async Task Tensors_show_as_TorchSharp_formats_them()
    {
        using var session = new ScriptSession();
        var (_, sink) = await Run.Cell(session, "using static TorchSharp.torch;\ntensor(new float[] { 1, 2, 3, 4 }).reshape(2, 2)");
        var data = sink.ResultOutput!.Data;
        Assert.Equal("[2x2], type = Float32, device = cpu\n 1 2\n 3 4\n", data["text/plain"]);
        Assert.Equal("<div><pre>[2x2], type = Float32, device = cpu\n 1 2\n 3 4\n</pre></div>", data["text/html"]);
    }
}
