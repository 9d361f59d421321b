using System.Text;
using System.Text.Json.Nodes;
using Course.Jupyter.Kernel;
using Course.Jupyter.Protocol;

namespace Course.Kernel.Tests;

public class ProtocolTests
{
    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void Signature_is_lowercase_hex_HMAC_SHA256_of_the_four_parts_in_order()
    {
        var signer = new MessageSigner("key");

        // RFC-style check value: HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog"), split over parts.
        var signature = signer.Sign([Utf8("The quick "), Utf8("brown fox "), Utf8("jumps over "), Utf8("the lazy dog")]);

        Assert.Equal("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8", signature);
    }

    [Fact]
    public void Verification_refuses_wrong_missing_and_replayed_signatures()
    {
        var signer = new MessageSigner("secret");
        byte[][] parts = [Utf8("{}"), Utf8("{}"), Utf8("{}"), Utf8("{\"a\":1}")];
        var good = Utf8(signer.Sign(parts));

        Assert.Equal("the signature is wrong", signer.Verify(Utf8(new MessageSigner("other").Sign(parts)), parts));
        Assert.Equal("the message is not signed", signer.Verify([], parts));
        Assert.Null(signer.Verify(good, parts));
        Assert.Contains("replayed", signer.Verify(good, parts));
    }

    [Fact]
    public void Without_a_key_nothing_is_signed_or_checked()
    {
        var signer = new MessageSigner("");

        Assert.Equal("", signer.Sign([Utf8("{}")]));
        Assert.Null(signer.Verify([], [Utf8("{}")]));
    }

    [Fact]
    public void Messages_round_trip_through_the_wire_format_with_identities_and_buffers()
    {
        var codec = new WireCodec(new MessageSigner("k"));
        var message = new JupyterMessage(
            ["id-1"u8.ToArray(), "id-2"u8.ToArray()],
            JupyterMessage.CreateHeader("execute_request", "s"),
            new JsonObject { ["msg_id"] = "parent" },
            new JsonObject { ["m"] = true },
            new JsonObject { ["code"] = "print é😀" },
            [[1, 2, 3]]);

        var frames = codec.Serialize(message);
        Assert.Equal("<IDS|MSG>"u8.ToArray(), frames[2]);
        Assert.Equal(64, frames[3].Length);
        var parsed = codec.Parse(frames);

        Assert.Equal(2, parsed.Identities.Count);
        Assert.Equal("execute_request", parsed.MessageType);
        Assert.Equal("5.3", parsed.Header["version"]!.GetValue<string>());
        Assert.Equal("parent", parsed.ParentHeader["msg_id"]!.GetValue<string>());
        Assert.Equal("print é😀", parsed.Content["code"]!.GetValue<string>());
        Assert.Equal([1, 2, 3], parsed.Buffers[0]);
    }

    [Theory]
    [InlineData("no-delimiter", "no <IDS|MSG> delimiter")]
    [InlineData("too-few-frames", "are required")]
    [InlineData("content-not-object", "content is not a JSON object")]
    [InlineData("header-not-json", "header is not valid JSON")]
    [InlineData("tampered", "the signature is wrong")]
    public void Malformed_or_forged_messages_are_rejected_with_the_reason(string defect, string reason)
    {
        var signer = new MessageSigner("k");
        var codec = new WireCodec(signer);
        var message = new JupyterMessage([], JupyterMessage.CreateHeader("kernel_info_request", "s"), [], [], [], []);
        var frames = codec.Serialize(message);
        switch (defect)
        {
            case "no-delimiter": frames.RemoveAt(0); break;
            case "too-few-frames": frames.RemoveAt(frames.Count - 1); break;
            case "content-not-object": frames[5] = Utf8("[1]"); frames[1] = Utf8(signer.Sign(frames.Skip(2).Take(4).ToList())); break;
            case "header-not-json": frames[2] = Utf8("{oops"); frames[1] = Utf8(signer.Sign(frames.Skip(2).Take(4).ToList())); break;
            case "tampered": frames[5] = Utf8("{\"code\":\"rm -rf\"}"); break;
        }

        var error = Assert.Throws<MessageRejectedException>(() => codec.Parse(frames));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Connection_files_are_read_and_bad_ones_explained()
    {
        var info = ConnectionInfo.Parse("""{"shell_port": 5, "iopub_port": 6, "stdin_port": 7, "control_port": 8, "hb_port": 9, "ip": "127.0.0.1", "key": "abc", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": ".net-csharp"}""");
        Assert.Equal((5, 6, 7, 8, 9, "abc"), (info.ShellPort, info.IopubPort, info.StdinPort, info.ControlPort, info.HeartbeatPort, info.Key));

        Assert.Contains("only tcp", Assert.Throws<InvalidDataException>(() => ConnectionInfo.Parse("""{"transport": "ipc"}""")).Message);
        Assert.Contains("hmac-sha256", Assert.Throws<InvalidDataException>(() => ConnectionInfo.Parse("""{"key": "k", "signature_scheme": "hmac-md5"}""")).Message);
        Assert.Contains("not an IP address", Assert.Throws<InvalidDataException>(() => ConnectionInfo.Parse("""{"ip": "localhost"}""")).Message);
        Assert.Contains("not valid JSON", Assert.Throws<InvalidDataException>(() => ConnectionInfo.Parse("{")).Message);
        Assert.Contains("cannot read", Assert.Throws<InvalidDataException>(() => ConnectionInfo.Load("/nonexistent/connection.json")).Message);
    }

    [Fact]
    public void Cursor_positions_convert_between_code_points_and_UTF16()
    {
        var text = "a😀b";

        Assert.Equal(3, TextPositions.CodePointsToUtf16(text, 2));
        Assert.Equal(2, TextPositions.Utf16ToCodePoints(text, 3));
        Assert.Equal(text.Length, TextPositions.CodePointsToUtf16(text, 99));
    }
}
