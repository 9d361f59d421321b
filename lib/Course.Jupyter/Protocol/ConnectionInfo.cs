using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Course.Jupyter.Protocol;

/// <summary>
/// The connection file Jupyter writes for a kernel: where to bind the five channels and how to sign
/// messages.
/// </summary>
public sealed record ConnectionInfo
{
    [JsonPropertyName("transport")] public string Transport { get; init; } = "tcp";
    [JsonPropertyName("ip")] public string Ip { get; init; } = "127.0.0.1";
    [JsonPropertyName("shell_port")] public int ShellPort { get; init; }
    [JsonPropertyName("iopub_port")] public int IopubPort { get; init; }
    [JsonPropertyName("stdin_port")] public int StdinPort { get; init; }
    [JsonPropertyName("control_port")] public int ControlPort { get; init; }
    [JsonPropertyName("hb_port")] public int HeartbeatPort { get; init; }
    [JsonPropertyName("key")] public string Key { get; init; } = "";
    [JsonPropertyName("signature_scheme")] public string SignatureScheme { get; init; } = MessageSigner.Scheme;
    [JsonPropertyName("kernel_name")] public string? KernelName { get; init; }

    public static ConnectionInfo Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"cannot read the connection file {path}: {exception.Message}", exception);
        }
        return Parse(text, path);
    }

    public static ConnectionInfo Parse(string json, string source = "connection file")
    {
        ConnectionInfo? info;
        try
        {
            info = JsonSerializer.Deserialize<ConnectionInfo>(json);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{source} is not valid JSON: {exception.Message}", exception);
        }
        if (info is null) throw new InvalidDataException($"{source} is empty");
        info.Validate(source);
        return info;
    }

    [JsonIgnore] public IPAddress Address => IPAddress.Parse(Ip);

    private void Validate(string source)
    {
        if (Transport != "tcp") throw new InvalidDataException($"{source}: transport '{Transport}' is not supported; only tcp is");
        if (!IPAddress.TryParse(Ip, out _)) throw new InvalidDataException($"{source}: ip '{Ip}' is not an IP address");
        if (Key.Length > 0 && SignatureScheme != MessageSigner.Scheme)
            throw new InvalidDataException($"{source}: signature_scheme '{SignatureScheme}' is not supported; only {MessageSigner.Scheme} is");
        foreach (var (name, port) in new[] { ("shell_port", ShellPort), ("iopub_port", IopubPort), ("stdin_port", StdinPort), ("control_port", ControlPort), ("hb_port", HeartbeatPort) })
            if (port is < 0 or > 65535) throw new InvalidDataException($"{source}: {name} {port} is not a TCP port");
    }
}
