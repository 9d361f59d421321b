using System.Reflection;
using System.Text.Json;
using Xunit.Abstractions;

namespace Course.Kernel.Tests;

/// <summary>
/// The course's notebooks also run in .NET Interactive 1.0.712001, the last release of Microsoft's C# kernel
/// (the local tool in .config/dotnet-tools.json, registered as the Jupyter kernel "dotnet-interactive-csharp" by
/// <c>bash tools/setup.sh --for-tests</c>): each notebook, in quick mode, through Debian's
/// <c>jupyter nbconvert --execute</c>, without an error output or a compile error.
/// </summary>
public class DotNetInteractiveNotebookTests(ITestOutputHelper output)
{
    private const string KernelName = "dotnet-interactive-csharp";
    private const string Install = "Run `bash tools/setup.sh --for-tests` (dotnet tool restore; dotnet interactive jupyter install).";

    [Fact]
    public async Task Every_course_notebook_runs_in_dotnet_interactive_in_quick_mode()
    {
        if (await ExternalPrograms.MissingPythonAsync("nbconvert", "nbclient") is { } missingPython)
        {
            ExternalPrograms.Unavailable(missingPython, output);
            return;
        }
        var root = RepositoryRoot();
        var (specExit, specs, _) = await ExternalPrograms.RunAsync(ExternalPrograms.Python, ["-m", "jupyter_client.kernelspecapp", "list"], TimeSpan.FromMinutes(1));
        var (toolExit, _, toolError) = await ExternalPrograms.RunAsync("dotnet", ["tool", "run", "dotnet-interactive", "--version"], TimeSpan.FromMinutes(1));
        if (specExit != 0 || !specs.Contains(KernelName) || toolExit != 0)
        {
            NotChecked($".NET Interactive is not set up here (kernelspec {KernelName}: {specs.Contains(KernelName)}; tool: {toolError.Trim()}).");
            return;
        }

        var failures = new List<string>();
        using var executed = new TempFolder();
        foreach (var notebook in Directory.GetFiles(Path.Combine(root, "notebooks"), "*.ipynb").Order())
        {
            var (exit, _, error) = await ExternalPrograms.RunAsync(ExternalPrograms.Python,
                ["-m", "nbconvert", "--to", "notebook", "--execute", notebook, "--output-dir", executed.Path, "--allow-errors",
                 $"--ExecutePreprocessor.kernel_name={KernelName}", "--ExecutePreprocessor.timeout=900"],
                TimeSpan.FromMinutes(20), new Dictionary<string, string> { ["COURSE_QUICK"] = "1" });
            var name = Path.GetFileName(notebook);
            if (exit != 0)
            {
                failures.Add($"{name}: nbconvert exited with {exit}: {error.Trim()}");
                continue;
            }
            failures.AddRange(ErrorsIn(Path.Combine(executed.Path, name)).Select(e => $"{name} {e}"));
            output.WriteLine($"{name}: ran in .NET Interactive");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Error outputs and compile errors (.NET Interactive writes those to stderr) per code cell.</summary>
    private static IEnumerable<string> ErrorsIn(string executedNotebook)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(executedNotebook));
        var number = 0;
        foreach (var cell in document.RootElement.GetProperty("cells").EnumerateArray())
        {
            if (cell.GetProperty("cell_type").GetString() != "code") continue;
            number++;
            foreach (var o in cell.GetProperty("outputs").EnumerateArray())
            {
                var type = o.GetProperty("output_type").GetString();
                if (type == "error")
                    yield return $"code cell {number}: {o.GetProperty("ename").GetString()}: {o.GetProperty("evalue").GetString()}";
                else if (type == "stream" && o.GetProperty("name").GetString() == "stderr" && Text(o.GetProperty("text")) is var text && text.Contains("error CS"))
                    yield return $"code cell {number}: {text.Trim()}";
            }
        }
    }

    private static string Text(JsonElement text) =>
        text.ValueKind == JsonValueKind.Array ? string.Concat(text.EnumerateArray().Select(t => t.GetString())) : text.GetString() ?? "";

    private void NotChecked(string reason)
    {
        Assert.False(Environment.GetEnvironmentVariable("CI") == "true", $"{reason} {Install}");
        output.WriteLine($"NOT CHECKED: {reason} {Install}");
    }

    private static string RepositoryRoot() =>
        typeof(DotNetInteractiveNotebookTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "RepositoryRoot").Value!;

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("course-dotnet-interactive-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
