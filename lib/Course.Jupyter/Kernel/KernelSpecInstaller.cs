using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Jupyter.Kernel;

/// <summary>
/// Writes the kernelspec (kernels/.net-csharp/kernel.json) that makes Jupyter front ends (JupyterLab,
/// VS Code's Jupyter extension, nbclient) list and start this kernel.
/// </summary>
public static class KernelSpecInstaller
{
    /// <summary>The kernelspec folder under <paramref name="kernelsDirectory"/>, with kernel.json and a logo.</summary>
    public static string Install(string kernelsDirectory, string kernelDllPath)
    {
        var folder = Path.Combine(kernelsDirectory, KernelInfo.KernelSpecName);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "kernel.json"), KernelJson(kernelDllPath).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        File.WriteAllBytes(Path.Combine(folder, "logo-64x64.png"), KernelLogo.Png(64));
        File.WriteAllBytes(Path.Combine(folder, "logo-32x32.png"), KernelLogo.Png(32));
        return folder;
    }

    public static JsonObject KernelJson(string kernelDllPath) => new()
    {
        ["argv"] = new JsonArray("dotnet", Path.GetFullPath(kernelDllPath), "kernel", "-f", "{connection_file}"),
        ["display_name"] = KernelInfo.DisplayName,
        ["language"] = KernelInfo.Language,
        // Interrupts arrive as interrupt_request on the control channel, not as SIGINT (which would end a .NET process).
        ["interrupt_mode"] = "message",
        ["metadata"] = new JsonObject { ["debugger"] = false },
    };

    /// <summary>Jupyter's per-user data folder, as jupyter_core computes it (JUPYTER_DATA_DIR wins).</summary>
    public static string UserKernelsDirectory()
    {
        var overridden = Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR");
        if (!string.IsNullOrEmpty(overridden)) return Path.Combine(overridden, "kernels");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows())
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter", "kernels");
        if (OperatingSystem.IsMacOS()) return Path.Combine(home, "Library", "Jupyter", "kernels");
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        return Path.Combine(string.IsNullOrEmpty(xdg) ? Path.Combine(home, ".local", "share") : xdg, "jupyter", "kernels");
    }

    public static string PrefixKernelsDirectory(string prefix) => Path.Combine(Path.GetFullPath(prefix), "share", "jupyter", "kernels");

    /// <summary>
    /// sys.prefix of the Python that runs Jupyter: the interpreter named by the `jupyter` script's shebang
    /// when `jupyter` is on PATH, otherwise Debian's /usr/bin/python3 (sys.prefix /usr), otherwise python3.
    /// </summary>
    public static string SysPrefixKernelsDirectory() => PrefixKernelsDirectory(PythonSysPrefix(FindJupyterPython()));

    private static string FindJupyterPython()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var script = Path.Combine(directory, "jupyter");
            if (!File.Exists(script)) continue;
            using var reader = new StreamReader(script);
            var firstLine = reader.ReadLine() ?? "";
            if (firstLine.StartsWith("#!", StringComparison.Ordinal))
            {
                var interpreter = firstLine[2..].Trim().Split(' ')[0];
                if (File.Exists(interpreter) && !interpreter.EndsWith("/env", StringComparison.Ordinal)) return interpreter;
            }
        }
        return File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    }

    private static string PythonSysPrefix(string python)
    {
        var start = new ProcessStartInfo(python, ["-c", "import sys; print(sys.prefix)"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {python}");
            var prefix = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            if (process.ExitCode != 0 || prefix.Length == 0) throw new InvalidOperationException($"{python} did not report sys.prefix");
            return prefix;
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException($"--sys-prefix needs the Python that runs Jupyter, and {python} cannot be started: {exception.Message}; use --user or --prefix DIR", exception);
        }
    }
}
