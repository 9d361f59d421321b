namespace Course.Display;

/// <summary>
/// Names the class that creates a type's display formatters. Notebook runtimes find this attribute
/// by its name and read <see cref="FormatterSourceType"/> by reflection (the convention .NET Interactive
/// introduced), so the course library needs no compile-time dependency on any runtime: our kernel
/// and a still-installed .NET Interactive both render the course's types.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = true)]
public sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    /// <summary>A class with a parameterless constructor and a <c>CreateTypeFormatters()</c> method.</summary>
    public Type FormatterSourceType { get; } = formatterSourceType;

    /// <summary>The MIME types a front end should prefer, best first.</summary>
    public string[]? PreferredMimeTypes { get; set; }
}
