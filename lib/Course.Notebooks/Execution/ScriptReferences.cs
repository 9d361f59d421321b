using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Scripting;

namespace Course.Notebooks.Execution;

/// <summary>The starting imports and references of a session, as .NET Interactive's C# kernel has them.</summary>
internal static class ScriptReferences
{
    public static readonly string[] DefaultImports =
    [
        "System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq",
        // A static import: display(...), HTML(...) and the Display()/DisplayAs() extension methods.
        typeof(DisplayFunctions).FullName!,
    ];

    public static ScriptOptions Create(ScriptSessionOptions options)
    {
        var baseDirectory = options.BaseDirectory ?? Directory.GetCurrentDirectory();
        var assemblies = new List<Assembly> { typeof(DisplayFunctions).Assembly };
        foreach (var name in options.DefaultAssemblies)
        {
            try { assemblies.Add(Assembly.Load(new AssemblyName(name))); }
            catch (FileNotFoundException) { /* a host without the course libraries still runs plain C# */ }
        }
        return ScriptOptions.Default
            .WithImports(DefaultImports)
            .WithReferences(FrameworkAssemblies().Select(path => MetadataReference.CreateFromFile(path)))
            .AddReferences(assemblies.Select(WithDocumentation))
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(baseDirectory))
            .WithSourceResolver(new SourceFileResolver([], baseDirectory))
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithEmitDebugInformation(true)
            .WithAllowUnsafe(true);
    }

    /// <summary>
    /// The whole shared framework the kernel runs on, as .NET Interactive references it: Roslyn's own default set
    /// lacks assemblies such as System.Linq, and a learner should not need #r for anything in the BCL.
    /// </summary>
    private static IEnumerable<string> FrameworkAssemblies()
    {
        var folder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return Directory.EnumerateFiles(folder, "*.dll").Where(path => Path.GetFileName(path) is var name &&
            (name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard.dll" or "mscorlib.dll" or "Microsoft.CSharp.dll"
             or "Microsoft.Win32.Primitives.dll") && !name.Contains(".Native", StringComparison.Ordinal));
    }

    /// <summary>A reference that carries the assembly's XML documentation when it sits next to it (for inspect).</summary>
    public static MetadataReference WithDocumentation(Assembly assembly) => WithDocumentation(assembly.Location);

    public static MetadataReference WithDocumentation(string path)
    {
        var xml = Path.ChangeExtension(path, ".xml");
        return MetadataReference.CreateFromFile(path,
            documentation: File.Exists(xml) ? new XmlDocumentation(xml) : null);
    }
}
