using System.Globalization;
using System.Text.Json.Nodes;

namespace Course.Jupyter.Protocol;

/// <summary>
/// A Jupyter message (protocol 5.3): routing identities, then header, parent header, metadata and
/// content as JSON objects, then optional binary buffers.
/// </summary>
public sealed record JupyterMessage(
    IReadOnlyList<byte[]> Identities,
    JsonObject Header,
    JsonObject ParentHeader,
    JsonObject Metadata,
    JsonObject Content,
    IReadOnlyList<byte[]> Buffers)
{
    public const string ProtocolVersion = "5.3";

    public string MessageType => Header["msg_type"]?.GetValue<string>() ?? "";

    public string MessageId => Header["msg_id"]?.GetValue<string>() ?? "";

    public static JsonObject CreateHeader(string messageType, string session, string username = "kernel") => new()
    {
        ["msg_id"] = Guid.NewGuid().ToString(),
        ["session"] = session,
        ["username"] = username,
        ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        ["msg_type"] = messageType,
        ["version"] = ProtocolVersion,
    };

    /// <summary>A new message answering or caused by <paramref name="parent"/>, routed back to the parent's identities.</summary>
    public static JupyterMessage Reply(JupyterMessage parent, string messageType, JsonObject content, string session) =>
        new(parent.Identities, CreateHeader(messageType, session), (JsonObject)parent.Header.DeepClone(), [], content, []);

    /// <summary>A message for iopub: its only identity frame is the topic subscribers filter on.</summary>
    public static JupyterMessage Broadcast(JupyterMessage? parent, string messageType, JsonObject content, string session, string topic) =>
        new([System.Text.Encoding.UTF8.GetBytes(topic)], CreateHeader(messageType, session),
            parent is null ? [] : (JsonObject)parent.Header.DeepClone(), [], content, []);
}
