using static Course.Torch.torch;
using static Course.Torch.torch.nn;

namespace Course.Torch.Tests.Nn;

public class StateDictTests
{
    private static void AssertSameValues(Module expected, Module actual)
    {
        foreach (var ((name, a), (_, b)) in expected.state_dict().Select(e => (e.Key, e.Value)).Zip(actual.state_dict().Select(e => (e.Key, e.Value))))
            Assert.True(a.to(float64).data<double>().SequenceEqual(b.to(float64).data<double>()), $"'{name}' differs");
    }

    [Fact]
    public void State_dict_lists_each_modules_parameters_then_buffers_depth_first()
    {
        var model = new Nested();
        Assert.Equal(
            ["scale", "running", "encoder.fc1.weight", "encoder.fc1.bias", "encoder.fc2.weight", "encoder.fc2.bias",
             "head.0.weight", "head.0.bias", "head.2.weight", "head.2.bias"],
            model.state_dict().Keys);
        Assert.Same(model.get_parameter("head.0.weight"), model.state_dict()["head.0.weight"]);
        Assert.Equal(["p.scale", "p.running"], new Nested().state_dict(prefix: "p").Keys.Take(2));
    }

    [Fact]
    public void Non_persistent_buffers_are_not_saved()
    {
        var model = Linear(2, 2);
        model.register_buffer("cache", zeros(2), persistent: false);
        model.register_buffer("steps", zeros(1, dtype: int64));
        Assert.Equal(["weight", "bias", "steps"], model.state_dict().Keys);
        Assert.Equal(2, model.buffers().Count());
    }

    [Fact]
    public void Save_and_load_round_trip_through_a_file()
    {
        manual_seed(1);
        var trained = new Nested();
        manual_seed(2);
        var fresh = new Nested();
        var path = Path.Combine(Path.GetTempPath(), $"nnbase-{Guid.NewGuid():N}.dat");
        try
        {
            trained.save(path);
            Assert.Same(fresh, fresh.load(path));
        }
        finally
        {
            File.Delete(path);
        }
        AssertSameValues(trained, fresh);
        trained.eval();
        fresh.eval();
        var x = randn(3, 4);
        Assert.Equal(trained.call(x).data<float>().ToArray(), fresh.call(x).data<float>().ToArray());
    }

    [Fact]
    public void Save_and_load_round_trip_through_a_stream_that_stays_open()
    {
        var model = Sequential(Linear(3, 2, dtype: float64), Linear(2, 1, dtype: float64));
        model.register_buffer("mask", tensor(new[] { true, false, true }));
        model.register_buffer("count", tensor(new long[] { 42 }));
        var stream = new MemoryStream();
        model.save(stream);
        Assert.True(stream.CanWrite);

        var copy = Sequential(Linear(3, 2, dtype: float64), Linear(2, 1, dtype: float64));
        copy.register_buffer("mask", zeros(3, dtype: ScalarType.Bool));
        copy.register_buffer("count", zeros(1, dtype: int64));
        stream.Position = 0;
        copy.load(stream);
        Assert.True(stream.CanRead);
        AssertSameValues(model, copy);
        Assert.Equal([true, false, true], copy.get_buffer("mask")!.data<bool>().ToArray());
    }

    [Fact]
    public void Strict_loading_names_missing_and_unexpected_keys_and_loads_nothing()
    {
        var small = new Mlp(4, 3, 2);
        var source = small.state_dict();
        source.Remove("fc2.bias");
        source["fc3.weight"] = zeros(2, 2);
        var target = new Mlp(4, 3, 2);
        var before = target.get_parameter("fc1.weight")!.data<float>().ToArray();

        var error = Assert.Throws<ArgumentException>(() => target.load_state_dict(source));
        Assert.Contains("missing keys (in the model, not in the state dict): 'fc2.bias'", error.Message);
        Assert.Contains("unexpected keys (in the state dict, not in the model): 'fc3.weight'", error.Message);
        Assert.Contains("nothing was loaded", error.Message);
        Assert.Equal(before, target.get_parameter("fc1.weight")!.data<float>().ToArray());
    }

    [Fact]
    public void Non_strict_loading_reports_the_keys_and_loads_the_rest()
    {
        var source = new Mlp(4, 3, 2).state_dict();
        source.Remove("fc2.bias");
        source["extra"] = zeros(1);
        var target = new Mlp(4, 3, 2);
        var fc2Bias = target.get_parameter("fc2.bias")!.data<float>().ToArray();

        var (missing, unexpected) = target.load_state_dict(source, strict: false);

        Assert.Equal(["fc2.bias"], missing);
        Assert.Equal(["extra"], unexpected);
        Assert.Equal(source["fc1.weight"].data<float>().ToArray(), target.get_parameter("fc1.weight")!.data<float>().ToArray());
        Assert.Equal(fc2Bias, target.get_parameter("fc2.bias")!.data<float>().ToArray());
    }

    [Fact]
    public void Skipped_keys_are_neither_loaded_nor_reported_nor_saved()
    {
        var source = new Mlp(4, 3, 2);
        var target = new Mlp(4, 3, 2);
        var kept = target.get_parameter("fc2.weight")!.data<float>().ToArray();
        var stream = new MemoryStream();
        source.save(stream, skip: ["fc2.bias"]);
        stream.Position = 0;
        Assert.Equal(3, StateDictFormatTests.Read(stream.ToArray()).Count);

        // fc2.bias is not in the file: without skipping it, a strict load would call it missing.
        Assert.Contains("'fc2.bias'", Assert.Throws<ArgumentException>(() => target.load(new MemoryStream(stream.ToArray()))).Message);
        target.load(new MemoryStream(stream.ToArray()), skip: ["fc2.bias", "fc2.weight"]);
        Assert.Equal(kept, target.get_parameter("fc2.weight")!.data<float>().ToArray());
        Assert.Equal(source.get_parameter("fc1.bias")!.data<float>().ToArray(), target.get_parameter("fc1.bias")!.data<float>().ToArray());
    }

    [Fact]
    public void Shape_and_dtype_mismatches_name_the_key_even_when_not_strict()
    {
        var stream = new MemoryStream();
        new Mlp(4, 5, 2).save(stream);
        var error = Assert.Throws<ArgumentException>(() => new Mlp(4, 3, 2).load(new MemoryStream(stream.ToArray()), strict: false));
        Assert.Contains("size mismatch for 'fc1.weight': shape (5x4) in the state dict, (3x4) in the model", error.Message);
        Assert.Contains("size mismatch for 'fc2.weight': shape (2x5) in the state dict, (2x3) in the model", error.Message);

        var doubles = new Mlp(4, 3, 2).to(float64).state_dict();
        error = Assert.Throws<ArgumentException>(() => new Mlp(4, 3, 2).load_state_dict(doubles));
        Assert.Contains("dtype mismatch for 'fc1.weight': Float64 in the state dict, Float32 in the model", error.Message);
    }

    [Fact]
    public void Loading_a_hand_written_file_sets_the_weights()
    {
        // {"weight": float32 1x2 [1, 2], "bias": float32 [3]}, as TorchSharp or exportsd.py write it.
        byte[] file =
        [
            0x02,
            0x06, .."weight"u8, 0x06, 0x02, 0x01, 0x02, 0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0x40,
            0x04, .."bias"u8, 0x06, 0x01, 0x01, 0x00, 0x00, 0x40, 0x40,
        ];
        var layer = Linear(2, 1);
        layer.load(new MemoryStream(file));
        Assert.Equal([3f + 10f + 2f * 20f], layer.call(tensor(new float[] { 10, 20 }, [1, 2])).data<float>().ToArray());

        var written = new MemoryStream();
        layer.save(written);
        Assert.Equal(file, written.ToArray());
    }

    [Fact]
    public void Loading_a_missing_file_says_so()
    {
        Assert.Throws<FileNotFoundException>(() => Linear(1, 1).load(Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.dat")));
    }
}
