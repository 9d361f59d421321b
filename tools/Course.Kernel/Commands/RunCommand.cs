using System.CommandLine;
using System.Globalization;
using Course.Notebooks.Runner;

namespace Course.Kernel.Commands;

/// <summary>
/// <c>run &lt;notebooks or folders...&gt;</c>: executes notebooks headlessly, writes executed copies, prints
/// "PASS path (12.3 s)" or "FAIL path cell 7: error" per notebook and exits with 1 when a cell failed.
/// This is the README's "run the course" command.
/// </summary>
internal static class RunCommand
{
    /// <summary>Notebooks read this to shrink data and epochs (set by --quick).</summary>
    public const string QuickVariable = "COURSE_QUICK";

    public static Command Create()
    {
        var paths = new Argument<string[]>("notebooks")
        {
            Description = "Notebooks (.ipynb) or folders to search for them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--output", "-o")
        {
            Description = "Folder for the executed copies.",
            DefaultValueFactory = _ => Path.Combine("artifacts", "executed"),
        };
        var keepGoing = new Option<bool>("--keep-going", "-k") { Description = "Run the remaining cells and notebooks after a failure." };
        var quick = new Option<bool>("--quick", "-q") { Description = $"Set {QuickVariable}=1 so notebooks use less data and fewer epochs." };
        var timeout = new Option<double?>("--timeout") { Description = "Seconds one cell may run before it is interrupted and fails." };
        var command = new Command("run", "Execute notebooks and write executed copies with their outputs.")
        {
            paths, output, keepGoing, quick, timeout,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(paths),
            new RunnerOptions
            {
                OutputDirectory = parse.GetRequiredValue(output),
                KeepGoing = parse.GetValue(keepGoing),
                CellTimeout = parse.GetValue(timeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            },
            parse.GetValue(quick),
            parse.InvocationConfiguration.Output,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, RunnerOptions options, bool quick, TextWriter log,
        CancellationToken cancellationToken)
    {
        if (quick) Environment.SetEnvironmentVariable(QuickVariable, "1");
        IReadOnlyList<string> notebooks;
        try
        {
            notebooks = NotebookRunner.FindNotebooks(paths, exclude: options.OutputDirectory);
        }
        catch (FileNotFoundException e)
        {
            await log.WriteLineAsync(e.Message);
            return 2;
        }
        if (notebooks.Count == 0)
        {
            await log.WriteLineAsync("No notebooks found in " + string.Join(", ", paths) + ".");
            return 2;
        }

        var failed = 0;
        foreach (var notebook in notebooks)
        {
            var result = await NotebookRunner.RunAsync(notebook, options, cancellationToken);
            var seconds = result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
            if (result.Passed)
            {
                await log.WriteLineAsync($"PASS {notebook} ({seconds} s)");
                continue;
            }
            failed++;
            var where = result.FailedCell is { } cell ? $" cell {cell}" : "";
            await log.WriteLineAsync($"FAIL {notebook}{where}: {result.Error} ({seconds} s)");
            if (!options.KeepGoing || cancellationToken.IsCancellationRequested) break;
        }
        await log.WriteLineAsync($"{notebooks.Count} notebook(s): {failed} failed. Executed copies in {options.OutputDirectory}.");
        return failed == 0 ? 0 : 1;
    }
}
