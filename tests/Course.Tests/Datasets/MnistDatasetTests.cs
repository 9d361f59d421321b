using Course.Datasets;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Tests.Datasets;

public sealed class MnistDatasetTests : IDisposable
{
    private readonly TempIdxFolder _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Committed_subset_reads_as_torchvision_FashionMNIST()
    {
        var train = Data.FashionMNIST(Data.FashionMNISTSubsetFolder, train: true);
        var test = Data.FashionMNIST(Data.FashionMNISTSubsetFolder, train: false);

        Assert.Equal(2000, train.Count);
        Assert.Equal(1000, test.Count);
        Assert.Equal(new long[] { 2000, 1, 28, 28 }, train.data.shape);
        Assert.Equal(ScalarType.Float32, train.data.dtype);
        Assert.Equal(ScalarType.Int64, train.targets.dtype);
        Assert.Equal(0f, train.data.min().item<float>());
        Assert.Equal(1f, train.data.max().item<float>());
        // The first training and test images of Fashion-MNIST are both ankle boots.
        Assert.Equal(9, train.targets[0].item<long>());
        Assert.Equal("Ankle boot", train.classes[9]);
        Assert.Equal(9, test.targets[0].item<long>());
        // Every class is present in the subset's 2,000 labels.
        Assert.Equal(10, train.targets.data<long>().ToArray().Distinct().Count());
    }

    [Fact]
    public void Samples_and_batches_have_TorchSharps_data_and_label_layout()
    {
        var test = Data.FashionMNIST(Data.FashionMNISTSubsetFolder, train: false);
        var sample = test.GetTensor(3);
        Assert.Equal(new long[] { 1, 28, 28 }, sample["data"].shape);
        Assert.Empty(sample["label"].shape);
        Assert.Equal(test.targets[3].item<long>(), sample["label"].item<long>());

        // The loader disposes a batch when it moves on (or stops): read it inside the loop.
        var batches = 0;
        foreach (var batch in utils.data.DataLoader(test, batchSize: 64))
        {
            Assert.Equal(new long[] { 64, 1, 28, 28 }, batch["data"].shape);
            Assert.Equal(new long[] { 64 }, batch["label"].shape);
            Assert.Equal(test.data[..64].data<float>().ToArray(), batch["data"].data<float>().ToArray());
            batches++;
            break;
        }
        Assert.Equal(1, batches);
    }

    [Fact]
    public void Reads_hand_made_files_scaled_to_unit_range_and_applies_the_transform()
    {
        _files.Write("t10k-images-idx3-ubyte.gz", TempIdxFolder.Idx(0x08, 3, 2, 2), gzip: true);
        _files.Write("t10k-labels-idx1-ubyte", TempIdxFolder.Labels(7, 0, 3)); // un-gzipped twin is accepted too
        var set = Data.MNIST(_files.Path, train: false, transform: torchvision.transforms.Lambda(image => (image - 0.5) / 0.5));

        Assert.Equal(_files.Path, set.Folder);
        Assert.Equal(new long[] { 3, 1, 2, 2 }, set.data.shape);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => i / 255f), set.data.data<float>().ToArray());
        Assert.Equal(new long[] { 7, 0, 3 }, set.targets.data<long>().ToArray());
        Assert.Equal("7", set.classes[7]);
        // The transform maps pixel 4/255 of sample 1 to (4/255 - 0.5) / 0.5.
        Assert.Equal((4 / 255f - 0.5f) / 0.5f, set.GetTensor(1)["data"].data<float>().ToArray()[0], 6);
    }

    [Fact]
    public void Wrong_magic_number_is_refused_naming_the_file()
    {
        var bytes = TempIdxFolder.Idx(0x08, 2, 28, 28);
        bytes[1] = 0x08;
        var images = _files.Write("train-images-idx3-ubyte.gz", bytes, gzip: true);
        _files.Write("train-labels-idx1-ubyte.gz", TempIdxFolder.Labels(1, 2), gzip: true);
        var error = Assert.Throws<InvalidDataException>(() => Data.FashionMNIST(_files.Path));
        Assert.Contains(images, error.Message);
        Assert.Contains("not an IDX file", error.Message);
    }

    [Fact]
    public void Truncated_images_are_refused_naming_the_file()
    {
        var images = _files.Write("train-images-idx3-ubyte.gz", TempIdxFolder.Idx(0x08, 2, 28, 28)[..^100], gzip: true);
        _files.Write("train-labels-idx1-ubyte.gz", TempIdxFolder.Labels(1, 2), gzip: true);
        var error = Assert.Throws<InvalidDataException>(() => Data.FashionMNIST(_files.Path));
        Assert.Contains(images, error.Message);
        Assert.Contains("1568 bytes of data, but the file has 1468", error.Message);
    }

    [Fact]
    public void Mismatched_image_and_label_counts_name_both_files()
    {
        var images = _files.Write("train-images-idx3-ubyte.gz", TempIdxFolder.Idx(0x08, 4, 28, 28), gzip: true);
        var labels = _files.Write("train-labels-idx1-ubyte.gz", TempIdxFolder.Labels(1, 2, 3), gzip: true);
        var error = Assert.Throws<InvalidDataException>(() => Data.FashionMNIST(_files.Path));
        Assert.Contains($"{images} has 4 images but {labels} has 3 labels", error.Message);
    }

    [Fact]
    public void Labels_outside_the_classes_and_swapped_files_are_refused()
    {
        _files.Write("train-images-idx3-ubyte.gz", TempIdxFolder.Idx(0x08, 2, 28, 28), gzip: true);
        var labels = _files.Write("train-labels-idx1-ubyte.gz", TempIdxFolder.Labels(1, 12), gzip: true);
        Assert.Contains($"{labels}: label 12 at position 1", Assert.Throws<InvalidDataException>(() => Data.FashionMNIST(_files.Path)).Message);

        _files.Write("train-labels-idx1-ubyte.gz", TempIdxFolder.Idx(0x08, 2, 28, 28), gzip: true);
        Assert.Contains("expected labels [N]", Assert.Throws<InvalidDataException>(() => Data.FashionMNIST(_files.Path)).Message);
    }

    [Fact]
    public void Missing_MNIST_files_name_the_official_URL_and_the_places_searched()
    {
        var error = Assert.Throws<FileNotFoundException>(() => Data.MNIST(_files.Path, train: true));
        Assert.Contains(_files.Path, error.Message);
        Assert.Contains("https://ossci-datasets.s3.amazonaws.com/mnist/train-images-idx3-ubyte.gz", error.Message);
        Assert.Contains("no Debian package", error.Message);
    }

    [Fact]
    public void Missing_FashionMNIST_files_name_the_Debian_package()
    {
        var source = DataSource.FashionMnist with { Name = "fashion-mnist-nowhere", DebianFolder = "/nonexistent/debian" };
        var error = Assert.Throws<FileNotFoundException>(() => DataLocator.FindFolder(source, _files.Path, download: false, "train-images-idx3-ubyte.gz"));
        Assert.Contains("/nonexistent/debian", error.Message);
        Assert.Contains("apt-get install dataset-fashion-mnist", error.Message);
    }
}
