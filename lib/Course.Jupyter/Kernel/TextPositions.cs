namespace Course.Jupyter.Kernel;

/// <summary>
/// Jupyter (protocol 5.2 and later) counts cursor positions in Unicode code points; .NET strings and the
/// notebook session count UTF-16 code units. They differ once a cell contains characters outside the
/// Basic Multilingual Plane (emoji, some math symbols).
/// </summary>
public static class TextPositions
{
    public static int CodePointsToUtf16(string text, int codePoints)
    {
        int utf16 = 0;
        for (int seen = 0; seen < codePoints && utf16 < text.Length; seen++)
            utf16 += char.IsSurrogatePair(text, utf16) ? 2 : 1;
        return utf16;
    }

    public static int Utf16ToCodePoints(string text, int utf16)
    {
        int codePoints = 0;
        for (int at = 0; at < Math.Min(utf16, text.Length); codePoints++)
            at += char.IsSurrogatePair(text, at) ? 2 : 1;
        return codePoints;
    }
}
