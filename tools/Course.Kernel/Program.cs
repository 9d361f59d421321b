using System.CommandLine;
using Course.Kernel.Commands;
using Course.Notebooks.Execution;

namespace Course.Kernel;

/// <summary>
/// The course's notebook tool, one command per job. Each command is a class of its own in Commands/ with a
/// <c>Create()</c>; adding one is one line in <see cref="CreateRoot"/>.
/// </summary>
public static class Program
{
    public static Task<int> Main(string[] args) => CreateRoot().Parse(args).InvokeAsync();

    /// <summary>Runs the tool with its output going to <paramref name="output"/> (for tests).</summary>
    public static Task<int> InvokeAsync(string[] args, TextWriter output, CancellationToken cancellationToken = default) =>
        CreateRoot().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = output }, cancellationToken);

    private static RootCommand CreateRoot() => new("Runs the course's C# notebooks: headless, or as a Jupyter kernel.")
    {
        RunCommand.Create(),
        // Jupyter starts a kernel in the notebook's folder, so relative paths and #r resolve against it.
        KernelCommand.Create(() => new ScriptSession(new ScriptSessionOptions { BaseDirectory = Environment.CurrentDirectory })),
        InstallCommand.Create(),
        ExportHtmlCommand.Create(),
    };
}
