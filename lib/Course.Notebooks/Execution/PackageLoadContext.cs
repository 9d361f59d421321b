using System.Reflection;
using System.Runtime.Loader;

namespace Course.Notebooks.Execution;

/// <summary>
/// The one load context of a session's <c>#r "nuget: ..."</c> assemblies. Left to itself, Roslyn's scripting
/// loads every referenced file into a context of its own, so a dependency two packages share could load twice:
/// Plotly.NET and Plotly.NET.CSharp each got their own FSharp.Core, and Plotly.NET failed on a method "not
/// found" that was there, in the other copy. Here each assembly name loads once, for every package of the
/// session; names the host itself has (the framework, TorchSharp, Course) stay the host's, so that values
/// passed between cells and the course library keep their types.
/// </summary>
internal sealed class PackageLoadContext() : AssemblyLoadContext("notebook packages", isCollectible: false)
{
    private static readonly HashSet<string> HostAssemblyNames = TrustedPlatformAssemblyNames();
    private readonly Dictionary<string, string> pathsByName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Loads a restored package's assemblies (those the session does not have yet) and returns them; an
    /// assembly whose name the host or an earlier package has is the one already there.
    /// </summary>
    public IReadOnlyList<Assembly> Add(IEnumerable<string> assemblyPaths)
    {
        var added = new List<string>();
        foreach (var path in assemblyPaths)
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (IsHostAssembly(name) || !pathsByName.TryAdd(name, path)) continue;
            added.Add(name);
        }
        // Only once every path is known: loading one may pull in another of the same package.
        return added.Select(name => LoadFromAssemblyName(new AssemblyName(name))).ToList();
    }

    protected override Assembly? Load(AssemblyName assemblyName) =>
        assemblyName.Name is { } name && !IsHostAssembly(name) && pathsByName.TryGetValue(name, out var path)
            ? LoadFromAssemblyPath(path)
            : null; // the default context: the framework and the host's own assemblies

    private static bool IsHostAssembly(string name) =>
        HostAssemblyNames.Contains(name) || Default.Assemblies.Any(a => string.Equals(a.GetName().Name, name, StringComparison.OrdinalIgnoreCase));

    private static HashSet<string> TrustedPlatformAssemblyNames() =>
        new((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(Path.GetFileNameWithoutExtension)!, StringComparer.OrdinalIgnoreCase);
}
