using System.Buffers.Binary;

namespace Course.Jupyter.Zmtp;

/// <summary>
/// One ZMTP 3.x frame: a flags byte (MORE, LONG, COMMAND), a 1-byte or 8-byte big-endian size, the body.
/// </summary>
public readonly record struct ZmtpFrame(bool More, bool IsCommand, byte[] Body)
{
    public const byte MoreFlag = 0x01;
    public const byte LongFlag = 0x02;
    public const byte CommandFlag = 0x04;

    /// <summary>Largest frame body accepted from a peer; a longer announced size is treated as garbage, not allocated.</summary>
    public const long MaxBodyLength = 256L * 1024 * 1024;

    public static async Task<ZmtpFrame> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var header = new byte[8];
        await stream.ReadExactlyAsync(header.AsMemory(0, 1), cancellationToken).ConfigureAwait(false);
        byte flags = header[0];
        if ((flags & ~(MoreFlag | LongFlag | CommandFlag)) != 0)
            throw new ZmtpProtocolException($"invalid frame flags 0x{flags:X2}");
        bool isCommand = (flags & CommandFlag) != 0;
        bool more = (flags & MoreFlag) != 0;
        if (isCommand && more) throw new ZmtpProtocolException("a command frame cannot have the MORE flag");

        long length;
        if ((flags & LongFlag) != 0)
        {
            await stream.ReadExactlyAsync(header.AsMemory(0, 8), cancellationToken).ConfigureAwait(false);
            ulong announced = BinaryPrimitives.ReadUInt64BigEndian(header);
            if (announced > MaxBodyLength)
                throw new ZmtpProtocolException($"frame of {announced} bytes exceeds the {MaxBodyLength}-byte limit");
            length = (long)announced;
        }
        else
        {
            await stream.ReadExactlyAsync(header.AsMemory(0, 1), cancellationToken).ConfigureAwait(false);
            length = header[0];
        }

        var body = length == 0 ? [] : new byte[length];
        await stream.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);
        return new ZmtpFrame(more, isCommand, body);
    }

    /// <summary>Writes the frame header and body (not flushed: a caller writes a whole message, then flushes).</summary>
    public static async Task WriteAsync(Stream stream, ReadOnlyMemory<byte> body, bool more, bool isCommand, CancellationToken cancellationToken)
    {
        var header = new byte[9];
        bool isLong = body.Length > byte.MaxValue;
        header[0] = (byte)((more ? MoreFlag : 0) | (isLong ? LongFlag : 0) | (isCommand ? CommandFlag : 0));
        int headerLength;
        if (isLong)
        {
            BinaryPrimitives.WriteUInt64BigEndian(header.AsSpan(1), (ulong)body.Length);
            headerLength = 9;
        }
        else
        {
            header[1] = (byte)body.Length;
            headerLength = 2;
        }
        await stream.WriteAsync(header.AsMemory(0, headerLength), cancellationToken).ConfigureAwait(false);
        if (!body.IsEmpty) await stream.WriteAsync(body, cancellationToken).ConfigureAwait(false);
    }
}
