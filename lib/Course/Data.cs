using Course.Datasets;
using TorchSharp;

namespace Course;

/// <summary>
/// The course's data sets, found where the course keeps them: <c>Data.FashionMNIST(root, train)</c> searches
/// <c>root</c>, the repository's <c>data/</c> folder, the Debian package's folder, and only when asked the
/// official URL, and says everywhere it looked when the files are nowhere. (TorchVision's own
/// <c>torchvision.datasets.FashionMNIST</c> looks in one folder and downloads otherwise; the course runs
/// offline and checks its files.) Samples are TorchSharp's <c>{"data", "label"}</c> dictionaries.
/// </summary>
public static class Data
{
    /// <summary>Fashion-MNIST's ten classes, label i is FashionMNISTClasses[i].</summary>
    public static IReadOnlyList<string> FashionMNISTClasses { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>MNIST's ten classes, the digits "0" to "9".</summary>
    public static IReadOnlyList<string> MNISTClasses { get; } = [.. Enumerable.Range(0, 10).Select(d => d.ToString())];

    /// <summary>
    /// Fashion-MNIST (Zalando Research, MIT licence): 28x28 grey images of ten kinds of clothing, 60,000 for
    /// training and 10,000 for testing.
    /// </summary>
    /// <param name="root">The folder with the files (or one with a "fashion-mnist" subfolder); null to search.</param>
    /// <param name="train">Training set (true) or test set.</param>
    /// <param name="download">Fetch the files from the official URL if they are nowhere (checksums verified).</param>
    /// <param name="transform">Applied to each image [1, 28, 28] when a sample is read (e.g. torchvision.transforms.Compose(...)).</param>
    public static MnistDataset FashionMNIST(string? root, bool train = true, bool download = false, torchvision.ITransform? transform = null) =>
        new(DataSource.FashionMnist, root, train, download, transform, FashionMNISTClasses);

    /// <summary>
    /// MNIST handwritten digits: 60,000 training and 10,000 test images, 28x28 grey. There is no Debian
    /// package: put the four files in <c>data/mnist</c> (or <paramref name="root"/>), or pass <paramref name="download"/>.
    /// </summary>
    /// <inheritdoc cref="FashionMNIST" path="/param"/>
    public static MnistDataset MNIST(string? root, bool train = true, bool download = false, torchvision.ITransform? transform = null) =>
        new(DataSource.Mnist, root, train, download, transform, MNISTClasses);

    /// <summary>The committed Fashion-MNIST subset (first 2,000 training, 1,000 test images; see data/README.md).</summary>
    public static string FashionMNISTSubsetFolder => DataLocator.SubsetFolder("fashion-mnist");

    /// <summary>
    /// The Mauna Loa weekly CO2 record, March 1958 to December 2001 (C. D. Keeling and T. P. Whorf, Scripps;
    /// public domain): 2,284 weeks in ppm, 59 of them missing (NaN). Searches <paramref name="root"/> (the file
    /// or a folder with co2.csv), the committed <c>data/co2/co2.csv</c>, and Debian's python3-statsmodels.
    /// </summary>
    public static TimeSeries MaunaLoaCO2(string? root = null) => MaunaLoaCo2.Load(root);

    /// <summary>The languages <see cref="Words"/> knows: english, german, french, italian, spanish, dutch, polish.</summary>
    public static IReadOnlyList<string> WordLanguages => WordLists.Languages;

    /// <summary>
    /// One language's words. Searches <paramref name="root"/>, the committed 4,000-word samples in
    /// <c>data/words/</c> (see data/README.md), and the Debian list under /usr/share/dict.
    /// </summary>
    public static IReadOnlyList<string> Words(string language, string? root = null) => WordLists.Load(language, root);
}
