using System.Runtime.InteropServices;
using TorchSharp;

namespace Course.Native;

/// <summary>
/// Where TorchSharp's native files are: <c>libLibTorchSharp.so</c> (TorchSharp's C API over libtorch) and the
/// libtorch folder (<c>libc10.so</c>, <c>libtorch_cpu.so</c>, <c>libtorch.so</c>, for CUDA also <c>libtorch_cuda.so</c>).
/// A program's build output has both under runtimes/linux-x64/native; a notebook host that references
/// TorchSharp from the NuGet cache has them in two packages.
/// </summary>
public sealed record TorchSharpNativeFiles(string LibTorchSharp, string LibTorchFolder)
{
    public const string LibTorchSharpFile = "libLibTorchSharp.so";
    private const string NativeSubfolder = "runtimes/linux-x64/native";

    /// <summary>The libtorch libraries libLibTorchSharp.so links against, in the order they can load.</summary>
    public IEnumerable<string> LibTorchLibraries() =>
        new[] { "libc10.so", "libtorch_cpu.so", "libc10_cuda.so", "libtorch_cuda.so", "libtorch.so" }
            .Select(name => Path.Combine(LibTorchFolder, name))
            .Where(File.Exists);

    /// <summary>Finds the files, or says which package is missing and where it looked.</summary>
    public static TorchSharpNativeFiles Find()
    {
        // typeof does not run torch's static constructor, which would load the native library now.
        var torchSharpFolder = Path.GetDirectoryName(typeof(torch).Assembly.Location)!;
        var folders = new List<string>
        {
            Path.Combine(AppContext.BaseDirectory, NativeSubfolder),
            Path.Combine(Path.GetDirectoryName(typeof(TorchSharpNativeFiles).Assembly.Location)!, NativeSubfolder),
            Path.Combine(torchSharpFolder, NativeSubfolder),
            Path.GetFullPath(Path.Combine(torchSharpFolder, "..", "..", NativeSubfolder)), // packages/torchsharp/<v>/lib/net8.0
        };
        folders.AddRange(LibTorchPackageFolders(torchSharpFolder));

        var libTorchSharp = folders.Select(f => Path.Combine(f, LibTorchSharpFile)).FirstOrDefault(File.Exists)
            ?? throw new TorchSharpLoadException(
                $"TorchSharp's native library {LibTorchSharpFile} was found nowhere. Looked in: {string.Join(", ", folders.Distinct())}. " +
                "Restore the TorchSharp package (dotnet build of the course, or #r \"nuget: TorchSharp, 0.107.0\").");
        var libTorch = folders.FirstOrDefault(f => File.Exists(Path.Combine(f, "libtorch_cpu.so")))
            ?? throw new TorchSharpLoadException(
                $"libtorch (libtorch_cpu.so) was found nowhere. Looked in: {string.Join(", ", folders.Distinct())}. " +
                "Reference the package libtorch-cpu-linux-x64 2.10.0 (CPU) or TorchSharp-cuda-linux (NVIDIA GPUs); " +
                "the course's setup does this: bash tools/setup.sh.");
        return new TorchSharpNativeFiles(libTorchSharp, libTorch);
    }

    // In the NuGet cache: packages/libtorch-cpu-linux-x64/2.10.0/runtimes/linux-x64/native next to packages/torchsharp.
    private static IEnumerable<string> LibTorchPackageFolders(string torchSharpFolder)
    {
        var packages = Path.GetFullPath(Path.Combine(torchSharpFolder, "..", "..", "..", ".."));
        if (!Directory.Exists(packages) || !RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) return [];
        return Directory.GetDirectories(packages, "libtorch-*linux-x64*")
            .SelectMany(Directory.GetDirectories)
            .OrderByDescending(version => version, StringComparer.Ordinal)
            .Select(version => Path.Combine(version, NativeSubfolder))
            .Where(Directory.Exists);
    }
}
