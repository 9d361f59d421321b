namespace Course.Native;

/// <summary>TorchSharp's native library cannot load here; the message says why and what to install.</summary>
public sealed class TorchSharpLoadException(string message, Exception? inner = null) : Exception(message, inner);
