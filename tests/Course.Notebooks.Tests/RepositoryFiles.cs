using System.Reflection;

namespace Course.Notebooks.Tests;

/// <summary>Paths of files the tests read: the committed fixtures and the repository's own setup files.</summary>
internal static class RepositoryFiles
{
    public static string TestNotebook(string name) => Path.Combine(AppContext.BaseDirectory, "TestNotebooks", name);

    /// <summary>The root of the checkout the tests were built from (recorded at build time).</summary>
    public static string Root()
    {
        string root = typeof(RepositoryFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "RepositoryRoot").Value!;
        if (!File.Exists(Path.Combine(root, "Course.sln")))
            throw new InvalidOperationException($"No Course.sln in {root}, the checkout these tests were built from.");
        return root;
    }

    /// <summary>A new empty folder under the system temp folder, deleted by <see cref="IDisposable.Dispose"/>.</summary>
    public sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("course-notebooks-tests-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
