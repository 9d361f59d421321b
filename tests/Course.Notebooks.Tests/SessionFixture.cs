using Course.Notebooks.Execution;

namespace Course.Notebooks.Tests;

internal static class Run
{
    /// <summary>Runs one cell in <paramref name="session"/> and returns what it reported.</summary>
    public static async Task<(CellOutcome Outcome, RecordingSink Sink)> Cell(ScriptSession session, string code,
        CancellationToken cancellationToken = default)
    {
        var sink = new RecordingSink();
        var outcome = await session.ExecuteAsync(code, sink, cancellationToken);
        return (outcome, sink);
    }

    public static string TempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "course-notebooks-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
