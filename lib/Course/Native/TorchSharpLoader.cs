using System.Runtime.InteropServices;
using TorchSharp;

namespace Course.Native;

/// <summary>What <see cref="TorchSharpLoader"/> found and did, for chapter 00's environment report.</summary>
public sealed record TorchSharpLoadReport(LibStdCxxVerdict Verdict, string LibTorchSharp, string? LibStdCxx, IReadOnlyList<string> Missing)
{
    public override string ToString() => Verdict switch
    {
        LibStdCxxVerdict.LoadAsShipped => $"{LibTorchSharp} as shipped",
        _ => $"{LibTorchSharp} (a copy that requires {string.Join(", ", Missing)} weakly: {LibStdCxx} lacks it)",
    };
}

/// <summary>
/// Makes TorchSharp's native library load on every Linux the course supports, then leaves the loading to
/// TorchSharp. On a system whose libstdc++ lacks GLIBCXX_3.4.32 (Debian 12, Ubuntu 22.04) it writes a copy of
/// <c>libLibTorchSharp.so</c> that requires that version weakly (see <see cref="LibStdCxxCompatibility"/>) next to
/// the course library, never into the NuGet cache, and loads libtorch and that copy by path. The dynamic loader
/// then answers TorchSharp's own request for the library (by its soname) with the copy. Systems that do not need
/// it are left alone. Every program in this repository that references the course library runs
/// <see cref="TryPrepare"/> at start-up (Directory.Build.targets); a notebook calls <see cref="EnsureLoaded"/>.
/// </summary>
public static class TorchSharpLoader
{
    private const string CopyFolderName = "torchsharp-native";
    private static readonly Lock Gate = new();
    private static TorchSharpLoadReport? _report;
    private static TorchSharpLoadException? _failure;

    /// <summary>
    /// Prepares the native library if needed and initialises TorchSharp on the CPU. Throws
    /// <see cref="TorchSharpLoadException"/> with a message saying why it cannot load and what to install.
    /// </summary>
    public static TorchSharpLoadReport EnsureLoaded()
    {
        var report = Prepare();
        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
        }
        catch (Exception e) when (e is DllNotFoundException or NotSupportedException or TypeInitializationException or EntryPointNotFoundException)
        {
            throw new TorchSharpLoadException(
                $"TorchSharp could not load its native library ({report.LibTorchSharp}): {Innermost(e).Message.Split('\n')[0]} " +
                "The course needs the packages TorchSharp 0.107.0 and libtorch-cpu-linux-x64 2.10.0 (or TorchSharp-cuda-linux on " +
                "NVIDIA GPUs) on 64-bit Linux with glibc 2.34 or newer (Debian 12, Ubuntu 22.04 and later); bash tools/setup.sh restores them.", e);
        }
        return report;
    }

    /// <summary>At start-up: prepares what it can and never throws (the error comes from <see cref="EnsureLoaded"/>).</summary>
    public static void TryPrepare()
    {
        try { Prepare(); }
        catch (TorchSharpLoadException) { /* reported by EnsureLoaded, or by TorchSharp at its first call */ }
    }

    /// <summary>Runs once per process; later calls return the first call's report or rethrow its failure.</summary>
    public static TorchSharpLoadReport Prepare()
    {
        lock (Gate)
        {
            if (_failure is not null) throw _failure;
            if (_report is not null) return _report;
            try
            {
                return _report = PrepareOnce();
            }
            catch (Exception e) when (e is TorchSharpLoadException or IOException or UnauthorizedAccessException or InvalidDataException or DllNotFoundException)
            {
                throw _failure = e as TorchSharpLoadException ?? new TorchSharpLoadException($"TorchSharp's native library could not be prepared: {e.Message}", e);
            }
        }
    }

    private static TorchSharpLoadReport PrepareOnce()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || RuntimeInformation.ProcessArchitecture != Architecture.X64)
            return new TorchSharpLoadReport(LibStdCxxVerdict.LoadAsShipped, "TorchSharp's native library", null, []);
        var files = TorchSharpNativeFiles.Find();
        var libStdCxx = LoadedLibStdCxx();
        var plan = Plan(files, ElfVersions.Read(libStdCxx).Definitions.ToHashSet(), libStdCxx, CopyFolder());
        if (plan.Verdict == LibStdCxxVerdict.LoadWeakenedCopy)
        {
            foreach (var library in files.LibTorchLibraries()) NativeLibrary.Load(library);
            NativeLibrary.Load(plan.LibTorchSharp);
        }
        return plan;
    }

    /// <summary>
    /// Decides how the library loads against a libstdc++ that defines <paramref name="libStdCxxDefines"/> and, when a
    /// weakened copy is needed, writes it into <paramref name="copyFolder"/> (again only if the original changed).
    /// </summary>
    internal static TorchSharpLoadReport Plan(TorchSharpNativeFiles files, IReadOnlySet<string> libStdCxxDefines, string libStdCxx, string copyFolder)
    {
        var shipped = ElfVersions.Read(files.LibTorchSharp);
        var (verdict, missing) = LibStdCxxCompatibility.Decide(shipped.Requirements, libStdCxxDefines);
        switch (verdict)
        {
            case LibStdCxxVerdict.LoadAsShipped:
                return new TorchSharpLoadReport(verdict, files.LibTorchSharp, libStdCxx, missing);
            case LibStdCxxVerdict.Unsupported:
                throw new TorchSharpLoadException(
                    $"{files.LibTorchSharp} needs {string.Join(", ", missing)} of libstdc++, which {libStdCxx} lacks. " +
                    "Use a system with GCC 13's libstdc++ or newer (Debian 13, Ubuntu 24.04), or install a newer libstdc++6.");
        }
        var copy = Path.Combine(copyFolder, TorchSharpNativeFiles.LibTorchSharpFile);
        var original = new FileInfo(files.LibTorchSharp);
        var existing = new FileInfo(copy);
        if (!existing.Exists || existing.Length != original.Length || existing.LastWriteTimeUtc < original.LastWriteTimeUtc)
        {
            Directory.CreateDirectory(copyFolder);
            shipped.WriteWithWeakRequirement(LibStdCxxCompatibility.LibStdCxx, LibStdCxxCompatibility.MarkerVersion, copy);
        }
        return new TorchSharpLoadReport(verdict, copy, libStdCxx, missing);
    }

    /// <summary>The libstdc++ this process uses: the one the dynamic loader finds, as mapped into memory.</summary>
    private static string LoadedLibStdCxx()
    {
        NativeLibrary.Load(LibStdCxxCompatibility.LibStdCxx);
        return File.ReadLines("/proc/self/maps")
            .Select(line => line[(line.IndexOf('/') is var slash and >= 0 ? slash : line.Length)..])
            .FirstOrDefault(path => Path.GetFileName(path).StartsWith("libstdc++.so", StringComparison.Ordinal))
            ?? throw new TorchSharpLoadException("libstdc++.so.6 loaded but is not in /proc/self/maps; cannot check its versions.");
    }

    // Next to the course library (inside the project's build output); the temporary folder if that is read-only.
    private static string CopyFolder()
    {
        var beside = Path.Combine(Path.GetDirectoryName(typeof(TorchSharpLoader).Assembly.Location)!, CopyFolderName);
        try
        {
            Directory.CreateDirectory(beside);
            var probe = Path.Combine(beside, ".writable-" + Environment.ProcessId);
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return beside;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Path.Combine(Path.GetTempPath(), $"course-{CopyFolderName}-{Environment.UserName}");
        }
    }

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
