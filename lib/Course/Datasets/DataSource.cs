namespace Course.Datasets;

/// <summary>
/// Where one dataset's files can come from: its folder name under <c>data/</c>, the Debian package that
/// installs it (if any), and the official download address with the checksum its authors publish for
/// each file.
/// </summary>
/// <param name="Name">Folder name, e.g. "fashion-mnist" (looked for as <c>data/fashion-mnist</c>).</param>
/// <param name="DebianFolder">Where the Debian package puts the files, or null if there is none.</param>
/// <param name="DebianPackage">The package to <c>apt-get install</c>, or null.</param>
/// <param name="BaseUrl">The official address; a file's URL is this plus its name.</param>
/// <param name="Md5">The published MD5 of each downloadable file, by file name.</param>
public sealed record DataSource(string Name, string? DebianFolder, string? DebianPackage, string BaseUrl, IReadOnlyDictionary<string, string> Md5)
{
    /// <summary>Fashion-MNIST (Zalando Research, MIT licence); MD5 sums as published in its README.</summary>
    public static DataSource FashionMnist { get; } = new(
        "fashion-mnist", "/usr/share/datasets/fashion-mnist", "dataset-fashion-mnist",
        "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
        new Dictionary<string, string>
        {
            ["train-images-idx3-ubyte.gz"] = "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
            ["train-labels-idx1-ubyte.gz"] = "25c81989df183df01b3e8a0aad5dffbe",
            ["t10k-images-idx3-ubyte.gz"] = "bef4ecab320f06d8554ea6380940ec79",
            ["t10k-labels-idx1-ubyte.gz"] = "bb300cfdad3c16e7a12a480ee83cd310",
        });

    /// <summary>MNIST (LeCun, Cortes, Burges); no Debian package. The mirror and MD5 sums torchvision uses.</summary>
    public static DataSource Mnist { get; } = new(
        "mnist", null, null,
        "https://ossci-datasets.s3.amazonaws.com/mnist/",
        new Dictionary<string, string>
        {
            ["train-images-idx3-ubyte.gz"] = "f68b3c2dcbeaaa9fbdd348bbdeb94873",
            ["train-labels-idx1-ubyte.gz"] = "d53e105ee54ea40749a09fcbcd1e9432",
            ["t10k-images-idx3-ubyte.gz"] = "9fb629c4189551a2d022fa330f9573f3",
            ["t10k-labels-idx1-ubyte.gz"] = "ec29112dd5afa0611ce80d1b7f02629c",
        });

    /// <summary>The file's official URL.</summary>
    public string UrlOf(string fileName) => BaseUrl + fileName;
}
