using System.Globalization;

namespace Course.Notebooks.Export;

internal static class Duration
{
    /// <summary>"0.8 s", "42 s", "3 min 05 s": precise enough to compare notebooks at a glance.</summary>
    public static string Format(TimeSpan time) => time.TotalSeconds switch
    {
        < 10 => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s",
        < 60 => time.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) + " s",
        _ => $"{(int)time.TotalMinutes} min {time.Seconds:00} s",
    };
}
