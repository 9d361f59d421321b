using Course.Datasets;
using static Course.Torch.torch;

namespace Course;

/// <summary>
/// The course's counterpart of TorchSharp's <c>TorchSharp.torchvision</c> (and Python's torchvision):
/// <c>torchvision.datasets.FashionMNIST(root, train, download)</c>, <c>torchvision.transforms.Compose(...)</c>,
/// <c>torchvision.utils.make_grid(...)</c>. Names and arguments are TorchSharp's, so code moves to
/// TorchSharp by changing its <c>using</c> lines. Write <c>using Course;</c> and call through <c>torchvision.</c>
/// (a <c>using static</c> of both torch and torchvision would make their two <c>utils</c> ambiguous).
/// </summary>
public static partial class torchvision
{
    /// <summary>Turns an image tensor into another, e.g. an augmented or normalised copy (TorchSharp's interface).</summary>
    public interface ITransform
    {
        Tensor call(Tensor input);
    }

    public static class datasets
    {
        /// <summary>Fashion-MNIST's ten classes, label i is FashionMNISTClasses[i].</summary>
        public static IReadOnlyList<string> FashionMNISTClasses { get; } =
            ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

        /// <summary>MNIST's ten classes, the digits "0" to "9".</summary>
        public static IReadOnlyList<string> MNISTClasses { get; } = [.. Enumerable.Range(0, 10).Select(d => d.ToString())];

        /// <summary>
        /// Fashion-MNIST (Zalando Research, MIT licence): 28x28 grey images of ten kinds of clothing, 60,000 for
        /// training and 10,000 for testing. Looks in <paramref name="root"/>, <c>data/fashion-mnist</c>, the
        /// Debian package's folder, then (with <paramref name="download"/>) fetches the official files.
        /// </summary>
        /// <param name="root">The folder with the files (or one with a "fashion-mnist" subfolder); null to search.</param>
        /// <param name="train">Training set (true) or test set.</param>
        /// <param name="download">Fetch the files from the official URL if they are nowhere (checksums verified).</param>
        /// <param name="target_transform">
        /// Applied to each image [1, 28, 28] when a sample is read. The name is TorchSharp's, whose MNIST
        /// datasets apply it to the image despite the name (torchvision calls this <c>transform</c>).
        /// </param>
        public static MnistDataset FashionMNIST(string? root, bool train = true, bool download = false, ITransform? target_transform = null) =>
            new(DataSource.FashionMnist, root, train, download, target_transform, FashionMNISTClasses);

        /// <summary>
        /// MNIST handwritten digits: 60,000 training and 10,000 test images, 28x28 grey. There is no Debian
        /// package: put the four files in <c>data/mnist</c> (or <paramref name="root"/>), or pass <paramref name="download"/>.
        /// </summary>
        /// <inheritdoc cref="FashionMNIST" path="/param"/>
        public static MnistDataset MNIST(string? root, bool train = true, bool download = false, ITransform? target_transform = null) =>
            new(DataSource.Mnist, root, train, download, target_transform, MNISTClasses);

        /// <summary>The committed Fashion-MNIST subset (first 2,000 training, 1,000 test images; see data/README.md).</summary>
        public static string FashionMNISTSubsetFolder => DataLocator.SubsetFolder("fashion-mnist");
    }
}
