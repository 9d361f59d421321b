using TorchSharp;
using static TorchSharp.torch;

namespace Course.Datasets;

/// <summary>
/// A dataset in MNIST's layout (MNIST, Fashion-MNIST): grey images with one class label each, read from a
/// pair of IDX files. Sample i is <c>{ "data": image [1, H, W] float32 in [0, 1], "label": int64 scalar }</c>,
/// as in TorchSharp, so a <c>DataLoader</c> gives batches <c>"data"</c> [B, 1, H, W] and <c>"label"</c> [B].
/// For whole-set work use <see cref="data"/> and <see cref="targets"/> directly.
/// </summary>
public sealed class MnistDataset : torch.utils.data.Dataset
{
    private readonly torchvision.ITransform? _transform;

    /// <param name="source">Which dataset, and where its files may be found or fetched.</param>
    /// <param name="root">A folder holding the files (or a subfolder named after the dataset); null to search.</param>
    /// <param name="train">The 60,000 training images ("train-*" files) or the 10,000 test images ("t10k-*").</param>
    /// <param name="download">When the files are nowhere, fetch them from the official URL (checksums verified).</param>
    /// <param name="transform">Applied to each image [1, H, W] when a sample is read.</param>
    /// <param name="classes">Class names, label i is classes[i].</param>
    public MnistDataset(DataSource source, string? root, bool train, bool download, torchvision.ITransform? transform, IReadOnlyList<string> classes)
    {
        var prefix = train ? "train" : "t10k";
        var imagesName = $"{prefix}-images-idx3-ubyte.gz";
        var labelsName = $"{prefix}-labels-idx1-ubyte.gz";
        var folder = DataLocator.FindFolder(source, root, download, imagesName, labelsName);
        var images = IdxFile.Read(DataLocator.ResolveFile(folder, imagesName)!);
        var labels = IdxFile.Read(DataLocator.ResolveFile(folder, labelsName)!);
        if (images.Dimensions.Length != 3)
            throw new InvalidDataException($"{images.Path}: expected images [N, rows, columns], but the header says [{string.Join("x", images.Dimensions)}].");
        if (labels.Dimensions.Length != 1)
            throw new InvalidDataException($"{labels.Path}: expected labels [N], but the header says [{string.Join("x", labels.Dimensions)}].");
        if (images.Count != labels.Count)
            throw new InvalidDataException($"{images.Path} has {images.Count} images but {labels.Path} has {labels.Count} labels; they must pair up one to one.");

        var pixels = new float[images.Data.Length];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = images.Data[i] / 255f;
        var y = new long[labels.Count];
        for (var i = 0; i < y.Length; i++)
        {
            y[i] = labels.Data[i];
            if (y[i] >= classes.Count)
                throw new InvalidDataException($"{labels.Path}: label {y[i]} at position {i} is not a {source.Name} class (0-{classes.Count - 1}).");
        }

        Folder = folder;
        this.classes = classes;
        // The data set's tensors live as long as it does, beyond any dispose scope it is made in.
        data = tensor(pixels, [images.Count, 1, images.Dimensions[1], images.Dimensions[2]]).DetachFromDisposeScope();
        targets = tensor(y).DetachFromDisposeScope();
        _transform = transform;
    }

    /// <summary>The folder the files were read from.</summary>
    public string Folder { get; }

    /// <summary>Class names by label (torchvision's <c>classes</c>).</summary>
    public IReadOnlyList<string> classes { get; }

    /// <summary>
    /// All images, float32 [N, 1, H, W] scaled to [0, 1], untransformed. (torchvision keeps uint8 [N, H, W]
    /// here; the engine has no uint8, and every course model wants the float form.)
    /// </summary>
    public Tensor data { get; }

    /// <summary>All labels, int64 [N].</summary>
    public Tensor targets { get; }

    public override long Count => targets.shape[0];

    public override Dictionary<string, Tensor> GetTensor(long index)
    {
        if (index < 0 || index >= Count)
            throw new ArgumentOutOfRangeException(nameof(index), $"{Folder}: index {index} is out of range for {Count} samples.");
        var image = data[index];
        return new() { ["data"] = _transform?.call(image) ?? image, ["label"] = targets[index] };
    }
}
