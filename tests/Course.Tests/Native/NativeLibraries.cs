using Course.Native;

namespace Course.Tests.Native;

/// <summary>The real files the native-loading tests read: TorchSharp's library as shipped, and this system's libstdc++.</summary>
internal static class NativeLibraries
{
    /// <summary>libLibTorchSharp.so in the NuGet cache (the build copies it unchanged next to each program).</summary>
    public static string ShippedLibTorchSharp { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages
            ? packages
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
        "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", TorchSharpNativeFiles.LibTorchSharpFile);

    public const string SystemLibStdCxx = "/usr/lib/x86_64-linux-gnu/libstdc++.so.6";

    /// <summary>Debian 12's libstdc++ is GCC 12's: it defines versions up to GLIBCXX_3.4.30.</summary>
    public static bool IsDebian12 { get; } = File.Exists("/etc/os-release")
        && File.ReadAllLines("/etc/os-release") is var lines
        && lines.Contains("ID=debian") && lines.Contains("VERSION_ID=\"12\"");

    public static ElfVersions ReadShipped()
    {
        Assert.True(File.Exists(ShippedLibTorchSharp), $"{ShippedLibTorchSharp} is missing: restore the course (dotnet restore).");
        return ElfVersions.Read(ShippedLibTorchSharp);
    }

    public static HashSet<string> SystemDefinitions() => [.. ElfVersions.Read(SystemLibStdCxx).Definitions];

    /// <summary>The versions the shipped library requires of <paramref name="file"/>.</summary>
    public static IEnumerable<ElfVersions.Requirement> Of(this ElfVersions library, string file) =>
        library.Requirements.Where(r => r.File == file);
}
