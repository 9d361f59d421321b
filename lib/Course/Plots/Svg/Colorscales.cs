using System.Globalization;

namespace Course.Plots;

/// <summary>plotly.js's named colour scales (same stops), and colour lookup along them.</summary>
public static class Colorscales
{
    /// <summary>What plotly.js draws a heatmap with when the trace names no scale.</summary>
    public const string Default = "RdBu";

    private static readonly Dictionary<string, (double Position, string Color)[]> Scales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Greys"] = [(0, "rgb(0,0,0)"), (1, "rgb(255,255,255)")],
        ["YlGnBu"] = [(0, "rgb(8,29,88)"), (0.125, "rgb(37,52,148)"), (0.25, "rgb(34,94,168)"), (0.375, "rgb(29,145,192)"), (0.5, "rgb(65,182,196)"), (0.625, "rgb(127,205,187)"), (0.75, "rgb(199,233,180)"), (0.875, "rgb(237,248,217)"), (1, "rgb(255,255,217)")],
        ["Greens"] = [(0, "rgb(0,68,27)"), (0.125, "rgb(0,109,44)"), (0.25, "rgb(35,139,69)"), (0.375, "rgb(65,171,93)"), (0.5, "rgb(116,196,118)"), (0.625, "rgb(161,217,155)"), (0.75, "rgb(199,233,192)"), (0.875, "rgb(229,245,224)"), (1, "rgb(247,252,245)")],
        ["YlOrRd"] = [(0, "rgb(128,0,38)"), (0.125, "rgb(189,0,38)"), (0.25, "rgb(227,26,28)"), (0.375, "rgb(252,78,42)"), (0.5, "rgb(253,141,60)"), (0.625, "rgb(254,178,76)"), (0.75, "rgb(254,217,118)"), (0.875, "rgb(255,237,160)"), (1, "rgb(255,255,204)")],
        ["Bluered"] = [(0, "rgb(0,0,255)"), (1, "rgb(255,0,0)")],
        ["RdBu"] = [(0, "rgb(5,10,172)"), (0.35, "rgb(106,137,247)"), (0.5, "rgb(190,190,190)"), (0.6, "rgb(220,170,132)"), (0.7, "rgb(230,145,90)"), (1, "rgb(178,10,28)")],
        ["Reds"] = [(0, "rgb(220,220,220)"), (0.2, "rgb(245,195,157)"), (0.4, "rgb(245,160,105)"), (1, "rgb(178,10,28)")],
        ["Blues"] = [(0, "rgb(5,10,172)"), (0.35, "rgb(40,60,190)"), (0.5, "rgb(70,100,245)"), (0.6, "rgb(90,120,245)"), (0.7, "rgb(106,137,247)"), (1, "rgb(220,220,220)")],
        ["Picnic"] = [(0, "rgb(0,0,255)"), (0.1, "rgb(51,153,255)"), (0.2, "rgb(102,204,255)"), (0.3, "rgb(153,204,255)"), (0.4, "rgb(204,204,255)"), (0.5, "rgb(255,255,255)"), (0.6, "rgb(255,204,255)"), (0.7, "rgb(255,153,255)"), (0.8, "rgb(255,102,204)"), (0.9, "rgb(255,102,102)"), (1, "rgb(255,0,0)")],
        ["Rainbow"] = [(0, "rgb(150,0,90)"), (0.125, "rgb(0,0,200)"), (0.25, "rgb(0,25,255)"), (0.375, "rgb(0,152,255)"), (0.5, "rgb(44,255,150)"), (0.625, "rgb(151,255,0)"), (0.75, "rgb(255,234,0)"), (0.875, "rgb(255,111,0)"), (1, "rgb(255,0,0)")],
        ["Portland"] = [(0, "rgb(12,51,131)"), (0.25, "rgb(10,136,186)"), (0.5, "rgb(242,211,56)"), (0.75, "rgb(242,143,56)"), (1, "rgb(217,30,30)")],
        ["Jet"] = [(0, "rgb(0,0,131)"), (0.125, "rgb(0,60,170)"), (0.375, "rgb(5,255,255)"), (0.625, "rgb(255,255,0)"), (0.875, "rgb(250,0,0)"), (1, "rgb(128,0,0)")],
        ["Hot"] = [(0, "rgb(0,0,0)"), (0.3, "rgb(230,0,0)"), (0.6, "rgb(255,210,0)"), (1, "rgb(255,255,255)")],
        ["Blackbody"] = [(0, "rgb(0,0,0)"), (0.2, "rgb(230,0,0)"), (0.4, "rgb(230,210,0)"), (0.7, "rgb(255,255,255)"), (1, "rgb(160,200,255)")],
        ["Earth"] = [(0, "rgb(0,0,130)"), (0.1, "rgb(0,180,180)"), (0.2, "rgb(40,210,40)"), (0.4, "rgb(230,230,50)"), (0.6, "rgb(120,70,20)"), (1, "rgb(255,255,255)")],
        ["Electric"] = [(0, "rgb(0,0,0)"), (0.15, "rgb(30,0,100)"), (0.4, "rgb(120,0,100)"), (0.6, "rgb(160,90,0)"), (0.8, "rgb(230,200,0)"), (1, "rgb(255,250,220)")],
        ["Viridis"] = [(0, "#440154"), (0.06274509803921569, "#48186a"), (0.12549019607843137, "#472d7b"), (0.18823529411764706, "#424086"), (0.25098039215686274, "#3b528b"), (0.3137254901960784, "#33638d"), (0.3764705882352941, "#2c728e"), (0.4392156862745098, "#26828e"), (0.5019607843137255, "#21918c"), (0.5647058823529412, "#1fa088"), (0.6274509803921569, "#28ae80"), (0.6901960784313725, "#3fbc73"), (0.7529411764705882, "#5ec962"), (0.8156862745098039, "#84d44b"), (0.8784313725490196, "#addc30"), (0.9411764705882353, "#d8e219"), (1, "#fde725")],
    };

    public static IEnumerable<string> Names => Scales.Keys;

    /// <summary>The colour at <paramref name="fraction"/> (0..1, clamped) of the named scale, as "#rrggbb".</summary>
    public static string ColorAt(string? scaleName, double fraction, bool reverse = false)
    {
        var (r, g, b) = RgbAt(scaleName, fraction, reverse);
        return $"#{r:x2}{g:x2}{b:x2}";
    }

    /// <summary>The colour at <paramref name="fraction"/> of the named scale as 0..255 channels.</summary>
    public static (int R, int G, int B) RgbAt(string? scaleName, double fraction, bool reverse = false)
    {
        var name = scaleName ?? Default;
        if (!Scales.TryGetValue(name, out var stops))
            throw new ArgumentException($"Unknown colour scale '{name}'; known: {string.Join(", ", Scales.Keys)}.", nameof(scaleName));
        var t = double.IsNaN(fraction) ? 0 : Math.Clamp(fraction, 0, 1);
        if (reverse) t = 1 - t;
        var upper = 1;
        while (upper < stops.Length - 1 && stops[upper].Position < t) upper++;
        var (p0, c0) = stops[upper - 1];
        var (p1, c1) = stops[upper];
        var w = p1 > p0 ? (t - p0) / (p1 - p0) : 0;
        var a = ParseColor(c0);
        var b = ParseColor(c1);
        return (Mix(a.R, b.R, w), Mix(a.G, b.G, w), Mix(a.B, b.B, w));
    }

    /// <summary>Reads "#rrggbb" or "rgb(r,g,b)".</summary>
    public static (int R, int G, int B) ParseColor(string color)
    {
        if (color.StartsWith('#') && color.Length == 7)
            return (Hex(color, 1), Hex(color, 3), Hex(color, 5));
        if (color.StartsWith("rgb(", StringComparison.Ordinal) && color.EndsWith(')'))
        {
            var parts = color[4..^1].Split(',').Select(p => int.Parse(p.Trim(), CultureInfo.InvariantCulture)).ToArray();
            if (parts.Length == 3) return (parts[0], parts[1], parts[2]);
        }
        throw new FormatException($"Colour '{color}' is neither #rrggbb nor rgb(r,g,b).");
    }

    private static int Hex(string color, int at) => int.Parse(color.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static int Mix(int a, int b, double w) => (int)Math.Round(a + (b - a) * w);
}
