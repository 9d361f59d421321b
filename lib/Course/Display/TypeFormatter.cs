namespace Course.Display;

/// <summary>
/// One display formatter in the TypeFormatterSource convention: a <see cref="MimeType"/>, the
/// <see cref="Type"/> it formats, and a single <see cref="Format"/> method that writes the value and
/// says whether it could.
/// </summary>
public sealed class TypeFormatter<T>(string mimeType, Action<T, TextWriter> write)
{
    public string MimeType { get; } = mimeType;

    public Type Type => typeof(T);

    /// <summary>Writes <paramref name="instance"/> as <see cref="MimeType"/>; false (nothing written) when it is not a <typeparamref name="T"/>.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        if (instance is not T value) return false;
        write(value, writer);
        return true;
    }
}
