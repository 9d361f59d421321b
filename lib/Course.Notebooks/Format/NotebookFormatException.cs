namespace Course.Notebooks.Format;

/// <summary>A file that is not a notebook this kernel can read; the message says what is wrong and where.</summary>
public sealed class NotebookFormatException(string message, Exception? inner = null) : Exception(message, inner);
