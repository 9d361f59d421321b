using Course.Torch.Modules;
using static Course.Torch.torch;

namespace Course.Torch.Tests.Optim;

/// <summary>
/// Learning-rate sequences compared with PyTorch 1.13 (Debian's /usr/bin/python3). Each test quotes
/// the call that printed its expected values, made with these helpers:
/// <code>
/// import torch, warnings
/// warnings.simplefilter('ignore')
/// def opt(*lrs):
///     return torch.optim.SGD([{'params': [torch.zeros(1, requires_grad=True)], 'lr': lr} for lr in lrs], lr=lrs[0])
/// def seq(s, n):      # the rates after construction, then after each of n steps
///     out = [s.get_last_lr()]
///     for _ in range(n):
///         s.optimizer.step(); s.step(); out.append(s.get_last_lr())
///     print(out)
/// def plateau(s, metrics):   # the rates after each step(metric)
///     out = []
///     for m in metrics:
///         s.step(m); out.append([g['lr'] for g in s.optimizer.param_groups])
///     print(out)
/// </code>
/// </summary>
public class LRSchedulerTests
{
    private static SGD Optimizer(params double[] lrs) =>
        optim.SGD(lrs.Select(lr => new SGD.ParamGroup([zeros(1, requires_grad: true)], lr: lr)), lrs[0]);

    private static double[][] Sequence(optim.lr_scheduler.LRScheduler scheduler, int steps)
    {
        var rates = new List<double[]> { scheduler.get_last_lr().ToArray() };
        for (var i = 0; i < steps; i++)
        {
            scheduler.optimizer.step();
            scheduler.step();
            rates.Add(scheduler.get_last_lr().ToArray());
        }
        return [.. rates];
    }

    private static double[][] Plateau(optim.lr_scheduler.LRScheduler scheduler, double[] metrics) =>
        [.. metrics.Select(m =>
        {
            scheduler.step(m);
            return scheduler.optimizer.param_groups.Select(g => g.LearningRate).ToArray();
        })];

    /// <summary>Rates must agree to the last bit, since the same operations run in the same order.</summary>
    private static void AssertRates(double[][] expected, double[][] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(expected[i].SequenceEqual(actual[i]),
                $"step {i}: expected [{string.Join(", ", expected[i].Select(v => v.ToString("R")))}], got [{string.Join(", ", actual[i].Select(v => v.ToString("R")))}]");
    }

    [Fact]
    public void StepLR_matches_PyTorch_for_two_groups()
    {
        // seq(torch.optim.lr_scheduler.StepLR(opt(0.1, 0.02), step_size=3, gamma=0.5), 10)
        AssertRates(
            [[0.1, 0.02], [0.1, 0.02], [0.1, 0.02], [0.05, 0.01], [0.05, 0.01], [0.05, 0.01], [0.025, 0.005], [0.025, 0.005], [0.025, 0.005], [0.0125, 0.0025], [0.0125, 0.0025]],
            Sequence(optim.lr_scheduler.StepLR(Optimizer(0.1, 0.02), step_size: 3, gamma: 0.5), 10));
    }

    [Fact]
    public void ExponentialLR_matches_PyTorch_including_its_rounding()
    {
        // seq(torch.optim.lr_scheduler.ExponentialLR(opt(0.1), gamma=0.9), 10)
        AssertRates(
            [[0.1], [0.09000000000000001], [0.08100000000000002], [0.07290000000000002], [0.06561000000000002], [0.05904900000000002], [0.05314410000000002], [0.04782969000000002], [0.043046721000000024], [0.03874204890000002], [0.03486784401000002]],
            Sequence(optim.lr_scheduler.ExponentialLR(Optimizer(0.1), gamma: 0.9), 10));
    }

    [Fact]
    public void CosineAnnealingLR_matches_PyTorch_over_one_and_a_half_periods()
    {
        // seq(torch.optim.lr_scheduler.CosineAnnealingLR(opt(0.1, 0.05), T_max=5, eta_min=0.01), 15)
        AssertRates(
            [[0.1, 0.05], [0.09140576474687263, 0.04618033988749895], [0.06890576474687263, 0.03618033988749895], [0.04109423525312736, 0.02381966011250105], [0.018594235253127367, 0.013819660112501053], [0.01, 0.01], [0.018594235253127367, 0.013819660112501051], [0.04109423525312739, 0.023819660112501057], [0.06890576474687267, 0.03618033988749896], [0.09140576474687269, 0.04618033988749897], [0.10000000000000006, 0.050000000000000024], [0.09140576474687272, 0.046180339887498985], [0.06890576474687268, 0.03618033988749897], [0.0410942352531274, 0.023819660112501063], [0.01859423525312738, 0.013819660112501058], [0.01, 0.01]],
            Sequence(optim.lr_scheduler.CosineAnnealingLR(Optimizer(0.1, 0.05), T_max: 5, eta_min: 0.01), 15));
    }

    [Fact]
    public void ReduceLROnPlateau_with_patience_cooldown_and_min_lr_matches_PyTorch()
    {
        // plateau(torch.optim.lr_scheduler.ReduceLROnPlateau(opt(0.1, 0.03), factor=0.5, patience=2, cooldown=1, min_lr=0.02),
        //         [1.0, 0.9, 0.95, 0.9, 0.91, 0.89, 0.8999, 0.95, 0.97, 0.99, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0])
        AssertRates(
            [[0.1, 0.03], [0.1, 0.03], [0.1, 0.03], [0.1, 0.03], [0.05, 0.02], [0.05, 0.02], [0.05, 0.02], [0.05, 0.02], [0.025, 0.02], [0.025, 0.02], [0.025, 0.02], [0.025, 0.02], [0.025, 0.02], [0.02, 0.02], [0.02, 0.02], [0.02, 0.02]],
            Plateau(optim.lr_scheduler.ReduceLROnPlateau(Optimizer(0.1, 0.03), factor: 0.5, patience: 2, cooldown: 1, min_lr: 0.02),
                [1.0, 0.9, 0.95, 0.9, 0.91, 0.89, 0.8999, 0.95, 0.97, 0.99, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]));
    }

    [Fact]
    public void ReduceLROnPlateau_in_max_mode_with_absolute_and_relative_thresholds_matches_PyTorch()
    {
        double[] metrics = [0.5, 0.54, 0.53, 0.56, 0.6, 0.62, 0.64, 0.7, 0.71, 0.72];
        // plateau(torch.optim.lr_scheduler.ReduceLROnPlateau(opt(0.1), mode='max', factor=0.1, patience=1, threshold=0.05, threshold_mode='abs'), metrics)
        AssertRates(
            [[0.1], [0.1], [0.010000000000000002], [0.010000000000000002], [0.010000000000000002], [0.010000000000000002], [0.010000000000000002], [0.010000000000000002], [0.010000000000000002], [0.0010000000000000002]],
            Plateau(optim.lr_scheduler.ReduceLROnPlateau(Optimizer(0.1), mode: "max", factor: 0.1, patience: 1, threshold: 0.05, threshold_mode: "abs"), metrics));
        // plateau(torch.optim.lr_scheduler.ReduceLROnPlateau(opt(0.1), mode='max', factor=0.1, patience=1, threshold=0.05, threshold_mode='rel'), metrics)
        AssertRates(
            [[0.1], [0.1], [0.1], [0.010000000000000002], [0.010000000000000002], [0.010000000000000002], [0.010000000000000002], [0.010000000000000002], [0.010000000000000002], [0.0010000000000000002]],
            Plateau(optim.lr_scheduler.ReduceLROnPlateau(Optimizer(0.1), mode: "max", factor: 0.1, patience: 1, threshold: 0.05, threshold_mode: "rel"), metrics));
    }

    [Fact]
    public void ReduceLROnPlateau_skips_reductions_smaller_than_eps()
    {
        // plateau(torch.optim.lr_scheduler.ReduceLROnPlateau(opt(0.1), mode='min', factor=0.1, patience=0, threshold=0.1, threshold_mode='abs', eps=1e-3),
        //         [1.0, 0.95, 0.8, 0.85, 0.9, 0.6, 0.65])
        AssertRates(
            [[0.1], [0.010000000000000002], [0.010000000000000002], [0.0010000000000000002], [0.0010000000000000002], [0.0010000000000000002], [0.0010000000000000002]],
            Plateau(optim.lr_scheduler.ReduceLROnPlateau(Optimizer(0.1), factor: 0.1, patience: 0, threshold: 0.1, threshold_mode: "abs", eps: 1e-3),
                [1.0, 0.95, 0.8, 0.85, 0.9, 0.6, 0.65]));
    }

    [Fact]
    public void The_scheduled_rate_is_the_one_the_optimizer_uses()
    {
        var w = tensor(new[] { 1.0 }, requires_grad: true);
        var optimizer = optim.SGD([w], 0.5);
        var scheduler = optim.lr_scheduler.StepLR(optimizer, step_size: 1, gamma: 0.5);
        double[] expected = [1.0 - 0.5, 0.5 - 0.25, 0.25 - 0.125];
        foreach (var value in expected)
        {
            optimizer.zero_grad();
            w.sum().backward(); // gradient 1, so each step moves w by exactly the learning rate
            optimizer.step();
            scheduler.step();
            Assert.Equal(value, w.item<double>());
        }
    }

    [Fact]
    public void A_second_scheduler_starts_from_the_initial_rate_recorded_by_the_first()
    {
        var optimizer = Optimizer(0.1);
        var first = optim.lr_scheduler.ExponentialLR(optimizer, gamma: 0.5);
        first.step();
        var second = optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max: 4);
        Assert.Equal([0.1], second.base_lrs);
        Assert.Equal([0.05], second.get_last_lr());
        Assert.Equal(0.1, optimizer.param_groups[0].InitialLearningRate);
    }

    [Fact]
    public void Invalid_scheduler_arguments_are_refused_with_clear_errors()
    {
        Assert.Contains("step_size", Assert.Throws<ArgumentException>(() => optim.lr_scheduler.StepLR(Optimizer(0.1), 0)).Message);
        Assert.Contains("T_max", Assert.Throws<ArgumentException>(() => optim.lr_scheduler.CosineAnnealingLR(Optimizer(0.1), 0)).Message);
        Assert.Contains("factor", Assert.Throws<ArgumentException>(() => optim.lr_scheduler.ReduceLROnPlateau(Optimizer(0.1), factor: 1.0)).Message);
        Assert.Contains("mode", Assert.Throws<ArgumentException>(() => optim.lr_scheduler.ReduceLROnPlateau(Optimizer(0.1), mode: "lowest")).Message);
        Assert.Contains("threshold_mode", Assert.Throws<ArgumentException>(() => optim.lr_scheduler.ReduceLROnPlateau(Optimizer(0.1), threshold_mode: "percent")).Message);
        Assert.Contains("step(metric)", Assert.Throws<InvalidOperationException>(() => optim.lr_scheduler.ReduceLROnPlateau(Optimizer(0.1)).step()).Message);
    }
}
