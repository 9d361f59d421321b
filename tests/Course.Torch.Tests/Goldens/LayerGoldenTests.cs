using Course.Torch;
using static Course.Torch.torch;

namespace Course.Torch.Tests.Goldens;

/// <summary>Layers with PyTorch's fixed weights (tests/goldens/layers.py): outputs, input gradients and parameter gradients.</summary>
public class LayerGoldenTests
{
    private const string File = "layers.json";

    public static TheoryData<string> Cases => GoldenFile.CaseNames(File, Layers.Keys.Concat(Functions.Keys));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_pytorch(string name)
    {
        if (Functions.ContainsKey(name)) OpGoldens.Check(File, Functions, name);
        else LayerGoldens.Check(File, Layers, name);
    }

    private static readonly Dictionary<string, GoldenLayer> Layers = new()
    {
        ["linear"] = GoldenLayer.Of(() => nn.Linear(4, 3)),
        ["linear_no_bias"] = GoldenLayer.Of(() => nn.Linear(4, 3, hasBias: false)),
        ["linear_batched"] = GoldenLayer.Of(() => nn.Linear(4, 2)),
        ["linear_vector_input"] = GoldenLayer.Of(() => nn.Linear(4, 3)),
        ["linear_input_without_grad"] = GoldenLayer.Of(() => nn.Linear(6, 5)),
        ["linear_f64"] = GoldenLayer.Of(() => nn.Linear(4, 3, dtype: float64)),
        ["linear_wide"] = GoldenLayer.Of(() => nn.Linear(21, 9)),

        ["relu"] = GoldenLayer.Of(() => nn.ReLU()),
        ["leaky_relu"] = GoldenLayer.Of(() => nn.LeakyReLU(0.1)),
        ["sigmoid"] = GoldenLayer.Of(() => nn.Sigmoid()),
        ["tanh"] = GoldenLayer.Of(() => nn.Tanh()),
        ["gelu"] = GoldenLayer.Of(() => nn.GELU()),
        ["softmax"] = GoldenLayer.Of(() => nn.Softmax(dim: 1)),
        ["log_softmax"] = GoldenLayer.Of(() => nn.LogSoftmax(dim: -1)),
        ["flatten"] = GoldenLayer.Of(() => nn.Flatten()),
        ["identity"] = GoldenLayer.Of(() => nn.Identity()),
        ["dropout_eval"] = GoldenLayer.Eval(() => nn.Dropout(0.5)),

        ["mlp"] = GoldenLayer.Of(() => nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))),
        ["mlp_tanh_log_softmax"] = GoldenLayer.Of(() => nn.Sequential(nn.Linear(6, 5), nn.Tanh(), nn.Linear(5, 4), nn.LogSoftmax(dim: 1))),
        ["mlp_flatten_gelu_eval"] = GoldenLayer.Eval(() => nn.Sequential(
            nn.Flatten(), nn.Linear(12, 6), nn.GELU(), nn.Dropout(0.3), nn.Linear(6, 2), nn.Sigmoid())),
        ["mlp_leaky_relu_softmax"] = GoldenLayer.Of(() => nn.Sequential(nn.Linear(3, 7), nn.LeakyReLU(0.05), nn.Linear(7, 3), nn.Softmax(dim: -1))),

        ["conv2d"] = GoldenLayer.Of(() => nn.Conv2d(2, 3, 3)),
        ["conv2d_stride_padding"] = GoldenLayer.Of(() => nn.Conv2d(3, 4, (3, 2), stride: (2, 1), padding: (1, 2))),
        ["conv2d_dilation_no_bias"] = GoldenLayer.Of(() => nn.Conv2d(2, 2, 3, dilation: 2, bias: false)),
        ["conv2d_groups"] = GoldenLayer.Of(() => nn.Conv2d(4, 6, 2, groups: 2)),
        ["conv2d_same_even_kernel"] = GoldenLayer.Of(() => nn.Conv2d(2, 3, 4, Padding.Same)),
        ["conv2d_unbatched"] = GoldenLayer.Of(() => nn.Conv2d(1, 2, 3, padding: 1)),
        ["conv2d_f64"] = GoldenLayer.Of(() => nn.Conv2d(2, 2, 3, stride: 2, dtype: float64)),
        ["max_pool2d"] = GoldenLayer.Of(() => nn.MaxPool2d(2)),
        ["max_pool2d_stride_padding"] = GoldenLayer.Of(() => nn.MaxPool2d(3, stride: 2, padding: 1)),
        ["avg_pool2d"] = GoldenLayer.Of(() => nn.AvgPool2d(2)),
        ["avg_pool2d_padding"] = GoldenLayer.Of(() => nn.AvgPool2d(3, stride: 2, padding: 1)),
        ["avg_pool2d_padding_exclude"] = GoldenLayer.Of(() => nn.AvgPool2d(3, stride: 2, padding: 1, count_include_pad: false)),
        ["adaptive_avg_pool2d"] = GoldenLayer.Of(() => nn.AdaptiveAvgPool2d((3, 2))),
        ["adaptive_avg_pool2d_global"] = GoldenLayer.Of(() => nn.AdaptiveAvgPool2d(1)),
        ["batch_norm1d_train"] = GoldenLayer.Of(() => nn.BatchNorm1d(3)),
        ["batch_norm1d_train_sequence"] = GoldenLayer.Of(() => nn.BatchNorm1d(2)),
        ["batch_norm2d_train"] = GoldenLayer.Of(() => nn.BatchNorm2d(3)),
        ["batch_norm2d_eval"] = GoldenLayer.Eval(() => nn.BatchNorm2d(3)),
        ["cnn"] = GoldenLayer.Of(() => nn.Sequential(
            nn.Conv2d(1, 4, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(4, 6, 3, padding: 1), nn.BatchNorm2d(6), nn.ReLU(),
            nn.AdaptiveAvgPool2d(2), nn.Flatten(), nn.Linear(24, 3))),
    };

    private static readonly Dictionary<string, Func<Tensor[], GoldenOutputs>> Functions = new()
    {
        ["functional_linear"] = x => nn.functional.linear(x[0], x[1], x[2]),
        ["functional_linear_no_bias"] = x => nn.functional.linear(x[0], x[1]),
        ["functional_relu"] = x => nn.functional.relu(x[0]),
        ["functional_leaky_relu"] = x => nn.functional.leaky_relu(x[0], 0.3),
        ["functional_gelu"] = x => nn.functional.gelu(x[0]),
        ["functional_sigmoid"] = x => nn.functional.sigmoid(x[0]),
        ["functional_tanh"] = x => nn.functional.tanh(x[0]),
        ["functional_softmax"] = x => nn.functional.softmax(x[0], 0),
        ["functional_log_softmax_to_f64"] = x => nn.functional.log_softmax(x[0], 1, dtype: float64),
        ["functional_dropout_eval"] = x => nn.functional.dropout(x[0], 0.5, training: false),
        ["functional_conv2d"] = x => nn.functional.conv2d(x[0], x[1], x[2], stride: 2, padding: 1),
    };
}
