using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Course.Jupyter.Protocol;
using Course.Kernel.Commands;
using Xunit.Abstractions;

namespace Course.Kernel.Tests;

public class CommandTests(ITestOutputHelper output) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("kernel-command-test").FullName;

    [Fact]
    public async Task Install_writes_a_kernelspec_that_starts_this_build_with_the_connection_file()
    {
        var console = new StringWriter();

        int exitCode = await Program.InvokeAsync(["install", "--prefix", folder], console);

        Assert.True(exitCode == 0, console.ToString());
        var spec = Path.Combine(folder, "share", "jupyter", "kernels", ".net-csharp");
        var kernelJson = JsonNode.Parse(File.ReadAllText(Path.Combine(spec, "kernel.json")))!;
        var argv = kernelJson["argv"]!.AsArray().Select(a => a!.GetValue<string>()).ToArray();
        Assert.Equal("dotnet", argv[0]);
        Assert.True(Path.IsPathFullyQualified(argv[1]) && File.Exists(argv[1]) && argv[1].EndsWith("Course.Kernel.dll"), argv[1]);
        Assert.Equal(["kernel", "-f", "{connection_file}"], argv[2..]);
        Assert.Equal(".NET (C#)", kernelJson["display_name"]!.GetValue<string>());
        Assert.Equal("C#", kernelJson["language"]!.GetValue<string>());
        Assert.Equal("message", kernelJson["interrupt_mode"]!.GetValue<string>());
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(Path.Combine(spec, "logo-64x64.png"))[..4]);
        Assert.Contains(spec, console.ToString());

        if (await ExternalPrograms.MissingPythonAsync("jupyter_client") is { } missing)
        {
            ExternalPrograms.Unavailable(missing, output);
            return;
        }
        var (listed, json, error) = await ExternalPrograms.RunAsync(ExternalPrograms.Python, ["-m", "jupyter_client.kernelspecapp", "list", "--json"], TimeSpan.FromMinutes(1),
            new Dictionary<string, string> { ["JUPYTER_PATH"] = Path.Combine(folder, "share", "jupyter") });
        Assert.True(listed == 0, error);
        var found = JsonNode.Parse(json)!["kernelspecs"]![".net-csharp"];
        Assert.NotNull(found);
        Assert.Equal(".NET (C#)", found!["spec"]!["display_name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Install_accepts_only_one_destination()
    {
        var console = new StringWriter();

        int exitCode = await Program.InvokeAsync(["install", "--user", "--prefix", folder], console);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Choose one of", console.ToString());
    }

    [Theory]
    [InlineData(new[] { "export", "--output", "site" }, "notebooks")]
    [InlineData(new[] { "export", "notebooks" }, "--output")]
    public async Task Export_explains_bad_arguments(string[] arguments, string named)
    {
        var console = new StringWriter();

        int exitCode = await Program.InvokeAsync(arguments, console);

        Assert.NotEqual(0, exitCode);
        Assert.Contains(named, console.ToString());
        Assert.False(Directory.Exists("site"), "nothing is written when the command line is wrong");
    }

    [Fact]
    public async Task Kernel_explains_a_bad_connection_file()
    {
        var path = Path.Combine(folder, "connection.json");
        File.WriteAllText(path, """{"transport": "ipc"}""");
        var console = new StringWriter();

        int exitCode = await KernelCommand.Create(() => new FakeNotebookSession()).Parse(["kernel", "-f", path]).InvokeAsync(
            new() { Output = console, Error = console });

        Assert.Equal(2, exitCode);
        Assert.Contains("only tcp", console.ToString());
    }

    [Fact]
    public async Task Kernel_serves_the_connection_file_ports_until_shutdown()
    {
        var ports = FreePorts(5);
        var connection = new ConnectionInfo
        {
            Ip = "127.0.0.1", Key = KernelHarness.Key,
            ShellPort = ports[0], IopubPort = ports[1], StdinPort = ports[2], ControlPort = ports[3], HeartbeatPort = ports[4],
        };
        var path = Path.Combine(folder, "connection.json");
        File.WriteAllText(path, JsonSerializer.Serialize(connection));
        var console = new StringWriter();
        var running = KernelCommand.Create(() => new FakeNotebookSession()).Parse(["kernel", "-f", path]).InvokeAsync(
            new() { Output = console, Error = console });

        var codec = new WireCodec(new MessageSigner(KernelHarness.Key));
        using var shell = await ConnectWhenListeningAsync(ports[0]);
        using var control = await ConnectWhenListeningAsync(ports[3]);
        await shell.SendAsync(codec.Serialize(new JupyterMessage([], JupyterMessage.CreateHeader("kernel_info_request", "t"), [], [], [], [])));
        var info = codec.Parse(await shell.ReceiveAsync());
        await control.SendAsync(codec.Serialize(new JupyterMessage([], JupyterMessage.CreateHeader("shutdown_request", "t"), [], [], new JsonObject { ["restart"] = false }, [])));
        var shutdown = codec.Parse(await control.ReceiveAsync());

        Assert.Equal("kernel_info_reply", info.MessageType);
        Assert.Equal("shutdown_reply", shutdown.MessageType);
        Assert.Equal(0, await running.WaitAsync(ZmtpTestPeer.Patience));
    }

    private static async Task<ZmtpTestPeer> ConnectWhenListeningAsync(int port)
    {
        var deadline = DateTime.UtcNow + ZmtpTestPeer.Patience;
        while (true)
        {
            try
            {
                return await ZmtpTestPeer.ConnectAsync(port, "DEALER");
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(10);
            }
        }
    }

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        foreach (var listener in listeners) listener.Start();
        var ports = listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port).ToArray();
        foreach (var listener in listeners) listener.Stop();
        return ports;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
