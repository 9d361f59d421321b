namespace Course.Display;

/// <summary>
/// Names the class that creates display formatters, by the convention .NET Interactive introduced:
/// notebook runtimes find an attribute class NAMED TypeFormatterSourceAttribute and read
/// <see cref="FormatterSourceType"/> by reflection, so the course library needs no compile-time
/// dependency on any runtime, and our kernel and a still-installed .NET Interactive both render the
/// course's types. On a type it covers that type; on an assembly it covers the types its formatters
/// declare, which is how this library formats the engine's Tensor without the engine knowing about notebooks.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Assembly,
    AllowMultiple = true, Inherited = true)]
public sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    /// <summary>A class with a parameterless constructor and a <c>CreateTypeFormatters()</c> method.</summary>
    public Type FormatterSourceType { get; } = formatterSourceType;

    /// <summary>The MIME types a front end should prefer, best first.</summary>
    public string[]? PreferredMimeTypes { get; set; }
}
