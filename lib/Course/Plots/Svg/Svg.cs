using System.Globalization;
using System.Xml.Linq;

namespace Course.Plots;

/// <summary>Small helpers to build SVG elements with numbers written the same way every time.</summary>
internal static class Svg
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public const string FontFamily = "'Open Sans', verdana, arial, sans-serif";
    public const string TextColor = "#444";

    /// <summary>An element; content may be attributes, elements, strings (escaped by XElement) or null (skipped).</summary>
    public static XElement El(string name, params object?[] content) => new(Ns + name, content.Where(c => c is not null));

    /// <summary>An attribute with a number rounded to 0.01 px, invariant culture, no trailing zeros.</summary>
    public static XAttribute A(string name, double value) => new(name, N(value));

    public static XAttribute A(string name, string value) => new(name, value);

    public static string N(double value)
    {
        var rounded = Math.Round(value, 2);
        return (rounded == 0 ? 0 : rounded).ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>Roughly how wide <paramref name="text"/> is in a sans-serif font of <paramref name="fontSize"/> px (layout needs no exact metrics).</summary>
    public static double TextWidth(string text, double fontSize) => text.Length * fontSize * 0.58;

    public static XElement Text(double x, double y, string text, double fontSize = 12, string anchor = "middle", string? cssClass = null, string fill = TextColor, string? transform = null) =>
        El("text", A("x", x), A("y", y), A("font-size", fontSize), A("text-anchor", anchor), A("fill", fill),
            cssClass is null ? null : A("class", cssClass), transform is null ? null : A("transform", transform), text);

    public static XElement Line(double x1, double y1, double x2, double y2, string stroke, double width, string? cssClass = null) =>
        El("line", A("x1", x1), A("y1", y1), A("x2", x2), A("y2", y2), A("stroke", stroke), A("stroke-width", width),
            cssClass is null ? null : A("class", cssClass));

    public static XElement Rect(double x, double y, double width, double height, string fill, string? cssClass = null) =>
        El("rect", A("x", x), A("y", y), A("width", Math.Max(0, width)), A("height", Math.Max(0, height)), A("fill", fill),
            cssClass is null ? null : A("class", cssClass));
}

/// <summary>A rectangle in SVG pixels (y grows downwards).</summary>
internal readonly record struct Box(double Left, double Top, double Width, double Height)
{
    public double Right => Left + Width;
    public double Bottom => Top + Height;
    public double CenterX => Left + Width / 2;
    public double CenterY => Top + Height / 2;
}
