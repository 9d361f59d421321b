namespace Course.Jupyter.Zmtp;

/// <summary>The peer broke the ZMTP rules (bad greeting, bad frame, unknown mechanism...): its connection is closed.</summary>
public sealed class ZmtpProtocolException(string message) : Exception(message);
