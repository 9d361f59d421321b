using Course.Torch;
using static Course.Torch.torch;

namespace Course.Datasets;

/// <summary>
/// Fashion-MNIST (Zalando, MIT licence) as tensors: 28x28 grey images of ten kinds of clothing,
/// 60,000 for training and 10,000 for testing.
/// </summary>
public static class FashionMnistFiles
{
    public const string DebianFolder = "/usr/share/datasets/fashion-mnist";
    public const string DebianPackage = "dataset-fashion-mnist";

    public static readonly string[] ClassNames =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>
    /// Images as float32 [N, 784] scaled to [0, 1] and labels as int64 [N]; <paramref name="limit"/>
    /// keeps only the first examples (quick runs).
    /// </summary>
    public static (Tensor Images, Tensor Labels) Load(bool train, string? folder = null, int? limit = null)
    {
        var prefix = train ? "train" : "t10k";
        var imagesName = $"{prefix}-images-idx3-ubyte.gz";
        var labelsName = $"{prefix}-labels-idx1-ubyte.gz";
        var found = DataLocator.FindFolder("fashion-mnist", folder, DebianFolder, DebianPackage, imagesName, labelsName);
        var images = IdxFile.Read(DataLocator.ResolveFile(found, imagesName)!);
        var labels = IdxFile.Read(DataLocator.ResolveFile(found, labelsName)!);
        if (images.Dimensions.Length != 3 || labels.Dimensions.Length != 1)
            throw new InvalidDataException($"{images.Path}/{labels.Path}: expected images [N,rows,cols] and labels [N].");
        if (images.Count != labels.Count)
            throw new InvalidDataException($"{images.Path} has {images.Count} images but {labels.Path} has {labels.Count} labels.");

        var count = Math.Min(images.Count, limit ?? images.Count);
        var pixels = images.Dimensions[1] * images.Dimensions[2];
        var x = new float[count * pixels];
        for (var i = 0; i < x.Length; i++) x[i] = images.Data[i] / 255f;
        var y = new long[count];
        for (var i = 0; i < count; i++)
        {
            y[i] = labels.Data[i];
            if (y[i] >= ClassNames.Length)
                throw new InvalidDataException($"{labels.Path}: label {y[i]} at position {i} is not a Fashion-MNIST class (0-9).");
        }
        return (tensor(x, [count, pixels]), tensor(y));
    }
}
