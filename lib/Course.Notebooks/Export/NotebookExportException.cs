namespace Course.Notebooks.Export;

/// <summary>A notebook that cannot be exported; the message names the file and what is wrong with it.</summary>
public sealed class NotebookExportException(string path, string message) : Exception(message)
{
    /// <summary>The notebook that failed.</summary>
    public string NotebookPath { get; } = path;
}
