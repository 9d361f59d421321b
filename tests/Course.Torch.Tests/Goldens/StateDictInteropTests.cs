using System.Text.Json;
using Course.Torch;
using Course.Torch.Serialization;
using Xunit.Abstractions;
using static Course.Torch.torch;

namespace Course.Torch.Tests.Goldens;

/// <summary>
/// Weights move between PyTorch and the engine through TorchSharp's state_dict format: files written
/// by PyTorch (tests/goldens/state_dicts.py, committed) load into the engine, and files the engine
/// writes read back in PyTorch (tests/goldens/read_state_dict.py, run with Debian's python3-torch).
/// </summary>
public class StateDictInteropTests(ITestOutputHelper output)
{
    private static readonly GoldenFile File = GoldenFile.Load("state_dicts.json");

    private static Modules.Sequential Model() => nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2));

    private static Dictionary<string, GoldenTensor> Expected(string caseName) =>
        File.Cases[caseName].GetProperty("state").EnumerateObject().ToDictionary(e => e.Name, e => GoldenTensor.Parse(e.Value));

    [Fact]
    public void A_model_saved_by_pytorch_loads_into_the_engine_and_computes_the_same_output()
    {
        var model = Model();
        model.load(GoldenFile.PathOf("model_from_pytorch.dat"));

        var expected = Expected("model");
        var state = model.state_dict();
        Assert.Equal(expected.Keys, state.Keys);
        foreach (var (key, value) in expected)
            GoldenAssert.Identical(value, state[key], $"model_from_pytorch.dat: {key}");

        var json = File.Cases["model"];
        var x = GoldenTensor.Parse(json.GetProperty("input")).ToTensor();
        GoldenAssert.Close(GoldenTensor.Parse(json.GetProperty("output")), model.call(x), "model output for PyTorch's input");
    }

    [Fact]
    public void Tensors_of_every_dtype_saved_by_pytorch_read_back_unchanged()
    {
        using var stream = System.IO.File.OpenRead(GoldenFile.PathOf("tensors_from_pytorch.dat"));
        var read = StateDictFormat.Read(stream);

        var expected = Expected("tensors");
        Assert.Equal(expected.Keys, read.Keys);
        foreach (var (key, value) in expected)
            GoldenAssert.Identical(value, read[key], $"tensors_from_pytorch.dat: {key}");
    }

    [Fact]
    public void A_file_written_by_the_engine_reads_back_in_pytorch()
    {
        var model = Model();
        var tensors = new Dictionary<string, Tensor>
        {
            ["float64"] = randn(3, 2, dtype: float64),
            ["int64"] = tensor(new long[] { -5, 0, 1L << 42 }),
            ["bool"] = tensor(new[] { false, true, true }),
            ["scalar"] = tensor(-0.75f),
            ["transposed"] = randn(2, 3).t(),
            ["empty"] = zeros(0, 4),
            ["key.größe"] = ones(2),
        };
        var modelFile = Path.GetTempFileName();
        var tensorsFile = Path.GetTempFileName();
        try
        {
            model.save(modelFile);
            using (var stream = System.IO.File.Create(tensorsFile)) StateDictFormat.Write(stream, tensors);

            if (ReadWithPyTorch(modelFile, tensorsFile) is not { } read) return;
            AssertSame(model.state_dict(), read[0]);
            AssertSame(tensors, read[1]);
        }
        finally
        {
            System.IO.File.Delete(modelFile);
            System.IO.File.Delete(tensorsFile);
        }
    }

    private static void AssertSame(Dictionary<string, Tensor> written, Dictionary<string, GoldenTensor> read)
    {
        Assert.Equal(written.Keys, read.Keys);
        foreach (var (key, value) in written)
            GoldenAssert.Identical(read[key], value, $"'{key}' as PyTorch reads it");
    }

    /// <summary>The files as PyTorch reads them, or null when this machine has no PyTorch (see <see cref="PyTorchScript.Run"/>).</summary>
    private List<Dictionary<string, GoldenTensor>>? ReadWithPyTorch(params string[] paths)
    {
        if (PyTorchScript.Run(output, "this interoperability check", GoldenFile.PathOf("read_state_dict.py"), paths) is not { } stdout) return null;
        using var document = JsonDocument.Parse(stdout);
        return document.RootElement.Clone().EnumerateArray()
            .Select(file => file.EnumerateObject().ToDictionary(e => e.Name, e => GoldenTensor.Parse(e.Value)))
            .ToList();
    }
}
