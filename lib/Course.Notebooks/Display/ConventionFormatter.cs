using System.Reflection;

namespace Course.Notebooks.Display;

/// <summary>
/// A formatter object found through the TypeFormatterSource convention, used by reflection: it has a
/// string <c>MimeType</c>, a <c>Type</c> it formats (or none, when it formats the type declaring its source), and
/// one <c>bool Format(object, TextWriter)</c>.
/// This is the shape of .NET Interactive's ITypeFormatter, so one formatter class serves both kernels.
/// </summary>
internal sealed class ConventionFormatter
{
    private readonly object formatter;
    private readonly MethodInfo format;

    private ConventionFormatter(object formatter, string mimeType, Type type, MethodInfo format)
    {
        this.formatter = formatter;
        MimeType = mimeType;
        Type = type;
        this.format = format;
    }

    public string MimeType { get; }

    public Type Type { get; }

    /// <summary>
    /// Wraps <paramref name="formatter"/>, or explains why it does not have the convention's shape;
    /// <paramref name="declaringType"/> is what it formats when it has no <c>Type</c> of its own.
    /// </summary>
    public static ConventionFormatter Wrap(object formatter, Type? declaringType)
    {
        var type = formatter.GetType();
        var mimeType = type.GetProperty("MimeType")?.GetValue(formatter) as string;
        var formattedType = type.GetProperty("Type")?.GetValue(formatter) as Type ?? declaringType;
        var format = type.GetMethods(BindingFlags.Public | BindingFlags.Instance).SingleOrDefault(m =>
            m.Name == "Format" && m.ReturnType == typeof(bool) &&
            m.GetParameters() is [{ ParameterType: var p0 }, { ParameterType: var p1 }] &&
            p0 == typeof(object) && p1 == typeof(TextWriter));
        if (mimeType is null || formattedType is null || format is null)
            throw new InvalidOperationException(
                $"Formatter {type.FullName} needs a string MimeType, a Type and a bool Format(object, TextWriter).");
        return new ConventionFormatter(formatter, mimeType, formattedType, format);
    }

    /// <summary>The formatted text, or null when the formatter declines the value.</summary>
    public string? TryFormat(object value)
    {
        using var writer = new StringWriter();
        try
        {
            return format.Invoke(formatter, [value, writer]) is true ? writer.ToString() : null;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new InvalidOperationException(
                $"Formatter {formatter.GetType().FullName} ({MimeType}) failed on {value.GetType().Name}: {e.InnerException.Message}",
                e.InnerException);
        }
    }
}
