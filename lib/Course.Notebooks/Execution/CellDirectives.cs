using System.Text.RegularExpressions;

namespace Course.Notebooks.Execution;

/// <summary>A NuGet package named by <c>#r "nuget: Id, Version"</c>; a null version takes the latest.</summary>
public sealed record PackageReference(string Id, string? Version);

/// <summary>
/// The directives of a cell that Roslyn does not know: <c>#r "nuget: ..."</c>, <c>#i "nuget: ..."</c> and the
/// <c>#!</c> magic commands. They are taken out of the code (each line blanked so that positions in
/// errors are still those of the cell). <c>#r "file.dll"</c> and <c>#load "file.csx"</c> stay in the code:
/// Roslyn's scripting handles them, against the notebook's folder.
/// </summary>
internal sealed partial record CellDirectives(
    string Code,
    IReadOnlyList<PackageReference> Packages,
    IReadOnlyList<string> PackageSources,
    bool Time)
{
    /// <summary>Magic commands that only choose the language: C# is the only one, so they change nothing.</summary>
    private static readonly HashSet<string> LanguageMagics = ["#!csharp", "#!c#", "#!C#"];

    public static CellDirectives Parse(string code)
    {
        var lines = code.Split('\n');
        var packages = new List<PackageReference>();
        var sources = new List<string>();
        var time = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("#!", StringComparison.Ordinal))
            {
                var magic = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries)[0];
                if (magic == "#!time") time = true;
                else if (!LanguageMagics.Contains(magic))
                    throw new DirectiveException(i + 1, $"Unknown magic command '{magic}'. This kernel knows #!time, #!csharp, " +
                        "#r \"file.dll\", #r \"nuget: Id, Version\", #i \"nuget: source\" and #load \"file.csx\".");
            }
            else if (NuGetReference().Match(line) is { Success: true } reference)
            {
                var parts = reference.Groups["spec"].Value.Split(',', StringSplitOptions.TrimEntries);
                if (parts.Length > 2 || parts[0].Length == 0)
                    throw new DirectiveException(i + 1, $"Expected #r \"nuget: Id\" or #r \"nuget: Id, Version\", got {line}.");
                packages.Add(new PackageReference(parts[0], parts.Length == 2 && parts[1].Length > 0 ? parts[1] : null));
            }
            else if (PackageSource().Match(line) is { Success: true } source)
            {
                sources.Add(source.Groups["source"].Value.Trim());
            }
            else continue;
            // Blanked, not removed: lines and columns (and cursor offsets for completion) stay those of the cell.
            lines[i] = new string(' ', lines[i].TrimEnd('\r').Length) + (lines[i].EndsWith('\r') ? "\r" : "");
        }
        return new CellDirectives(string.Join('\n', lines), packages, sources, time);
    }

    [GeneratedRegex("""^#r\s+"nuget:\s*(?<spec>[^"]*)"\s*$""")]
    private static partial Regex NuGetReference();

    [GeneratedRegex("""^#i\s+"(nuget:)?\s*(?<source>[^"]+)"\s*$""")]
    private static partial Regex PackageSource();
}

/// <summary>A directive that cannot be carried out; <see cref="Line"/> is the cell line (1-based).</summary>
internal sealed class DirectiveException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}
