using Course.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Tests.Training;

public sealed class ModelFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("course-model-file-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static nn.Module<Tensor, Tensor> Model(int inputs = 4)
    {
        manual_seed(inputs);
        return nn.Sequential(nn.Linear(inputs, 3), nn.ReLU(), nn.Linear(3, 2));
    }

    private static float[] Weights(nn.Module module) =>
        [.. module.parameters().SelectMany(p => p.data<float>().ToArray())];

    [Fact]
    public void A_saved_model_loads_into_a_fresh_one_with_the_same_outputs()
    {
        var trained = Model();
        var path = Path.Combine(_folder, "nested", "model.bin");
        ModelFile.Save(trained, path);

        manual_seed(99);
        var fresh = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2));
        Assert.NotEqual(Weights(trained), Weights(fresh));
        ModelFile.Load(fresh, path);

        var x = randn(5, 4);
        Assert.Equal(trained.call(x).data<float>().ToArray(), fresh.call(x).data<float>().ToArray());
    }

    [Fact]
    public void A_missing_file_names_its_path()
    {
        var path = Path.Combine(_folder, "absent.bin");
        var error = Assert.Throws<FileNotFoundException>(() => ModelFile.Load(Model(), path));
        Assert.Contains(path, error.Message);
    }

    public static TheoryData<string> BadFiles => ["random bytes", "truncated", "another architecture", "empty"];

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_file_names_its_path_and_leaves_the_weights_unchanged(string kind)
    {
        var path = Path.Combine(_folder, "bad.bin");
        switch (kind)
        {
            case "random bytes":
                File.WriteAllBytes(path, [.. Enumerable.Range(0, 300).Select(i => (byte)(i * 37 % 251))]);
                break;
            case "truncated":
                ModelFile.Save(Model(), path);
                var bytes = File.ReadAllBytes(path);
                File.WriteAllBytes(path, bytes[..(bytes.Length * 2 / 3)]);
                break;
            case "another architecture":
                ModelFile.Save(Model(inputs: 6), path);
                break;
            case "empty":
                File.WriteAllBytes(path, []);
                break;
        }
        var model = Model();
        var before = Weights(model);

        var error = Assert.Throws<InvalidDataException>(() => ModelFile.Load(model, path));

        Assert.Contains(path, error.Message);
        Assert.Contains("weights are unchanged", error.Message);
        Assert.Equal(before, Weights(model));
    }
}
