using System.Buffers.Binary;
using System.Text;

namespace Course.Jupyter.Zmtp;

/// <summary>
/// A ZMTP command frame body: a 1-byte name length, the ASCII name, then command data (READY and ERROR
/// carry metadata properties or a reason; SUBSCRIBE/CANCEL a topic; PING/PONG a context).
/// </summary>
public sealed record ZmtpCommand(string Name, byte[] Data)
{
    public const string Ready = "READY";
    public const string Error = "ERROR";
    public const string Subscribe = "SUBSCRIBE";
    public const string Cancel = "CANCEL";
    public const string Ping = "PING";
    public const string Pong = "PONG";

    public const string SocketTypeProperty = "Socket-Type";
    public const string IdentityProperty = "Identity";

    public byte[] Encode()
    {
        var body = new byte[1 + Name.Length + Data.Length];
        body[0] = (byte)Name.Length;
        Encoding.ASCII.GetBytes(Name, body.AsSpan(1));
        Data.CopyTo(body, 1 + Name.Length);
        return body;
    }

    public static ZmtpCommand Decode(byte[] body)
    {
        if (body.Length == 0 || body[0] == 0 || 1 + body[0] > body.Length)
            throw new ZmtpProtocolException("malformed command frame");
        var name = Encoding.ASCII.GetString(body, 1, body[0]);
        return new ZmtpCommand(name, body[(1 + body[0])..]);
    }

    public static ZmtpCommand CreateReady(string socketType, byte[]? identity)
    {
        var properties = new List<(string, byte[])> { (SocketTypeProperty, Encoding.ASCII.GetBytes(socketType)) };
        if (identity is not null) properties.Add((IdentityProperty, identity));
        return new ZmtpCommand(Ready, EncodeProperties(properties));
    }

    public static ZmtpCommand CreateError(string reason)
    {
        var text = Encoding.ASCII.GetBytes(reason.Length > byte.MaxValue ? reason[..byte.MaxValue] : reason);
        return new ZmtpCommand(Error, [(byte)text.Length, .. text]);
    }

    /// <summary>The reason of an ERROR command, for the log.</summary>
    public string ErrorReason() =>
        Data.Length > 0 && Data[0] <= Data.Length - 1 ? Encoding.ASCII.GetString(Data, 1, Data[0]) : "(no reason)";

    /// <summary>Metadata properties: 1-byte name length, name, 4-byte big-endian value length, value; repeated.</summary>
    public static byte[] EncodeProperties(IEnumerable<(string Name, byte[] Value)> properties)
    {
        var buffer = new MemoryStream();
        var length = new byte[4];
        foreach (var (name, value) in properties)
        {
            buffer.WriteByte((byte)name.Length);
            buffer.Write(Encoding.ASCII.GetBytes(name));
            BinaryPrimitives.WriteUInt32BigEndian(length, (uint)value.Length);
            buffer.Write(length);
            buffer.Write(value);
        }
        return buffer.ToArray();
    }

    /// <summary>Property names are case-insensitive in ZMTP.</summary>
    public static Dictionary<string, byte[]> DecodeProperties(byte[] data)
    {
        var properties = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        int at = 0;
        while (at < data.Length)
        {
            int nameLength = data[at++];
            if (nameLength == 0 || at + nameLength + 4 > data.Length) throw new ZmtpProtocolException("malformed READY properties");
            var name = Encoding.ASCII.GetString(data, at, nameLength);
            at += nameLength;
            uint valueLength = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(at));
            at += 4;
            if (valueLength > data.Length - at) throw new ZmtpProtocolException($"READY property '{name}' overruns the command");
            properties[name] = data[at..(at + (int)valueLength)];
            at += (int)valueLength;
        }
        return properties;
    }
}
