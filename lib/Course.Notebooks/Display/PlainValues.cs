using System.Globalization;

namespace Course.Notebooks.Display;

/// <summary>Which values are shown as a single piece of text rather than as a table of members.</summary>
internal static class PlainValues
{
    public static bool IsScalar(object value) =>
        value is string or char or bool or Enum or decimal or DateTime or DateTimeOffset or TimeSpan or Guid or Type or Uri
        || value.GetType().IsPrimitive;

    /// <summary>Text of a scalar as C# would print it, with the invariant culture so notebooks read the same everywhere.</summary>
    public static string Text(object? value) => value switch
    {
        null => "<null>",
        bool b => b ? "True" : "False",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Whether the type writes its own ToString (records, tuples, ...) rather than printing its type name.</summary>
    public static bool HasOwnToString(Type type) =>
        type.GetMethod(nameof(ToString), Type.EmptyTypes)?.DeclaringType is { } declaring && declaring != typeof(object)
        && declaring != typeof(ValueType);
}
