using Course.Torch;
using static Course.Torch.torch;
using static Course.Torch.torch.nn;
using F = Course.Torch.torch.nn.functional;

namespace Course.Torch.Tests.Goldens;

/// <summary>Loss functions and loss modules against PyTorch (tests/goldens/losses.py), with every reduction.</summary>
public class LossGoldenTests
{
    private const string File = "losses.json";

    public static TheoryData<string> Cases => GoldenFile.CaseNames(File, Losses.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_pytorch(string name) => OpGoldens.Check(File, Losses, name);

    private static readonly Dictionary<string, Func<Tensor[], GoldenOutputs>> Losses = Build();

    private static Dictionary<string, Func<Tensor[], GoldenOutputs>> Build()
    {
        var losses = new Dictionary<string, Func<Tensor[], GoldenOutputs>>
        {
            ["binary_cross_entropy_course_example"] = x => F.binary_cross_entropy(x[0], x[1]),
            ["cross_entropy_f64"] = x => F.cross_entropy(x[0], x[1]),
            ["cross_entropy_large_logits"] = x => F.cross_entropy(x[0] * 100, x[1]),
            ["bce_with_logits_large"] = x => F.binary_cross_entropy_with_logits(x[0] * 50, x[1]),
            ["mse_loss_f64"] = x => F.mse_loss(x[0], x[1]),
            ["mse_loss_rank3"] = x => F.mse_loss(x[0], x[1]),
            ["cross_entropy_single_sample"] = x => F.cross_entropy(x[0], x[1]),
            ["cross_entropy_everything"] = x => F.cross_entropy(x[0], x[1], weight: x[2], ignore_index: 0, label_smoothing: 0.15),
            ["cross_entropy_probabilities_smoothing_weight"] = x => F.cross_entropy(x[0], x[1], weight: x[2], label_smoothing: 0.1),
            ["nll_loss_ignore_index"] = x => F.nll_loss(x[0], x[1], ignore_index: 2),

            ["module_mse_loss"] = x => MSELoss().call(x[0], x[1]),
            ["module_l1_loss_sum"] = x => L1Loss(Reduction.Sum).call(x[0], x[1]),
            ["module_smooth_l1_loss"] = x => SmoothL1Loss(beta: 2.0).call(x[0], x[1]),
            ["module_huber_loss"] = x => HuberLoss(delta: 0.5).call(x[0], x[1]),
            ["module_cross_entropy_loss"] = x => CrossEntropyLoss(weight: x[2], label_smoothing: 0.1).call(x[0], x[1]),
            ["module_nll_loss"] = x => NLLLoss(reduction: Reduction.None).call(x[0], x[1]),
            ["module_bce_loss"] = x => BCELoss().call(x[0], x[1]),
            ["module_bce_with_logits_loss"] = x => BCEWithLogitsLoss(pos_weights: x[2]).call(x[0], x[1]),
        };
        foreach (var (suffix, r) in new[] { ("none", Reduction.None), ("mean", Reduction.Mean), ("sum", Reduction.Sum) })
        {
            losses[$"mse_loss_{suffix}"] = x => F.mse_loss(x[0], x[1], r);
            losses[$"l1_loss_{suffix}"] = x => F.l1_loss(x[0], x[1], r);
            losses[$"smooth_l1_loss_{suffix}"] = x => F.smooth_l1_loss(x[0], x[1], r, beta: 0.5);
            losses[$"huber_loss_{suffix}"] = x => F.huber_loss(x[0], x[1], delta: 0.7, reduction: r);
            losses[$"cross_entropy_{suffix}"] = x => F.cross_entropy(x[0], x[1], reduction: r);
            losses[$"cross_entropy_weight_{suffix}"] = x => F.cross_entropy(x[0], x[1], weight: x[2], reduction: r);
            losses[$"cross_entropy_smoothing_{suffix}"] = x => F.cross_entropy(x[0], x[1], reduction: r, label_smoothing: 0.1);
            losses[$"cross_entropy_weight_smoothing_{suffix}"] = x => F.cross_entropy(x[0], x[1], weight: x[2], reduction: r, label_smoothing: 0.2);
            losses[$"cross_entropy_ignore_index_{suffix}"] = x => F.cross_entropy(x[0], x[1], weight: x[2], ignore_index: 1, reduction: r);
            losses[$"cross_entropy_probabilities_{suffix}"] = x => F.cross_entropy(x[0], x[1], reduction: r);
            losses[$"cross_entropy_spatial_{suffix}"] = x => F.cross_entropy(x[0], x[1], reduction: r);
            losses[$"nll_loss_{suffix}"] = x => F.nll_loss(x[0].log_softmax(1), x[1], reduction: r);
            losses[$"nll_loss_weight_{suffix}"] = x => F.nll_loss(x[0], x[1], weight: x[2], reduction: r);
            losses[$"binary_cross_entropy_{suffix}"] = x => F.binary_cross_entropy(x[0], x[1], reduction: r);
            losses[$"binary_cross_entropy_weight_{suffix}"] = x => F.binary_cross_entropy(x[0], x[1], weight: x[2], reduction: r);
            losses[$"bce_with_logits_{suffix}"] = x => F.binary_cross_entropy_with_logits(x[0], x[1], reduction: r);
            losses[$"bce_with_logits_weight_{suffix}"] = x => F.binary_cross_entropy_with_logits(x[0], x[1], weight: x[2], reduction: r);
            losses[$"bce_with_logits_pos_weight_{suffix}"] = x => F.binary_cross_entropy_with_logits(x[0], x[1], reduction: r, pos_weights: x[2]);
        }
        return losses;
    }
}
