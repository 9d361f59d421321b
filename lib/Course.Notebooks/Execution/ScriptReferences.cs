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
    /// The parts of the framework a notebook reaches for without thinking of #r (Roslyn's own default set lacks
    /// even System.Linq). Not the whole shared framework: binding its ~170 assemblies made the first cell about
    /// 2 s slower here; anything else in the BCL is one <c>#r "System.Xyz.dll"</c> away.
    /// </summary>
    private static readonly string[] FrameworkAssemblyNames =
    [
        "System.Runtime", "System.Private.CoreLib", "netstandard", "System.Collections", "System.Collections.Concurrent",
        "System.Console", "System.Linq", "System.Linq.Expressions", "System.Memory", "System.Threading",
        "System.Threading.Tasks.Parallel", "System.Text.RegularExpressions", "System.Text.Json", "System.Net.Http",
        "System.Net.Primitives", "System.Runtime.Numerics", "System.Numerics.Vectors", "System.IO.Compression",
        "System.Diagnostics.Process", "System.ComponentModel.Primitives", "System.Private.Uri",
        "System.Security.Cryptography",
        "System.Runtime.InteropServices", "System.ObjectModel", "System.Web.HttpUtility", "Microsoft.CSharp",
    ];

    private static IEnumerable<string> FrameworkAssemblies()
    {
        var folder = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return FrameworkAssemblyNames.Select(name => Path.Combine(folder, name + ".dll")).Where(File.Exists);
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
