using System.Collections.Concurrent;
using System.Reflection;

namespace Course.Notebooks.Display;

/// <summary>
/// Finds formatters by the TypeFormatterSource naming convention that .NET Interactive also follows:
/// an attribute whose class is named <c>TypeFormatterSourceAttribute</c> (in any namespace) with a public
/// <c>FormatterSourceType</c>; that type has a parameterless constructor and <c>CreateTypeFormatters()</c>.
/// Matching by name keeps libraries free of any dependency on a notebook package.
/// <para>
/// The attribute is looked for on the value's type, its base types and its interfaces, and also on
/// assemblies (<c>[assembly: TypeFormatterSource(typeof(X))]</c>): that second place lets a library
/// format a type it does not own, e.g. lib/Course formats the engine's Tensor, which must not depend on
/// anything above it. An assembly-level source applies to the values whose type is assignable to one
/// of its formatters' <c>Type</c>.
/// </para>
/// </summary>
internal static class TypeFormatterConvention
{
    public const string AttributeName = "TypeFormatterSourceAttribute";

    private static readonly ConcurrentDictionary<(Type Source, Type? Declaring), IReadOnlyList<ConventionFormatter>> SourceCache = new();
    private static readonly ConcurrentDictionary<Assembly, IReadOnlyList<ConventionFormatter>> AssemblyCache = new();

    /// <summary>
    /// The formatters that apply to <paramref name="type"/>, most specific source first: the type's own
    /// attribute, then its base types', its interfaces', then assembly-level sources.
    /// </summary>
    public static IReadOnlyList<ConventionFormatter> FormattersFor(Type type)
    {
        var found = new List<ConventionFormatter>();
        foreach (var candidate in TypeAndAncestors(type))
        {
            foreach (var sourceType in SourceTypesDeclaredOn(candidate.GetCustomAttributes(inherit: false)))
                found.AddRange(FormattersOf(sourceType, candidate).Where(f => f.Type.IsAssignableFrom(type)));
        }
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
            found.AddRange(AssemblyLevelFormatters(assembly).Where(f => f.Type.IsAssignableFrom(type)));
        return found;
    }

    private static IEnumerable<Type> TypeAndAncestors(Type type)
    {
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            yield return t;
        foreach (var i in type.GetInterfaces())
            yield return i;
    }

    private static IEnumerable<Type> SourceTypesDeclaredOn(IEnumerable<object> attributes)
    {
        foreach (var attribute in attributes)
        {
            var attributeType = attribute.GetType();
            if (attributeType.Name != AttributeName) continue;
            if (attributeType.GetProperty("FormatterSourceType")?.GetValue(attribute) is Type sourceType)
                yield return sourceType;
        }
    }

    private static IReadOnlyList<ConventionFormatter> AssemblyLevelFormatters(Assembly assembly) =>
        AssemblyCache.GetOrAdd(assembly, a =>
        {
            // Framework assemblies never carry the attribute; skipping them keeps the first display fast.
            if (a.IsDynamic || a.GetName().Name is { } name && (name.StartsWith("System", StringComparison.Ordinal) ||
                name.StartsWith("Microsoft", StringComparison.Ordinal) || name == "netstandard" || name == "mscorlib"))
                return [];
            object[] attributes;
            try { attributes = a.GetCustomAttributes(inherit: false); }
            catch (Exception e) when (e is FileNotFoundException or TypeLoadException) { return []; }
            return SourceTypesDeclaredOn(attributes).SelectMany(source => FormattersOf(source, declaringType: null)).ToList();
        });

    /// <summary>
    /// The source's formatters. A formatter without a <c>Type</c> formats the type that declares the source
    /// (as in .NET Interactive; TorchSharp's tensor formatters are written so).
    /// </summary>
    private static IReadOnlyList<ConventionFormatter> FormattersOf(Type sourceType, Type? declaringType) =>
        SourceCache.GetOrAdd((sourceType, declaringType), key =>
        {
            var t = key.Source;
            var create = t.GetMethod("CreateTypeFormatters", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes)
                ?? throw new InvalidOperationException($"Formatter source {t.FullName} has no public CreateTypeFormatters().");
            var source = Activator.CreateInstance(t, nonPublic: true)!;
            var formatters = create.Invoke(source, null) as System.Collections.IEnumerable
                ?? throw new InvalidOperationException($"{t.FullName}.CreateTypeFormatters() returned no sequence.");
            return formatters.Cast<object>().Select(f => ConventionFormatter.Wrap(f, key.Declaring)).ToList();
        });
}
