using System.Collections.Concurrent;
using System.Text.Json;

namespace Course.Torch.Tests.Goldens;

/// <summary>
/// One golden file written by tests/goldens/generate.py: its cases by name, each a JSON object whose
/// layout depends on the section (op and layer cases, optimizer trajectories, state dicts).
/// Files are copied next to the test assembly (see the csproj), so tests find them from any working directory.
/// </summary>
internal sealed class GoldenFile
{
    public const string RegenerateCommand = "/usr/bin/python3 tests/goldens/generate.py";

    private static readonly ConcurrentDictionary<string, GoldenFile> Loaded = new();

    private GoldenFile(string fileName, JsonElement root)
    {
        FileName = fileName;
        foreach (var item in root.GetProperty("cases").EnumerateArray())
        {
            var name = item.GetProperty("name").GetString()!;
            if (!Cases.TryAdd(name, item))
                throw new InvalidDataException($"{fileName}: case '{name}' appears twice.");
            Names.Add(name);
        }
    }

    public string FileName { get; }

    /// <summary>Case names in file order.</summary>
    public List<string> Names { get; } = [];

    public Dictionary<string, JsonElement> Cases { get; } = [];

    public static string PathOf(string fileName) => Path.Combine(AppContext.BaseDirectory, "Goldens", fileName);

    public static GoldenFile Load(string fileName) => Loaded.GetOrAdd(fileName, name =>
    {
        var path = PathOf(name);
        if (!File.Exists(path))
            throw new FileNotFoundException($"golden file {name} is missing next to the test assembly; regenerate it with `{RegenerateCommand}` and check the csproj copies Goldens/*.json.", path);
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return new GoldenFile(name, document.RootElement.Clone());
    });

    /// <summary>
    /// The theory data for a section: every case name in the file plus every name in the C# table,
    /// so a case missing on either side still shows up as a (failing) test.
    /// </summary>
    public static TheoryData<string> CaseNames(string fileName, IEnumerable<string> tableNames)
    {
        var file = Load(fileName);
        var data = new TheoryData<string>();
        foreach (var name in file.Names.Concat(tableNames.Where(n => !file.Cases.ContainsKey(n)).Order()))
            data.Add(name);
        return data;
    }

    /// <summary>The case's JSON, after checking that both the file and the C# table know it.</summary>
    public JsonElement Case<TEntry>(string name, IReadOnlyDictionary<string, TEntry> table, out TEntry entry)
    {
        Assert.True(Cases.TryGetValue(name, out var json),
            $"case '{name}' is in the C# table but not in {FileName}: add it to the generator (tests/goldens) and run `{RegenerateCommand}`.");
        Assert.True(table.TryGetValue(name, out entry!),
            $"case '{name}' is in {FileName} but has no entry in the C# table: write the engine expression for it.");
        return json;
    }
}
