namespace Course.Jupyter.Zmtp;

/// <summary>
/// The fixed 64-byte greeting that opens every ZMTP 3.x connection: signature (0xFF, 8 padding bytes,
/// 0x7F), version, security mechanism name padded to 20 bytes, as-server flag, filler.
/// </summary>
public static class ZmtpGreeting
{
    public const int Length = 64;
    public const byte MajorVersion = 3;
    public const byte MinorVersion = 1;
    public const string NullMechanism = "NULL";

    private const int MechanismOffset = 12;
    private const int MechanismLength = 20;

    public static byte[] Create()
    {
        var greeting = new byte[Length];
        greeting[0] = 0xFF;
        greeting[9] = 0x7F;
        greeting[10] = MajorVersion;
        greeting[11] = MinorVersion;
        for (int i = 0; i < NullMechanism.Length; i++) greeting[MechanismOffset + i] = (byte)NullMechanism[i];
        // as-server (byte 32) stays 0: the NULL mechanism has no client/server roles.
        return greeting;
    }

    /// <summary>Checks a peer's greeting; we speak ZMTP 3.x with the NULL mechanism only.</summary>
    public static void Validate(ReadOnlySpan<byte> greeting)
    {
        if (greeting.Length != Length) throw new ZmtpProtocolException($"greeting has {greeting.Length} bytes, expected {Length}");
        if (greeting[0] != 0xFF || (greeting[9] & 0x01) != 0x01)
            throw new ZmtpProtocolException("not a ZMTP peer (bad greeting signature)");
        if (greeting[10] < MajorVersion)
            throw new ZmtpProtocolException($"peer speaks ZMTP {greeting[10]}.x; ZMTP 3.0 or later is required");
        var mechanism = MechanismName(greeting[MechanismOffset..(MechanismOffset + MechanismLength)]);
        if (mechanism != NullMechanism)
            throw new ZmtpProtocolException($"security mechanism '{mechanism}' is not supported; only NULL is");
    }

    private static string MechanismName(ReadOnlySpan<byte> field)
    {
        int end = field.IndexOf((byte)0);
        if (end < 0) end = field.Length;
        var chars = new char[end];
        for (int i = 0; i < end; i++) chars[i] = field[i] is >= 0x20 and < 0x7F ? (char)field[i] : '?';
        return new string(chars);
    }
}
