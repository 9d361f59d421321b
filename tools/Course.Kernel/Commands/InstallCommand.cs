using System.CommandLine;
using Course.Jupyter.Kernel;

namespace Course.Kernel.Commands;

/// <summary>
/// <c>install [--user | --sys-prefix | --prefix DIR]</c>: writes the kernelspec (kernels/.net-csharp) that
/// JupyterLab, VS Code's Jupyter extension and nbclient use to list and start this kernel. It points at
/// this build of the tool, so run it again after moving the repository.
/// </summary>
internal static class InstallCommand
{
    public static Command Create()
    {
        var user = new Option<bool>("--user") { Description = "Install for the current user (the default): ~/.local/share/jupyter/kernels on Linux." };
        var sysPrefix = new Option<bool>("--sys-prefix") { Description = "Install into the Python environment that runs Jupyter (sys.prefix/share/jupyter/kernels; /usr for Debian's python3)." };
        var prefix = new Option<string?>("--prefix") { Description = "Install into DIR/share/jupyter/kernels." };
        var command = new Command("install", "Install the Jupyter kernelspec for this kernel.") { user, sysPrefix, prefix };
        command.Validators.Add(result =>
        {
            int chosen = (result.GetValue(user) ? 1 : 0) + (result.GetValue(sysPrefix) ? 1 : 0) + (result.GetValue(prefix) is null ? 0 : 1);
            if (chosen > 1) result.AddError("Choose one of --user, --sys-prefix and --prefix DIR.");
        });
        command.SetAction(parse => Install(parse.GetValue(sysPrefix), parse.GetValue(prefix), parse.InvocationConfiguration.Output));
        return command;
    }

    private static int Install(bool sysPrefix, string? prefix, TextWriter output)
    {
        try
        {
            var kernels = prefix is not null ? KernelSpecInstaller.PrefixKernelsDirectory(prefix)
                : sysPrefix ? KernelSpecInstaller.SysPrefixKernelsDirectory()
                : KernelSpecInstaller.UserKernelsDirectory();
            var folder = KernelSpecInstaller.Install(kernels, typeof(InstallCommand).Assembly.Location);
            output.WriteLine($"Installed the {KernelInfo.DisplayName} kernelspec '{KernelInfo.KernelSpecName}' in {folder}");
            return 0;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            output.WriteLine($"install: {exception.Message}");
            return 1;
        }
    }
}
