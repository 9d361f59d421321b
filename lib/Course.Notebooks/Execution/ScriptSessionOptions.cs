namespace Course.Notebooks.Execution;

/// <summary>Where a notebook lives and what its cells can use besides the defaults.</summary>
public sealed record ScriptSessionOptions
{
    /// <summary>
    /// The notebook's folder: <c>#r</c>, <c>#load</c> and relative file paths in cells resolve against it (the
    /// process's current directory is set to it while a cell runs). Null keeps the current directory.
    /// </summary>
    public string? BaseDirectory { get; init; }

    /// <summary>Where <c>#r "nuget: ..."</c> packages are restored; defaults to COURSE_NUGET_CACHE or ~/.cache/course-kernel/packages.</summary>
    public string? PackageCacheDirectory { get; init; }

    /// <summary>
    /// Assemblies referenced by every cell, found by name when the host has them: the engine and the course
    /// library, so that <c>using TorchSharp;</c> and <c>using Course;</c> work without <c>#r</c>.
    /// </summary>
    public IReadOnlyList<string> DefaultAssemblies { get; init; } = ["TorchSharp", "TorchVision", "Course"];

    /// <summary>
    /// How long an interrupted cell may take to stop. Loops in cell code stop at once; code blocked in a library
    /// call that ignores cancellation is abandoned after this: the cell is reported as interrupted, its thread
    /// runs on in the background until it ends, and what it computes is not kept in the notebook's state.
    /// </summary>
    public TimeSpan InterruptGracePeriod { get; init; } = TimeSpan.FromSeconds(2);

    internal string ResolvePackageCache()
    {
        if (PackageCacheDirectory is not null) return PackageCacheDirectory;
        if (Environment.GetEnvironmentVariable("COURSE_NUGET_CACHE") is { Length: > 0 } configured) return configured;
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "course-kernel", "packages");
    }
}
