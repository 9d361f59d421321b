using System.Globalization;

namespace Course.Datasets;

/// <summary>
/// Finds and reads the Mauna Loa weekly CO2 record (Keeling &amp; Whorf, public domain; see data/README.md):
/// a CSV with the header <c>date,co2</c>, dates as <c>yyyyMMdd</c> and an empty value where a week has no
/// measurement. Looked for in <c>root</c>, the repository's <c>data/co2/co2.csv</c>, then where Debian's
/// python3-statsmodels installs it.
/// </summary>
internal static class MaunaLoaCo2
{
    internal const string FileName = "co2.csv";
    internal const string DebianPath = "/usr/lib/python3/dist-packages/statsmodels/datasets/co2/co2.csv";
    private const string Header = "date,co2";
    private const string SeriesName = "Mauna Loa CO2 (ppmv)";

    /// <summary>The places searched, in order: root (the file itself, or a folder holding co2.csv), data/co2, Debian.</summary>
    internal static List<string> Candidates(string? root)
    {
        var candidates = new List<string>();
        if (root is not null) candidates.Add(File.Exists(root) ? root : Path.Combine(root, FileName));
        if (DataLocator.InRepositoryData("co2", FileName) is { } committed) candidates.Add(committed);
        candidates.Add(DebianPath);
        return candidates;
    }

    internal static string Find(IEnumerable<string> candidates) =>
        DataLocator.FindFile("Mauna Loa CO2 (co2.csv)", candidates,
            "The course repository commits a copy as data/co2/co2.csv; on Debian/Ubuntu `sudo apt-get install python3-statsmodels` installs it too.");

    internal static TimeSeries Load(string? root) => Read(Find(Candidates(root)));

    /// <summary>Parses the file; every error names it and the line (1-based) at fault.</summary>
    internal static TimeSeries Read(string path)
    {
        var dates = new List<DateOnly>();
        var values = new List<double>();
        var lineNumber = 0;
        var sawHeader = false;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0) continue;
            if (!sawHeader)
            {
                if (!line.Equals(Header, StringComparison.OrdinalIgnoreCase))
                    throw new InvalidDataException($"{path}, line {lineNumber}: expected the header \"{Header}\", found \"{line}\".");
                sawHeader = true;
                continue;
            }
            var fields = line.Split(',');
            if (fields.Length != 2)
                throw new InvalidDataException($"{path}, line {lineNumber}: expected 2 fields (date,co2), found {fields.Length} in \"{line}\".");
            if (!DateOnly.TryParseExact(fields[0].Trim(), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new InvalidDataException($"{path}, line {lineNumber}: date \"{fields[0]}\" is not a yyyyMMdd date.");
            if (dates.Count > 0 && date <= dates[^1])
                throw new InvalidDataException($"{path}, line {lineNumber}: date {date:yyyy-MM-dd} does not come after the previous row's {dates[^1]:yyyy-MM-dd}.");
            var text = fields[1].Trim();
            var value = double.NaN;
            if (text.Length > 0 && (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value)))
                throw new InvalidDataException($"{path}, line {lineNumber}: CO2 value \"{fields[1]}\" is not a number (leave it empty for a missing week).");
            dates.Add(date);
            values.Add(value);
        }
        if (dates.Count == 0)
            throw new InvalidDataException($"{path}: no rows{(sawHeader ? " after the header" : " (the file is empty)")}; expected \"{Header}\" then one yyyyMMdd,value line per week.");
        return new TimeSeries(SeriesName, dates, values);
    }
}
