namespace Course.Datasets;

/// <summary>
/// Finds a dataset's files in the course's search order: an explicit folder, the repository's
/// <c>data/</c> folder, then where a Debian package installs it. Reports every place it looked.
/// </summary>
public static class DataLocator
{
    /// <summary>
    /// The first folder that contains all <paramref name="fileNames"/> (each also accepted without
    /// its ".gz"). Throws a message listing the places searched and how to get the data.
    /// </summary>
    public static string FindFolder(string datasetName, string? explicitFolder, string debianFolder, string debianPackage, params string[] fileNames)
    {
        var candidates = new List<string>();
        if (explicitFolder is not null) candidates.Add(explicitFolder);
        if (FindRepositoryRoot() is { } root) candidates.Add(System.IO.Path.Combine(root, "data", datasetName));
        candidates.Add(debianFolder);

        foreach (var folder in candidates)
            if (fileNames.All(name => ResolveFile(folder, name) is not null))
                return folder;

        throw new FileNotFoundException(
            $"{datasetName}: files not found. Looked in: {string.Join(", ", candidates)}. " +
            $"On Debian/Ubuntu install them with `sudo apt-get install {debianPackage}`, or pass the folder that holds {string.Join(", ", fileNames)}.");
    }

    /// <summary>The file itself, or its gzipped or un-gzipped twin, or null.</summary>
    public static string? ResolveFile(string folder, string fileName)
    {
        var path = System.IO.Path.Combine(folder, fileName);
        if (File.Exists(path)) return path;
        var twin = path.EndsWith(".gz", StringComparison.Ordinal) ? path[..^3] : path + ".gz";
        return File.Exists(twin) ? twin : null;
    }

    /// <summary>The nearest folder above the current directory or this assembly that holds Course.sln.</summary>
    public static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "Course.sln")))
                    return dir.FullName;
        }
        return null;
    }
}
