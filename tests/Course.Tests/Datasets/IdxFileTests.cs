using Course.Datasets;

namespace Course.Tests.Datasets;

public sealed class IdxFileTests : IDisposable
{
    private readonly TempIdxFolder _files = new();

    public void Dispose() => _files.Dispose();

    private static byte[] Idx(byte type, params int[] dims) => TempIdxFolder.Idx(type, dims);

    private string Write(string name, byte[] bytes, bool gzip = false) => _files.Write(name, bytes, gzip);

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
}
