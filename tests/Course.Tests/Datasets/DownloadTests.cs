using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Course.Datasets;

namespace Course.Tests.Datasets;

/// <summary>Downloads against a local HTTP server (the tests run offline) and checksum checks on temp files.</summary>
public sealed class DownloadTests : IDisposable
{
    private readonly TempIdxFolder _files = new();
    private readonly HttpListener _server = new();
    private readonly Dictionary<string, byte[]> _served = [];
    private readonly string _baseUrl;

    public DownloadTests()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _baseUrl = $"http://127.0.0.1:{port}/";
        _server.Prefixes.Add(_baseUrl);
        _server.Start();
        _ = Task.Run(Serve);
    }

    private async Task Serve()
    {
        while (_server.IsListening)
        {
            HttpListenerContext context;
            try { context = await _server.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            var name = context.Request.Url!.AbsolutePath.TrimStart('/');
            if (_served.TryGetValue(name, out var body))
                await context.Response.OutputStream.WriteAsync(body);
            else
                context.Response.StatusCode = 404;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _server.Close();
        _files.Dispose();
    }

    private static string Md5(byte[] bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));

    private DataSource Source(Dictionary<string, string> md5) => new("tiny", null, null, _baseUrl, md5);

    [Fact]
    public void Downloads_verified_files_into_root_and_the_dataset_reads_them()
    {
        var images = TempIdxFolder.Idx(0x08, 2, 3, 3);
        var labels = TempIdxFolder.Labels(4, 5);
        _served["t10k-images-idx3-ubyte.gz"] = images;
        _served["t10k-labels-idx1-ubyte.gz"] = labels;
        var root = Path.Combine(_files.Path, "downloaded");
        var source = Source(new() { ["t10k-images-idx3-ubyte.gz"] = Md5(images), ["t10k-labels-idx1-ubyte.gz"] = Md5(labels) });

        var set = new MnistDataset(source, root, train: false, download: true, transform: null, Data.MNISTClasses);

        Assert.Equal(root, set.Folder);
        Assert.Equal(images, File.ReadAllBytes(Path.Combine(root, "t10k-images-idx3-ubyte.gz")));
        Assert.Equal(new long[] { 4, 5 }, set.targets.data<long>().ToArray());
        Assert.False(File.Exists(Path.Combine(root, "t10k-images-idx3-ubyte.gz.part")));
    }

    [Fact]
    public void A_download_with_the_wrong_checksum_is_deleted_and_explained()
    {
        _served["train-labels-idx1-ubyte.gz"] = TempIdxFolder.Labels(1, 2, 3);
        var source = Source(new() { ["train-labels-idx1-ubyte.gz"] = "00000000000000000000000000000000" });
        var error = Assert.Throws<InvalidDataException>(() => DataLocator.FindFolder(source, _files.Path, download: true, "train-labels-idx1-ubyte.gz"));
        Assert.Contains("checksum mismatch", error.Message);
        Assert.Contains(_baseUrl + "train-labels-idx1-ubyte.gz", error.Message);
        Assert.Empty(Directory.GetFiles(_files.Path));
    }

    [Fact]
    public void A_missing_file_on_the_server_names_the_URL()
    {
        var source = Source(new() { ["absent.gz"] = "00000000000000000000000000000000" });
        var error = Assert.Throws<IOException>(() => DataLocator.FindFolder(source, _files.Path, download: true, "absent.gz"));
        Assert.Contains(_baseUrl + "absent.gz", error.Message);
        Assert.Contains("404", error.Message);
        Assert.Empty(Directory.GetFiles(_files.Path));
    }

    [Fact]
    public void VerifyMd5_keeps_a_matching_file_and_deletes_a_corrupt_one()
    {
        var bytes = "Fashion-MNIST"u8.ToArray();
        var path = _files.Write("file.gz", bytes);
        Download.VerifyMd5(path, Md5(bytes).ToUpperInvariant(), "a test");
        Assert.True(File.Exists(path));

        bytes[0] ^= 1;
        File.WriteAllBytes(path, bytes);
        var error = Assert.Throws<InvalidDataException>(() => Download.VerifyMd5(path, Md5("Fashion-MNIST"u8.ToArray()), "a test"));
        Assert.Contains(path, error.Message);
        Assert.Contains(Md5(bytes), error.Message);
        Assert.False(File.Exists(path));
    }
}
