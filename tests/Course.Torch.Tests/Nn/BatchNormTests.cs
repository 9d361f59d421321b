using static Course.Torch.torch;
using static Course.Torch.torch.nn;

namespace Course.Torch.Tests.Nn;

public class BatchNormTests
{
    [Fact]
    public void Training_normalises_with_batch_statistics_and_updates_running_ones()
    {
        var layer = BatchNorm1d(1);
        // Values 1, 3: mean 2, biased variance 1, unbiased variance 2.
        var output = layer.call(tensor(new float[] { 1, 3 }, [2, 1]));
        var expected = (float)(1 / Math.Sqrt(1 + 1e-5));
        Assert.Equal(-expected, output.data<float>()[0], 5);
        Assert.Equal(expected, output.data<float>()[1], 5);
        Assert.Equal(0.2f, layer.running_mean!.item<float>(), 6); // 0.9·0 + 0.1·2
        Assert.Equal(1.1f, layer.running_var!.item<float>(), 6); // 0.9·1 + 0.1·2
        Assert.Equal(1L, layer.num_batches_tracked!.item<long>());
        Assert.Equal(ScalarType.Int64, layer.num_batches_tracked!.dtype);
    }

    [Fact]
    public void Eval_uses_the_running_statistics()
    {
        var layer = BatchNorm2d(2);
        using (no_grad())
        {
            layer.running_mean!.copy_(tensor(new float[] { 1, -1 }));
            layer.running_var!.copy_(tensor(new float[] { 4, 0.25f }));
            layer.weight!.copy_(tensor(new float[] { 2, 1 }));
            layer.bias!.copy_(tensor(new float[] { 0, 10 }));
        }
        layer.eval();
        var output = layer.call(ones(1, 2, 1, 1));
        Assert.Equal(0f, output.data<float>()[0], 4); // (1 − 1)/2·2 + 0
        Assert.Equal(14f, output.data<float>()[1], 3); // (1 + 1)/0.5·1 + 10
        Assert.Equal(0L, layer.num_batches_tracked!.item<long>());
    }

    [Fact]
    public void Buffers_and_parameters_have_pytorchs_names()
    {
        var names = BatchNorm2d(3).state_dict().Keys.ToArray();
        Assert.Equal(["weight", "bias", "running_mean", "running_var", "num_batches_tracked"], names);
        Assert.Empty(BatchNorm1d(3, affine: false, track_running_stats: false).state_dict());
    }

    [Fact]
    public void Momentum_none_is_a_cumulative_average()
    {
        var layer = BatchNorm1d(1, momentum: null);
        layer.call(tensor(new float[] { 1, 3 }, [2, 1]));
        layer.call(tensor(new float[] { 5, 7 }, [2, 1]));
        Assert.Equal(4f, layer.running_mean!.item<float>(), 5); // (2 + 6) / 2
    }

    [Fact]
    public void Batch_norm_passes_the_gradient_check_in_float64()
    {
        GradCheck.Check(x => functional.batch_norm(x[0], null, null, x[1], x[2], training: true),
            GradCheck.Input(4, 3), GradCheck.Input(3), GradCheck.Input(3));
        GradCheck.Check(x => functional.batch_norm(x[0], null, null, x[1], x[2], training: true),
            GradCheck.Input(2, 3, 2, 2), GradCheck.Input(3), GradCheck.Input(3));
        GradCheck.Check(x => functional.batch_norm(x[0], zeros(2, dtype: float64), ones(2, dtype: float64) * 2, x[1], null),
            GradCheck.Input(3, 2, 4), GradCheck.Input(2));
        var layer = BatchNorm1d(3).to(float64);
        GradCheck.Check(x => layer.call(x[0]), GradCheck.Input(5, 3, 2));
    }

    [Fact]
    public void Batch_norm_errors_name_the_problem()
    {
        Assert.Contains("(N, C, H, W)", Assert.Throws<ArgumentException>(() => BatchNorm2d(3).call(randn(2, 3))).Message);
        Assert.Contains("one value per channel", Assert.Throws<ArgumentException>(() => BatchNorm1d(4).call(randn(2, 3))).Message);
        Assert.Contains("more than one value", Assert.Throws<ArgumentException>(() => BatchNorm1d(3).call(randn(1, 3))).Message);
    }
}
