namespace Course.Display;

/// <summary>
/// Names the class that creates formatters for a type, by the convention .NET Interactive and the course kernel
/// discover by name (an attribute class named TypeFormatterSourceAttribute with a FormatterSourceType). On a type
/// it covers that type; on an assembly it covers the types its formatters declare, which is how this library
/// formats the engine's Tensor without the engine knowing about notebooks.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface | AttributeTargets.Assembly,
    AllowMultiple = true)]
public sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    public Type FormatterSourceType { get; } = formatterSourceType;
}
