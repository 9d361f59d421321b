namespace Course.Datasets;

/// <summary>
/// Finds a dataset's files in the course's search order: an explicit folder (or its subfolder named
/// after the dataset, as torchvision's <c>root</c>), the repository's <c>data/</c> folder, where a Debian
/// package installs it, and finally, only when asked, the official URL. Reports every place it looked.
/// </summary>
public static class DataLocator
{
    /// <summary>
    /// The folder that holds all <paramref name="fileNames"/> (each also accepted without its ".gz").
    /// With <paramref name="download"/> and the files found nowhere, fetches them into <paramref name="root"/>
    /// (or <c>data/&lt;name&gt;</c>) and verifies their checksums. Otherwise throws a message listing the
    /// places searched and how to get the data.
    /// </summary>
    public static string FindFolder(DataSource source, string? root, bool download, params string[] fileNames)
    {
        var candidates = Candidates(source, root);
        foreach (var folder in candidates)
            if (fileNames.All(name => ResolveFile(folder, name) is not null))
                return folder;

        if (download)
        {
            var target = root ?? DefaultDownloadFolder(source);
            Directory.CreateDirectory(target);
            foreach (var name in fileNames.Where(name => ResolveFile(target, name) is null))
                Download.Fetch(source.UrlOf(name), Path.Combine(target, name), source.Md5[name]);
            return target;
        }

        var urls = string.Join(", ", fileNames.Select(source.UrlOf));
        var install = source.DebianPackage is null
            ? $"There is no Debian package for {source.Name}: download {urls} into data/{source.Name}/, or pass download: true."
            : $"On Debian/Ubuntu install them with `sudo apt-get install {source.DebianPackage}`, or download {urls} into data/{source.Name}/, or pass download: true.";
        throw new FileNotFoundException($"{source.Name}: files {string.Join(", ", fileNames)} not found. Looked in: {string.Join(", ", candidates)}. {install}");
    }

    /// <summary>
    /// The first of <paramref name="candidates"/> that exists as a file. Otherwise a
    /// <see cref="FileNotFoundException"/> naming <paramref name="dataset"/>, every candidate in order, and
    /// <paramref name="howToGet"/> (e.g. the package to install).
    /// </summary>
    public static string FindFile(string dataset, IEnumerable<string> candidates, string howToGet)
    {
        var places = candidates.ToList();
        return places.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"{dataset}: not found. Looked in: {string.Join(", ", places)}. {howToGet}");
    }

    /// <summary>The repository's <c>data/&lt;relativePath&gt;</c>, or null when no repository is found.</summary>
    public static string? InRepositoryData(params string[] relativePath) =>
        FindRepositoryRoot() is { } repository ? Path.Combine([repository, "data", .. relativePath]) : null;

    private static List<string> Candidates(DataSource source, string? root)
    {
        var candidates = new List<string>();
        if (root is not null)
        {
            candidates.Add(root);
            candidates.Add(Path.Combine(root, source.Name));
        }
        if (FindRepositoryRoot() is { } repository) candidates.Add(Path.Combine(repository, "data", source.Name));
        if (source.DebianFolder is not null) candidates.Add(source.DebianFolder);
        return candidates;
    }

    private static string DefaultDownloadFolder(DataSource source) =>
        Path.Combine(FindRepositoryRoot() ?? Directory.GetCurrentDirectory(), "data", source.Name);

    /// <summary>The file itself, or its gzipped or un-gzipped twin, or null.</summary>
    public static string? ResolveFile(string folder, string fileName)
    {
        var path = Path.Combine(folder, fileName);
        if (File.Exists(path)) return path;
        var twin = path.EndsWith(".gz", StringComparison.Ordinal) ? path[..^3] : path + ".gz";
        return File.Exists(twin) ? twin : null;
    }

    /// <summary>
    /// The nearest folder above the current directory or this assembly that holds Course.sln, else the
    /// repository this library was built from, if it is still there.
    /// </summary>
    public static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Course.sln")))
                    return dir.FullName;
        }
        var builtFrom = typeof(DataLocator).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "CourseRepositoryRoot")?.Value;
        return builtFrom is not null && File.Exists(Path.Combine(builtFrom, "Course.sln")) ? builtFrom : null;
    }

    /// <summary>
    /// The committed subset of a dataset, <c>data/&lt;name&gt;/subset</c> in the repository (see data/README.md).
    /// Used only when asked for by name, so it never stands in for the full set.
    /// </summary>
    public static string SubsetFolder(string datasetName)
    {
        var repository = FindRepositoryRoot()
            ?? throw new DirectoryNotFoundException($"{datasetName}: the committed subset lives in the course repository's data/{datasetName}/subset, but no folder above {Directory.GetCurrentDirectory()} holds Course.sln.");
        return Path.Combine(repository, "data", datasetName, "subset");
    }
}
