using System.Text.Json;
using Course.Torch;
using static Course.Torch.torch;
using static Course.Torch.torch.optim;
using LRScheduler = Course.Torch.torch.optim.lr_scheduler.LRScheduler;

namespace Course.Torch.Tests.Goldens;

/// <summary>
/// Optimizers, gradient clipping and learning-rate schedulers against PyTorch, step by step for 20
/// steps on the fixed problem of tests/goldens/optimizers.py: loss = mean((x·wᵀ + b − y)²). After
/// every step the loss, w, b and the first group's learning rate must match PyTorch's.
/// </summary>
public class OptimizerGoldenTests
{
    private const string File = "optimizers.json";

    public static TheoryData<string> Cases => GoldenFile.CaseNames(File, Setups.Keys);

    /// <summary>What a case trains with; the parameters are [w, b].</summary>
    private sealed record Setup(Optimizer Optimizer, LRScheduler? Scheduler = null, Action<Tensor[]>? Clip = null);

    private static Setup Scheduled(Optimizer optimizer, Func<Optimizer, LRScheduler> scheduler) => new(optimizer, scheduler(optimizer));

    private static readonly Dictionary<string, Func<Tensor[], Setup>> Setups = new()
    {
        ["sgd"] = p => new(SGD(p, 0.1)),
        ["sgd_momentum"] = p => new(SGD(p, 0.05, momentum: 0.9)),
        ["sgd_momentum_dampening"] = p => new(SGD(p, 0.05, momentum: 0.9, dampening: 0.3)),
        ["sgd_nesterov"] = p => new(SGD(p, 0.05, momentum: 0.9, nesterov: true)),
        ["sgd_weight_decay"] = p => new(SGD(p, 0.1, momentum: 0.5, weight_decay: 0.01)),
        ["sgd_maximize"] = p => new(SGD(p, 0.01, maximize: true)),
        ["sgd_param_groups"] = p => new(SGD([new Modules.SGD.ParamGroup([p[0]]), new Modules.SGD.ParamGroup([p[1]], lr: 0.01)], 0.1, momentum: 0.9)),
        ["adam"] = p => new(Adam(p, lr: 0.01)),
        ["adam_betas"] = p => new(Adam(p, lr: 0.02, beta1: 0.8, beta2: 0.95, eps: 1e-6)),
        ["adam_weight_decay"] = p => new(Adam(p, lr: 0.01, weight_decay: 0.1)),
        ["adam_amsgrad"] = p => new(Adam(p, lr: 0.05, amsgrad: true)),
        ["adam_maximize"] = p => new(Adam(p, lr: 0.01, maximize: true)),
        ["adam_param_groups"] = p => new(Adam([new Modules.Adam.ParamGroup([p[0]], lr: 0.05), new Modules.Adam.ParamGroup([p[1]])], lr: 0.01)),
        ["adamw"] = p => new(AdamW(p, lr: 0.01)),
        ["adamw_weight_decay"] = p => new(AdamW(p, lr: 0.02, weight_decay: 0.1)),
        ["adamw_amsgrad"] = p => new(AdamW(p, lr: 0.05, weight_decay: 0.05, amsgrad: true)),
        ["sgd_step_lr"] = p => Scheduled(SGD(p, 0.1, momentum: 0.9), o => lr_scheduler.StepLR(o, step_size: 5, gamma: 0.5)),
        ["sgd_exponential_lr"] = p => Scheduled(SGD(p, 0.1), o => lr_scheduler.ExponentialLR(o, gamma: 0.9)),
        ["adam_cosine_lr"] = p => Scheduled(Adam(p, lr: 0.05), o => lr_scheduler.CosineAnnealingLR(o, T_max: 10, eta_min: 0.001)),
        ["sgd_clip_grad_norm"] = p => new(SGD(p, 0.1, momentum: 0.9), Clip: q => nn.utils.clip_grad_norm_(q, 0.5)),
        ["adam_clip_grad_value"] = p => new(Adam(p, lr: 0.05), Clip: q => nn.utils.clip_grad_value_(q, 0.2)),
        ["sgd_reduce_on_plateau"] = p => Scheduled(SGD(p, 0.1), o => lr_scheduler.ReduceLROnPlateau(o, mode: "max", factor: 0.5, patience: 2)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_pytorch_step_by_step(string name)
    {
        var json = GoldenFile.Load(File).Case(name, Setups, out var makeSetup);
        var w = Parse(json, "w").ToTensor().requires_grad_();
        var b = Parse(json, "b").ToTensor().requires_grad_();
        var x = Parse(json, "x").ToTensor();
        var y = Parse(json, "y").ToTensor();
        var setup = makeSetup([w, b]);

        var step = 0;
        foreach (var expected in json.GetProperty("steps").EnumerateArray())
        {
            step++;
            setup.Optimizer.zero_grad();
            var loss = (x.matmul(w.T) + b - y).square().mean();
            loss.backward();
            setup.Clip?.Invoke([w, b]);
            setup.Optimizer.step();
            setup.Scheduler?.step(loss.item<float>()); // only ReduceLROnPlateau looks at the loss

            GoldenAssert.Close(Values(expected, "loss", []), loss, $"{name}, step {step}: loss");
            GoldenAssert.Close(Values(expected, "w", w.shape), w, $"{name}, step {step}: w");
            GoldenAssert.Close(Values(expected, "b", b.shape), b, $"{name}, step {step}: b");
            var lr = expected.GetProperty("lr").GetDouble();
            Assert.True(Math.Abs(setup.Optimizer.param_groups[0].lr - lr) <= 1e-12 * lr,
                $"{name}, step {step}: learning rate {setup.Optimizer.param_groups[0].lr:R}, PyTorch {lr:R}");
        }
    }

    private static GoldenTensor Parse(JsonElement json, string property) => GoldenTensor.Parse(json.GetProperty(property));

    /// <summary>A step stores plain float32 value lists (the file stays small); the shapes are those of the tensors.</summary>
    private static GoldenTensor Values(JsonElement step, string property, long[] shape) =>
        GoldenTensor.FromValues(float32, shape, step.GetProperty(property));
}
