using System.IO.Compression;
using Course.Datasets;

namespace Course.Tests.Datasets;

public sealed class IdxFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("idx-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static byte[] Idx(byte type, params int[] dims)
    {
        var header = new List<byte> { 0, 0, type, (byte)dims.Length };
        long count = 1;
        foreach (var d in dims)
        {
            header.AddRange(BitConverter.GetBytes(d).Reverse()); // big-endian
            count *= d;
        }
        return [.. header, .. Enumerable.Range(0, (int)count).Select(i => (byte)(i % 251))];
    }

    private string Write(string name, byte[] bytes, bool gzip = false)
    {
        var path = Path.Combine(_folder, name);
        if (!gzip)
        {
            File.WriteAllBytes(path, bytes);
            return path;
        }
        using var file = File.Create(path);
        using var zip = new GZipStream(file, CompressionLevel.Fastest);
        zip.Write(bytes);
        return path;
    }

    [Fact]
    public void Reads_plain_and_gzipped_files_alike()
    {
        var bytes = Idx(0x08, 3, 2, 2);
        var plain = IdxFile.Read(Write("a-idx3-ubyte", bytes));
        var zipped = IdxFile.Read(Write("a-idx3-ubyte.gz", bytes, gzip: true));
        Assert.Equal(new[] { 3, 2, 2 }, plain.Dimensions);
        Assert.Equal(plain.Data, zipped.Data);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => (byte)i), plain.Data);
    }

    [Fact]
    public void Wrong_magic_number_names_the_file()
    {
        var bytes = Idx(0x08, 2, 2);
        bytes[0] = 0x12;
        var path = Write("bad-magic", bytes);
        var error = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path));
        Assert.Contains(path, error.Message);
        Assert.Contains("not an IDX file", error.Message);
    }

    [Fact]
    public void Truncated_data_is_refused_with_both_sizes()
    {
        var bytes = Idx(0x08, 10, 28, 28);
        var path = Write("short", bytes[..^5]);
        var error = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path));
        Assert.Contains("7840 bytes of data, but the file has 7835", error.Message);
    }

    [Fact]
    public void Unsupported_type_and_truncated_header_are_explained()
    {
        Assert.Contains("element type 0x0d", Assert.Throws<InvalidDataException>(() => IdxFile.Read(Write("float", Idx(0x0d, 2)))).Message);
        Assert.Contains("inside the IDX header", Assert.Throws<InvalidDataException>(() => IdxFile.Read(Write("hdr", Idx(0x08, 5, 5)[..9]))).Message);
        Assert.Contains("empty file", Assert.Throws<InvalidDataException>(() => IdxFile.Read(Write("empty", []))).Message);
    }

    [Fact]
    public void Mismatched_image_and_label_counts_are_refused()
    {
        Write("train-images-idx3-ubyte", Idx(0x08, 4, 28, 28));
        Write("train-labels-idx1-ubyte", Idx(0x08, 3));
        var error = Assert.Throws<InvalidDataException>(() => FashionMnistFiles.Load(train: true, folder: _folder));
        Assert.Contains("4 images", error.Message);
        Assert.Contains("3 labels", error.Message);
    }

    [Fact]
    public void Missing_files_list_where_they_were_looked_for()
    {
        var error = Assert.Throws<FileNotFoundException>(() =>
            DataLocator.FindFolder("nothing-here", _folder, "/nonexistent/debian", "some-package", "file.gz"));
        Assert.Contains(_folder, error.Message);
        Assert.Contains("apt-get install some-package", error.Message);
    }
}
