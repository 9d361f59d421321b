using System.Runtime.CompilerServices;

namespace Course.Native;

/// <summary>
/// Compiled into every program and test project of this repository that references the course library
/// (Directory.Build.targets), so TorchSharp loads in them with nothing done by hand: a module initializer runs
/// before the program's first line, hence before its first TorchSharp call.
/// </summary>
internal static class TorchSharpStartup
{
    [ModuleInitializer]
    internal static void PrepareTorchSharp() => TorchSharpLoader.TryPrepare();
}
