using System.CommandLine;
using Course.Jupyter.Kernel;
using Course.Jupyter.Protocol;
using Course.Notebooks.Execution;

namespace Course.Kernel.Commands;

/// <summary>
/// <c>kernel -f &lt;connection file&gt;</c>: runs as a Jupyter kernel until a shutdown_request arrives (or the
/// process is asked to stop). Jupyter starts it through the kernelspec that <c>install</c> writes. Log lines
/// (rejected messages, dropped connections) go to stderr, which Jupyter shows in its own log.
/// </summary>
internal static class KernelCommand
{
    public static Command Create(Func<INotebookSession> sessionFactory)
    {
        var connectionFile = new Option<string>("--connection-file", "-f")
        {
            Description = "The connection file Jupyter wrote for this kernel (ports, address, signing key).",
            Required = true,
        };
        var command = new Command("kernel", "Run as a Jupyter kernel (messaging protocol 5.3).") { connectionFile };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(connectionFile), sessionFactory, parse.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string connectionFile, Func<INotebookSession> sessionFactory, TextWriter error, CancellationToken cancellationToken)
    {
        var log = TextWriter.Synchronized(error);
        ConnectionInfo connection;
        try
        {
            connection = ConnectionInfo.Load(connectionFile);
        }
        catch (InvalidDataException exception)
        {
            await log.WriteLineAsync($"kernel: {exception.Message}");
            return 2;
        }

        JupyterKernel kernel;
        try
        {
            kernel = JupyterKernel.Start(connection, sessionFactory, line => log.WriteLine($"[{KernelInfo.KernelSpecName}] {line}"));
        }
        catch (InvalidOperationException exception)
        {
            await log.WriteLineAsync($"kernel: {exception.Message}");
            return 2;
        }

        await using (kernel)
        {
            // The token fires on SIGINT/SIGTERM; front ends normally stop us with shutdown_request instead.
            var stopped = Task.Delay(Timeout.Infinite, cancellationToken);
            await Task.WhenAny(kernel.ShutdownRequested, stopped);
        }
        return 0;
    }
}
