using System.Security.Cryptography;
using System.Text;

namespace Course.Jupyter.Protocol;

/// <summary>
/// Jupyter's message authentication: HMAC-SHA256 over the header, parent header, metadata and content
/// frames, as lowercase hex. An empty key means messages are neither signed nor checked. A signature
/// seen before is a replay and is refused, as jupyter_client does.
/// </summary>
public sealed class MessageSigner
{
    public const string Scheme = "hmac-sha256";

    /// <summary>How many recent signatures are remembered for replay detection.</summary>
    private const int ReplayHistory = 1 << 16;

    private readonly byte[] key;
    private readonly HashSet<string> seen = [];
    private readonly Queue<string> seenOrder = new();

    public MessageSigner(string key) => this.key = Encoding.UTF8.GetBytes(key);

    public bool SignsMessages => key.Length > 0;

    public string Sign(IReadOnlyList<byte[]> parts)
    {
        if (!SignsMessages) return "";
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        foreach (var part in parts) hmac.AppendData(part);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    /// <summary>Null when <paramref name="signature"/> is right for <paramref name="parts"/>; otherwise why not.</summary>
    public string? Verify(byte[] signature, IReadOnlyList<byte[]> parts)
    {
        if (!SignsMessages) return null;
        if (signature.Length == 0) return "the message is not signed";
        var expected = Encoding.ASCII.GetBytes(Sign(parts));
        // Constant-time: how much of a forged signature matches must not show in the time taken.
        if (!CryptographicOperations.FixedTimeEquals(expected, signature)) return "the signature is wrong";
        var text = Encoding.ASCII.GetString(signature);
        lock (seen)
        {
            if (!seen.Add(text)) return "the signature was already used (a replayed message)";
            seenOrder.Enqueue(text);
            if (seenOrder.Count > ReplayHistory) seen.Remove(seenOrder.Dequeue());
        }
        return null;
    }
}
