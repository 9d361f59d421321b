namespace Course.Notebooks.Tests;

/// <summary>Paths of files the tests read: the committed fixtures and the repository's own setup files.</summary>
internal static class RepositoryFiles
{
    public static string TestNotebook(string name) => Path.Combine(AppContext.BaseDirectory, "TestNotebooks", name);

    /// <summary>The checkout's root: the nearest folder above the test binaries that holds Course.sln.</summary>
    public static string Root()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Course.sln")))
                return folder.FullName;
        }

        throw new InvalidOperationException($"No Course.sln above {AppContext.BaseDirectory}; the tests run from a checkout of the course.");
    }

    /// <summary>A new empty folder under the system temp folder, deleted by <see cref="IDisposable.Dispose"/>.</summary>
    public sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("course-notebooks-tests-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
