using System.IO.Compression;

namespace Course.Tests.Datasets;

/// <summary>A temporary folder for hand-made IDX files, deleted on Dispose.</summary>
public sealed class TempIdxFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("idx-tests-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);

    /// <summary>An IDX file: header with big-endian dimensions, then elements i % 251.</summary>
    public static byte[] Idx(byte type, params int[] dims)
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

    /// <summary>An IDX label file holding exactly <paramref name="labels"/>.</summary>
    public static byte[] Labels(params byte[] labels) => [.. Idx(0x08, labels.Length).Take(8), .. labels];

    public string Write(string name, byte[] bytes, bool gzip = false)
    {
        var path = System.IO.Path.Combine(Path, name);
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
}
