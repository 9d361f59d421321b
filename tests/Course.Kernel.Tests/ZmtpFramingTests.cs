using Course.Jupyter.Zmtp;

namespace Course.Kernel.Tests;

public class ZmtpFramingTests
{
    [Fact]
    public void Greeting_is_64_bytes_of_signature_version_3_and_the_NULL_mechanism()
    {
        var greeting = ZmtpGreeting.Create();

        Assert.Equal(64, greeting.Length);
        Assert.Equal(0xFF, greeting[0]);
        Assert.All(greeting[1..9], b => Assert.Equal(0, b));
        Assert.Equal(0x7F, greeting[9]);
        Assert.Equal(3, greeting[10]);
        Assert.Equal("NULL"u8.ToArray(), greeting[12..16]);
        Assert.All(greeting[16..64], b => Assert.Equal(0, b));
    }

    [Theory]
    [InlineData(0, "bad greeting signature")]
    [InlineData(10, "ZMTP 3.0 or later")]
    [InlineData(12, "'PLAIN' is not supported")]
    public void A_bad_greeting_is_refused_with_the_reason(int corruptedByte, string reason)
    {
        var greeting = ZmtpGreeting.Create();
        if (corruptedByte == 12) "PLAIN"u8.CopyTo(greeting.AsSpan(12));
        else greeting[corruptedByte] = corruptedByte == 10 ? (byte)2 : (byte)0x00;

        var error = Assert.Throws<ZmtpProtocolException>(() => ZmtpGreeting.Validate(greeting));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public async Task Short_frames_have_a_one_byte_size_and_long_frames_an_eight_byte_big_endian_size()
    {
        var stream = new MemoryStream();
        await ZmtpFrame.WriteAsync(stream, new byte[255], more: true, isCommand: false, default);
        await ZmtpFrame.WriteAsync(stream, new byte[256], more: false, isCommand: false, default);
        var bytes = stream.ToArray();

        Assert.Equal([0x01, 0xFF], bytes[..2]);
        Assert.Equal([0x02, 0, 0, 0, 0, 0, 0, 0x01, 0x00], bytes[257..266]);
        Assert.Equal(2 + 255 + 9 + 256, bytes.Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(70_000)]
    public async Task Frames_of_any_size_read_back_as_written(int length)
    {
        var body = Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();
        var stream = new MemoryStream();
        await ZmtpFrame.WriteAsync(stream, body, more: true, isCommand: false, default);
        stream.Position = 0;

        var frame = await ZmtpFrame.ReadAsync(stream, default);

        Assert.True(frame.More);
        Assert.False(frame.IsCommand);
        Assert.Equal(body, frame.Body);
    }

    [Fact]
    public async Task An_absurd_frame_length_is_refused_before_anything_is_allocated()
    {
        var stream = new MemoryStream([0x02, 0, 0, 0x01, 0, 0, 0, 0, 0]);

        var error = await Assert.ThrowsAsync<ZmtpProtocolException>(() => ZmtpFrame.ReadAsync(stream, default));
        Assert.Contains("exceeds", error.Message);
    }

    [Theory]
    [InlineData(0x08)]
    [InlineData(0x05)]
    public async Task Reserved_flag_bits_and_commands_with_MORE_are_refused(byte flags)
    {
        var stream = new MemoryStream([flags, 0]);

        await Assert.ThrowsAsync<ZmtpProtocolException>(() => ZmtpFrame.ReadAsync(stream, default));
    }

    [Fact]
    public void READY_carries_the_socket_type_and_identity_as_properties()
    {
        var body = ZmtpCommand.CreateReady("DEALER", "me"u8.ToArray()).Encode();

        Assert.Equal((byte)5, body[0]);
        Assert.Equal("READY"u8.ToArray(), body[1..6]);
        var command = ZmtpCommand.Decode(body);
        var properties = ZmtpCommand.DecodeProperties(command.Data);
        Assert.Equal("DEALER"u8.ToArray(), properties["socket-type"]);
        Assert.Equal("me"u8.ToArray(), properties["Identity"]);
    }

    [Fact]
    public void Properties_that_overrun_the_command_are_refused()
    {
        byte[] data = [4, (byte)'N', (byte)'a', (byte)'m', (byte)'e', 0, 0, 0, 50, 1, 2];

        Assert.Throws<ZmtpProtocolException>(() => ZmtpCommand.DecodeProperties(data));
    }
}
