using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Course.Jupyter.Protocol;

/// <summary>
/// Jupyter's wire format over ZeroMQ: identities, the "&lt;IDS|MSG&gt;" delimiter, the HMAC signature
/// (hex), header, parent header, metadata, content, then buffers.
/// </summary>
public sealed class WireCodec(MessageSigner signer)
{
    public bool SignsMessages => signer.SignsMessages;

    public static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();

    public List<byte[]> Serialize(JupyterMessage message)
    {
        byte[][] signed =
        [
            Utf8(message.Header), Utf8(message.ParentHeader), Utf8(message.Metadata), Utf8(message.Content),
        ];
        var frames = new List<byte[]>(message.Identities.Count + 6 + message.Buffers.Count);
        frames.AddRange(message.Identities);
        frames.Add(Delimiter);
        frames.Add(Encoding.ASCII.GetBytes(signer.Sign(signed)));
        frames.AddRange(signed);
        frames.AddRange(message.Buffers);
        return frames;
    }

    /// <summary>
    /// Parses and authenticates a received message. The signature is checked over the frames exactly as
    /// received, before any JSON is parsed, so nothing of an unauthenticated message is acted on.
    /// </summary>
    public JupyterMessage Parse(IReadOnlyList<byte[]> frames)
    {
        int delimiter = -1;
        for (int i = 0; i < frames.Count; i++)
            if (frames[i].AsSpan().SequenceEqual(Delimiter)) { delimiter = i; break; }
        if (delimiter < 0) throw new MessageRejectedException("no <IDS|MSG> delimiter frame");
        if (frames.Count - delimiter < 6)
            throw new MessageRejectedException($"{frames.Count - delimiter - 1} frames after the delimiter; a signature, header, parent_header, metadata and content are required");

        var signed = new[] { frames[delimiter + 2], frames[delimiter + 3], frames[delimiter + 4], frames[delimiter + 5] };
        var problem = signer.Verify(frames[delimiter + 1], signed);
        if (problem is not null) throw new MessageRejectedException(problem);

        var header = ParseObject(signed[0], "header");
        if (header["msg_type"] is not JsonValue type || type.GetValueKind() != JsonValueKind.String)
            throw new MessageRejectedException("the header has no msg_type");
        return new JupyterMessage(
            frames.Take(delimiter).ToArray(),
            header,
            ParseObject(signed[1], "parent_header"),
            ParseObject(signed[2], "metadata"),
            ParseObject(signed[3], "content"),
            frames.Skip(delimiter + 6).ToArray());
    }

    private static JsonObject ParseObject(byte[] utf8, string part)
    {
        try
        {
            return JsonNode.Parse(utf8) as JsonObject ?? throw new MessageRejectedException($"{part} is not a JSON object");
        }
        catch (JsonException exception)
        {
            throw new MessageRejectedException($"{part} is not valid JSON: {exception.Message}");
        }
    }

    private static byte[] Utf8(JsonObject value) => JsonSerializer.SerializeToUtf8Bytes(value);
}

/// <summary>A received message that is malformed or not authentic; it is logged and dropped.</summary>
public sealed class MessageRejectedException(string reason) : Exception(reason);
