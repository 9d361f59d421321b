using System.Text;

namespace Course.Datasets;

/// <summary>
/// The word lists of seven languages that Debian packages as <c>/usr/share/dict/*</c>, and the course's
/// committed samples of them (<c>data/words/&lt;language&gt;.txt</c>, made by tools/make_word_samples.py:
/// lowercase letters only, no word shared between languages). Looked for in <c>root</c>, the committed
/// sample, then the full Debian list; the full lists keep their capitals and apostrophes.
/// </summary>
internal static class WordLists
{
    /// <summary>Language, its file under /usr/share/dict, and the package that installs it (as in tools/make_word_samples.py).</summary>
    private static readonly (string Language, string DebianFile, string Package)[] Table =
    [
        ("english", "american-english", "wamerican"),
        ("german", "ngerman", "wngerman"),
        ("french", "french", "wfrench"),
        ("italian", "italian", "witalian"),
        ("spanish", "spanish", "wspanish"),
        ("dutch", "dutch", "wdutch"),
        ("polish", "polish", "wpolish"),
    ];

    internal const string DebianFolder = "/usr/share/dict";

    internal static IReadOnlyList<string> Languages { get; } = [.. Table.Select(entry => entry.Language)];

    private static (string Language, string DebianFile, string Package) Entry(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        foreach (var entry in Table)
            if (entry.Language.Equals(language, StringComparison.OrdinalIgnoreCase))
                return entry;
        throw new ArgumentException($"No word list for language \"{language}\"; the known languages are {string.Join(", ", Languages)}.", nameof(language));
    }

    /// <summary>The places searched, in order: root/&lt;language&gt;.txt, root/&lt;Debian name&gt;, data/words, /usr/share/dict.</summary>
    internal static List<string> Candidates(string language, string? root)
    {
        var (name, debianFile, _) = Entry(language);
        var candidates = new List<string>();
        if (root is not null)
        {
            candidates.Add(Path.Combine(root, name + ".txt"));
            candidates.Add(Path.Combine(root, debianFile));
        }
        if (DataLocator.InRepositoryData("words", name + ".txt") is { } committed) candidates.Add(committed);
        candidates.Add(Path.Combine(DebianFolder, debianFile));
        return candidates;
    }

    internal static string Find(string language, IEnumerable<string> candidates)
    {
        var (name, debianFile, package) = Entry(language);
        return DataLocator.FindFile($"{name} word list ({name}.txt or {debianFile})", candidates,
            $"On Debian/Ubuntu `sudo apt-get install {package}` installs {DebianFolder}/{debianFile}; the course repository commits a sample as data/words/{name}.txt.");
    }

    internal static IReadOnlyList<string> Load(string language, string? root) => Read(Find(language, Candidates(language, root)));

    /// <summary>One word per line, UTF-8; surrounding white space trimmed, blank lines skipped.</summary>
    internal static IReadOnlyList<string> Read(string path)
    {
        var words = File.ReadLines(path, Encoding.UTF8).Select(line => line.Trim()).Where(word => word.Length > 0).ToList();
        return words.Count > 0 ? words : throw new InvalidDataException($"{path}: no words (the file is empty or blank); expected one word per line.");
    }
}
