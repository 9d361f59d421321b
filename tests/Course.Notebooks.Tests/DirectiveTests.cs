using Course.Notebooks.Execution;

namespace Course.Notebooks.Tests;

public class DirectiveTests
{
    [Fact]
    public async Task Reference_to_a_dll_resolves_against_the_notebook_folder()
    {
        var folder = Run.TempFolder();
        // Any real assembly does: TorchSharp's, copied next to the "notebook".
        File.Copy(typeof(TorchSharp.torch).Assembly.Location, Path.Combine(folder, "Engine.dll"));
        using var session = new ScriptSession(new ScriptSessionOptions { BaseDirectory = folder, DefaultAssemblies = [] });
        var (outcome, sink) = await Run.Cell(session, "#r \"Engine.dll\"\nTorchSharp.torch.zeros(3).numel()");
        Assert.Null(sink.ErrorOutput);
        Assert.Equal(CellOutcome.Ok, outcome);
        Assert.Equal("3", sink.ResultOutput!.Data["text/plain"]);
    }

    [Fact]
    public async Task Missing_dll_is_a_clear_error_and_the_session_goes_on()
    {
        using var session = new ScriptSession(new ScriptSessionOptions { BaseDirectory = Run.TempFolder() });
        var (outcome, sink) = await Run.Cell(session, "#r \"NotThere.dll\"\n1");
        Assert.Equal(CellOutcome.Error, outcome);
        Assert.Contains("NotThere.dll", sink.ErrorOutput!.Value.Value);
        Assert.Contains("CS0006", sink.ErrorOutput!.Value.Value);
        Assert.Equal(CellOutcome.Ok, (await Run.Cell(session, "2")).Outcome);
    }

    [Fact]
    public async Task Load_runs_a_csx_file_from_the_notebook_folder()
    {
        var folder = Run.TempFolder();
        File.WriteAllText(Path.Combine(folder, "helpers.csx"), "int Square(int v) => v * v;\nvar loadedValue = 7;\n");
        using var session = new ScriptSession(new ScriptSessionOptions { BaseDirectory = folder });
        var (outcome, sink) = await Run.Cell(session, "#load \"helpers.csx\"\nSquare(loadedValue)");
        Assert.Null(sink.ErrorOutput);
        Assert.Equal(CellOutcome.Ok, outcome);
        Assert.Equal("49", sink.ResultOutput!.Data["text/plain"]);
        Assert.Equal("49", (await Run.Cell(session, "Square(7)")).Sink.ResultOutput!.Data["text/plain"]);
    }

    [Fact]
    public async Task Relative_file_paths_resolve_against_the_notebook_folder()
    {
        var folder = Run.TempFolder();
        File.WriteAllText(Path.Combine(folder, "data.txt"), "42");
        var before = Directory.GetCurrentDirectory();
        using var session = new ScriptSession(new ScriptSessionOptions { BaseDirectory = folder });
        var (_, sink) = await Run.Cell(session, "System.IO.File.ReadAllText(\"data.txt\")");
        Assert.Null(sink.ErrorOutput);
        Assert.Equal("42", sink.ResultOutput!.Data["text/plain"]);
        Assert.Equal(before, Directory.GetCurrentDirectory());
    }

    [Fact]
    public async Task Time_reports_the_wall_time_of_the_cell()
    {
        using var session = new ScriptSession();
        var (outcome, sink) = await Run.Cell(session, "#!time\nSystem.Threading.Thread.Sleep(20);");
        Assert.Equal(CellOutcome.Ok, outcome);
        var text = Assert.Single(sink.Displays).Data["text/plain"];
        Assert.Matches(@"^Wall time: \d+\.\dms$", text);
    }

    [Fact]
    public async Task Language_magic_is_accepted()
    {
        using var session = new ScriptSession();
        var (outcome, sink) = await Run.Cell(session, "#!csharp\n1 + 1");
        Assert.Equal(CellOutcome.Ok, outcome);
        Assert.Equal("2", sink.ResultOutput!.Data["text/plain"]);
    }

    [Fact]
    public async Task Unknown_magic_is_a_clear_error_naming_it()
    {
        using var session = new ScriptSession();
        var (outcome, sink) = await Run.Cell(session, "var z = 1;\n#!fsharp\nz");
        Assert.Equal(CellOutcome.Error, outcome);
        Assert.Contains("Unknown magic command '#!fsharp'", sink.ErrorOutput!.Value.Value);
        Assert.Contains("line 2", sink.ErrorOutput!.Value.Value);
        Assert.Equal(CellOutcome.Ok, (await Run.Cell(session, "3")).Outcome);
    }

    [Fact]
    public async Task Nuget_package_that_does_not_exist_is_a_clear_error_and_the_session_goes_on()
    {
        var cache = Run.TempFolder();
        using var session = new ScriptSession(new ScriptSessionOptions { PackageCacheDirectory = cache });
        await Run.Cell(session, "var kept = 11;");
        // A local, empty package source keeps this offline and fast; the id exists nowhere.
        var (outcome, sink) = await Run.Cell(session,
            $"#i \"nuget: {Run.TempFolder()}\"\n#r \"nuget: Course.NoSuchPackage.ForTests, 1.0.0\"\nkept");
        Assert.Equal(CellOutcome.Error, outcome);
        var (name, value, _) = sink.ErrorOutput!.Value;
        Assert.Equal("NuGetRestoreError", name);
        Assert.Contains("Could not restore NuGet package Course.NoSuchPackage.ForTests 1.0.0: NU1", value);
        Assert.Equal("11", (await Run.Cell(session, "kept")).Sink.ResultOutput!.Data["text/plain"]);
    }

    [Fact]
    public void Directives_are_blanked_keeping_positions()
    {
        var parsed = CellDirectives.Parse("#!time\n#r \"nuget: Foo, 1.2.3\"\n#i \"nuget: https://example.org/v3/index.json\"\nx");
        Assert.True(parsed.Time);
        Assert.Equal(new PackageReference("Foo", "1.2.3"), Assert.Single(parsed.Packages));
        Assert.Equal("https://example.org/v3/index.json", Assert.Single(parsed.PackageSources));
        var lines = parsed.Code.Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.Equal("x", lines[3]);
        Assert.True(lines[..3].All(l => l.Trim().Length == 0));
        Assert.Equal(new PackageReference("Bar", null), CellDirectives.Parse("#r \"nuget:Bar\"").Packages.Single());
    }
}
