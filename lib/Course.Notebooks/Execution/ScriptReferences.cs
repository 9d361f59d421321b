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
            .AddReferences(assemblies.Select(WithDocumentation))
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(baseDirectory))
            .WithSourceResolver(new SourceFileResolver([], baseDirectory))
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithEmitDebugInformation(true)
            .WithAllowUnsafe(true);
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
