using System.Net;

namespace Course.Jupyter.Zmtp;

/// <summary>
/// Jupyter's heartbeat: a REP-style socket that sends every message straight back to the peer it came
/// from (frames unchanged, so a REQ peer's empty delimiter frame is echoed too).
/// </summary>
public sealed class EchoSocket(string name, IPEndPoint endPoint, Action<string> log)
    : ZmtpSocket(name, "REP", ["REQ", "DEALER"], endPoint, log)
{
    protected override void OnMessage(ZmtpConnection connection, List<byte[]> message) => connection.Send(message);
}
