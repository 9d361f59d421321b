using Course.Torch.Tests.Ops;
using static Course.Torch.torch;
using F = Course.Torch.torch.nn.functional;
using Reduction = Course.Torch.torch.nn.Reduction;

namespace Course.Torch.Tests.Nn;

/// <summary>
/// Loss functions against PyTorch 1.13 (Debian's python3-torch, float64 unless stated). Each block of
/// expected numbers comes from the Python lines in the comment above it, run after
/// <c>import torch, torch.nn.functional as F; torch.set_default_dtype(torch.float64)</c>.
/// </summary>
public class LossTests
{
    private const double Tolerance = 1e-9;

    // x = torch.tensor([[0.5, -1.2, 3.0], [2.0, 0.1, -0.7]]); y = torch.tensor([[1.0, -1.0, 1.0], [2.5, 0.3, 0.8]])
    private static Tensor RegressionInput() => tensor(new[] { 0.5, -1.2, 3.0, 2.0, 0.1, -0.7 }, [2, 3]);
    private static Tensor RegressionTarget() => tensor(new[] { 1.0, -1.0, 1.0, 2.5, 0.3, 0.8 }, [2, 3]);

    // x = torch.tensor([[1.0, 2.0, 3.0], [1.0, -1.0, 0.5], [0.2, 0.1, -0.3], [2.0, 0.0, 1.0]])
    // t = torch.tensor([2, 0, 1, 1]); ti = torch.tensor([2, 0, -100, 1]); w = torch.tensor([0.5, 2.0, 1.0])
    private static Tensor Scores() => tensor(new[] { 1.0, 2.0, 3.0, 1.0, -1.0, 0.5, 0.2, 0.1, -0.3, 2.0, 0.0, 1.0 }, [4, 3]);
    private static Tensor Classes() => tensor(new long[] { 2, 0, 1, 1 });
    private static Tensor ClassesWithIgnored() => tensor(new long[] { 2, 0, -100, 1 });
    private static Tensor ClassWeights() => tensor(new[] { 0.5, 2.0, 1.0 });

    // x3 = torch.arange(24.).reshape(2, 3, 4).sin() * 2; t3 = torch.tensor([[0, 2, 1, -100], [1, 1, 0, 2]])
    private static Tensor SequenceScores() => arange(24, dtype: float64).reshape(2, 3, 4).sin() * 2;
    private static Tensor SequenceClasses() => tensor(new long[] { 0, 2, 1, -100, 1, 1, 0, 2 }, [2, 4]);

    /// <summary>A float64 leaf of standard normal values; different seeds give unrelated tensors.</summary>
    private static Tensor Leaf(int seed, params long[] shape) =>
        randn(shape, dtype: float64, generator: new Generator(seed)).requires_grad_();

    /// <summary>A float64 leaf of values in [0.1, 0.9): probabilities or labels away from 0 and 1.</summary>
    private static Tensor Probabilities(int seed, params long[] shape) =>
        (rand(shape, dtype: float64, generator: new Generator(seed)) * 0.8 + 0.1).requires_grad_();

    // ---- regression losses ----------------------------------------------------------------------

    [Fact]
    public void Mse_and_l1_match_pytorch_for_every_reduction()
    {
        var (x, y) = (RegressionInput(), RegressionTarget());
        // F.mse_loss(x, y, reduction=r), F.l1_loss(x, y, reduction=r) for r in 'none', 'mean', 'sum'
        OpsAssert.Close([0.25, 0.04, 4.0, 0.25, 0.04, 2.25], F.mse_loss(x, y, Reduction.None), Tolerance);
        OpsAssert.Close([1.138333333333], F.mse_loss(x, y), Tolerance);
        OpsAssert.Close([6.83], F.mse_loss(x, y, Reduction.Sum), Tolerance);
        OpsAssert.Close([0.5, 0.2, 2.0, 0.5, 0.2, 1.5], F.l1_loss(x, y, Reduction.None), Tolerance);
        OpsAssert.Close([0.816666666667], F.l1_loss(x, y), Tolerance);
        OpsAssert.Close([4.9], F.l1_loss(x, y, Reduction.Sum), Tolerance);
        Assert.Equal(new long[] { 2, 3 }, F.mse_loss(x, y, Reduction.None).shape);
        Assert.Empty(F.mse_loss(x, y).shape);
    }

    [Fact]
    public void Smooth_l1_and_huber_match_pytorch()
    {
        var (x, y) = (RegressionInput(), RegressionTarget());
        // F.smooth_l1_loss(x, y, reduction=r) and F.huber_loss(x, y, reduction=r) (both β = δ = 1)
        OpsAssert.Close([0.125, 0.02, 1.5, 0.125, 0.02, 1.0], F.smooth_l1_loss(x, y, Reduction.None), Tolerance);
        OpsAssert.Close([0.465], F.smooth_l1_loss(x, y), Tolerance);
        OpsAssert.Close([2.79], F.smooth_l1_loss(x, y, Reduction.Sum), Tolerance);
        OpsAssert.Close([0.125, 0.02, 1.5, 0.125, 0.02, 1.0], F.huber_loss(x, y, reduction: Reduction.None), Tolerance);
        OpsAssert.Close([0.465], F.huber_loss(x, y), Tolerance);
        OpsAssert.Close([2.79], F.huber_loss(x, y, reduction: Reduction.Sum), Tolerance);
        // F.smooth_l1_loss(x, y, reduction='none', beta=0.5); F.smooth_l1_loss(x, y, beta=0.0)
        OpsAssert.Close([0.25, 0.04, 1.75, 0.25, 0.04, 1.25], F.smooth_l1_loss(x, y, Reduction.None, beta: 0.5), Tolerance);
        OpsAssert.Close([0.816666666667], F.smooth_l1_loss(x, y, beta: 0), Tolerance);
        // F.huber_loss(x, y, reduction='none', delta=0.3)
        OpsAssert.Close([0.105, 0.02, 0.555, 0.105, 0.02, 0.405], F.huber_loss(x, y, 0.3, Reduction.None), Tolerance);
    }

    [Fact]
    public void Regression_losses_work_in_float32()
    {
        var loss = F.mse_loss(RegressionInput().to(float32), RegressionTarget().to(float32));
        Assert.Equal(ScalarType.Float32, loss.dtype);
        Assert.Equal(1.138333333f, loss.item<float>(), 1e-6f);
    }

    [Fact]
    public void Regression_losses_have_correct_gradients_for_input_and_target()
    {
        foreach (var reduction in new[] { Reduction.None, Reduction.Mean, Reduction.Sum })
        {
            GradCheck.Check(t => F.mse_loss(t[0], t[1], reduction), Leaf(1, 3, 4), Leaf(2, 3, 4));
            GradCheck.Check(t => F.l1_loss(t[0], t[1], reduction), Leaf(3, 3, 4), Leaf(4, 3, 4));
            GradCheck.Check(t => F.smooth_l1_loss(t[0], t[1], reduction, beta: 0.8), Leaf(5, 3, 4), Leaf(6, 3, 4));
            GradCheck.Check(t => F.huber_loss(t[0], t[1], 0.7, reduction), Leaf(7, 3, 4), Leaf(8, 3, 4));
        }
        GradCheck.Check(t => F.smooth_l1_loss(t[0], t[1], beta: 0), Leaf(9, 5), Leaf(10, 5));
    }

    [Fact]
    public void L1_and_smooth_l1_gradients_are_zero_where_input_equals_target()
    {
        var x = tensor(new[] { 1.0, 2.0 }).requires_grad_();
        F.l1_loss(x, tensor(new[] { 1.0, 3.0 }), Reduction.Sum).backward();
        OpsAssert.Close([0, -1], x.grad!);
        x.grad = null;
        F.smooth_l1_loss(x, tensor(new[] { 1.0, 3.0 }), Reduction.Sum).backward();
        OpsAssert.Close([0, -1], x.grad!);
    }

    // ---- binary cross-entropy -------------------------------------------------------------------

    [Fact]
    public void Binary_cross_entropy_of_the_seeds_example_is_0_1643()
    {
        // F.binary_cross_entropy(torch.tensor([0.2, 0.8, 0.1, 0.9]), torch.tensor([0., 1, 0, 1]))  -> 0.1642520335
        var p = tensor(new[] { 0.2, 0.8, 0.1, 0.9 });
        var y = tensor(new[] { 0.0, 1, 0, 1 });
        OpsAssert.Close([0.1642520335], F.binary_cross_entropy(p, y), 1e-10);
        Assert.Equal(0.1643, Math.Round(F.binary_cross_entropy(p.to(float32), y.to(float32)).item<float>(), 4));
        Assert.Equal(0.1643, Math.Round(F.binary_cross_entropy_with_logits(log(p / (1.0 - p)), y).item<double>(), 4));
    }

    [Fact]
    public void Binary_cross_entropy_matches_pytorch_with_weights_and_clamps_the_log_at_minus_100()
    {
        // p2 = torch.tensor([[0.3, 0.6], [0.99, 0.01], [0.0, 1.0]]); y2 = torch.tensor([[0., 1], [0.5, 1], [1, 1]]); w2 = torch.tensor([2.0, 0.5])
        // F.binary_cross_entropy(p2, y2, reduction=r), F.binary_cross_entropy(p2, y2, weight=w2, reduction=r)
        var p = tensor(new[] { 0.3, 0.6, 0.99, 0.01, 0.0, 1.0 }, [3, 2]);
        var y = tensor(new[] { 0.0, 1, 0.5, 1, 1, 1 }, [3, 2]);
        var w = tensor(new[] { 2.0, 0.5 });
        OpsAssert.Close([0.3566749439, 0.5108256238, 2.3076102609, 4.6051701860, 100.0, 0.0], F.binary_cross_entropy(p, y, reduction: Reduction.None), 1e-9);
        OpsAssert.Close([17.9633801691], F.binary_cross_entropy(p, y), 1e-9);
        OpsAssert.Close([107.7802810146], F.binary_cross_entropy(p, y, reduction: Reduction.Sum), 1e-9);
        OpsAssert.Close([0.7133498879, 0.2554128119, 4.6152205218, 2.3025850930, 200.0, 0.0], F.binary_cross_entropy(p, y, w, Reduction.None), 1e-9);
        OpsAssert.Close([34.6477613858], F.binary_cross_entropy(p, y, w), 1e-9);
        OpsAssert.Close([207.8865683146], F.binary_cross_entropy(p, y, w, Reduction.Sum), 1e-9);
    }

    [Fact]
    public void Binary_cross_entropy_gradients_at_0_and_1_equal_pytorchs()
    {
        // p0 = torch.tensor([0.0, 1.0, 0.0, 1.0], requires_grad=True); y0 = torch.tensor([0., 1, 1, 0], requires_grad=True)
        // F.binary_cross_entropy(p0, y0, reduction='none').sum().backward()
        //   p0.grad = [0, 0, -1.0000000040e+12, 1.0000000040e+12]; y0.grad = [inf, -inf, inf, -inf]
        var p = tensor(new[] { 0.0, 1.0, 0.0, 1.0 }).requires_grad_();
        var y = tensor(new[] { 0.0, 1, 1, 0 }).requires_grad_();
        F.binary_cross_entropy(p, y, reduction: Reduction.None).sum().backward();
        var expected = new[] { 0, 0, -1.0000000040e+12, 1.0000000040e+12 };
        var actual = p.grad!.data<double>().ToArray();
        for (var i = 0; i < 4; i++) Assert.Equal(expected[i], actual[i], 1e12 * 1e-9);
        Assert.Equal(new[] { double.PositiveInfinity, double.NegativeInfinity, double.PositiveInfinity, double.NegativeInfinity }, y.grad!.data<double>().ToArray());
        // p = torch.tensor([0.2, 0.8, 0.1, 0.9], requires_grad=True), mean against [0, 1, 0, 1]: p.grad = [0.3125, -0.3125, 0.2777777778, -0.2777777778]
        var q = tensor(new[] { 0.2, 0.8, 0.1, 0.9 }).requires_grad_();
        F.binary_cross_entropy(q, tensor(new[] { 0.0, 1, 0, 1 })).backward();
        OpsAssert.Close([0.3125, -0.3125, 0.2777777778, -0.2777777778], q.grad!, 1e-9);
    }

    [Fact]
    public void Binary_cross_entropy_has_correct_gradients_for_input_and_target()
    {
        var weight = (Probabilities(5, 3, 4) + 0.5).detach();
        foreach (var reduction in new[] { Reduction.None, Reduction.Mean, Reduction.Sum })
        {
            GradCheck.Check(t => F.binary_cross_entropy(t[0], t[1], reduction: reduction), Probabilities(13, 3, 4), Probabilities(14, 3, 4));
            GradCheck.Check(t => F.binary_cross_entropy(t[0], t[1], weight, reduction), Probabilities(15, 3, 4), Probabilities(16, 3, 4));
        }
        GradCheck.Check(t => F.binary_cross_entropy(t[0], t[1], tensor(new[] { 2.0, 0.5, 1, 3 })), Probabilities(17, 3, 4), Probabilities(18, 3, 4));
    }

    [Fact]
    public void Binary_cross_entropy_with_logits_matches_pytorch_with_weight_and_pos_weights()
    {
        // x = torch.tensor([[-2.0, 0.5], [3.0, -0.1], [0.0, 40.0], [-120.0, 120.0]]); t = torch.tensor([[0., 1], [1, 0], [0.3, 1], [1, 0]])
        // w = torch.tensor([[1.0], [2.0], [0.5], [1.0]]); pw = torch.tensor([2.0, 0.5])
        // F.binary_cross_entropy_with_logits(x, t, reduction=r), (x, t, weight=w, pos_weight=pw, reduction=r), (x, t, pos_weight=pw)
        var x = tensor(new[] { -2.0, 0.5, 3.0, -0.1, 0.0, 40.0, -120.0, 120.0 }, [4, 2]);
        var t = tensor(new[] { 0.0, 1, 1, 0, 0.3, 1, 1, 0 }, [4, 2]);
        var w = tensor(new[] { 1.0, 2.0, 0.5, 1.0 }, [4, 1]);
        var pw = tensor(new[] { 2.0, 0.5 });
        OpsAssert.Close([0.1269280110, 0.4740769842, 0.0485873516, 0.6443966601, 0.6931471806, 0.0, 120.0, 120.0],
            F.binary_cross_entropy_with_logits(x, t, reduction: Reduction.None), 1e-9);
        OpsAssert.Close([30.2483920234], F.binary_cross_entropy_with_logits(x, t), 1e-9);
        OpsAssert.Close([241.9871361874], F.binary_cross_entropy_with_logits(x, t, reduction: Reduction.Sum), 1e-9);
        OpsAssert.Close([0.1269280110, 0.2370384921, 0.1943494063, 1.2887933201, 0.4505456674, 0.0, 240.0, 120.0],
            F.binary_cross_entropy_with_logits(x, t, w, Reduction.None, pw), 1e-9);
        OpsAssert.Close([45.2872068621], F.binary_cross_entropy_with_logits(x, t, w, pos_weights: pw), 1e-9);
        OpsAssert.Close([362.2976548969], F.binary_cross_entropy_with_logits(x, t, w, Reduction.Sum, pw), 1e-9);
        OpsAssert.Close([45.2508286501], F.binary_cross_entropy_with_logits(x, t, pos_weights: pw), 1e-9);
    }

    [Fact]
    public void Binary_cross_entropy_with_logits_is_finite_for_huge_scores_and_its_gradient_is_sigmoid_minus_target()
    {
        var x = tensor(new[] { -1000f, 1000f, 0f, 2f }).requires_grad_();
        var y = tensor(new[] { 0f, 1f, 1f, 0f });
        var loss = F.binary_cross_entropy_with_logits(x, y, reduction: Reduction.Sum);
        Assert.Equal(0.6931472f + 2.126928f, loss.item<float>(), 1e-5f);
        loss.backward();
        OpsAssert.Close([0, 0, -0.5, 1 / (1 + Math.Exp(-2))], x.grad!, 1e-6);
    }

    [Fact]
    public void Binary_cross_entropy_with_logits_has_correct_gradients_for_every_argument()
    {
        foreach (var reduction in new[] { Reduction.None, Reduction.Mean, Reduction.Sum })
        {
            GradCheck.Check(t => F.binary_cross_entropy_with_logits(t[0], t[1] - 0.5, reduction: reduction), Leaf(11, 3, 4), GradCheck.Input(3, 4));
            GradCheck.Check(t => F.binary_cross_entropy_with_logits(t[0], t[1] - 0.5, t[2], reduction, t[3]),
                Leaf(12, 3, 4), GradCheck.Input(3, 4), GradCheck.Input(3, 1), GradCheck.Input(4));
        }
        // x = 0 is where the stable formula switches branch; the gradient must still be σ(0) − y.
        GradCheck.Check(t => F.binary_cross_entropy_with_logits(t[0], tensor(new[] { 0.0, 1.0, 0.25 })), tensor(new[] { 0.0, 0.0, 0.0 }).requires_grad_());
    }

    // ---- nll_loss and cross_entropy with class indices --------------------------------------------

    [Fact]
    public void Nll_loss_matches_pytorch_with_weights_and_ignore_index()
    {
        var logProbabilities = Scores().log_softmax(1);
        // lp = x.log_softmax(1); F.nll_loss(lp, t, reduction=r); F.nll_loss(lp, ti, weight=w, reduction=r)
        OpsAssert.Close([0.4076059644, 0.5549569196, 1.0208276556, 2.4076059644], F.nll_loss(logProbabilities, Classes(), reduction: Reduction.None), 1e-9);
        OpsAssert.Close([1.0977491260], F.nll_loss(logProbabilities, Classes()), 1e-9);
        OpsAssert.Close([4.3909965041], F.nll_loss(logProbabilities, Classes(), reduction: Reduction.Sum), 1e-9);
        OpsAssert.Close([0.4076059644, 0.2774784598, 0, 4.8152119289], F.nll_loss(logProbabilities, ClassesWithIgnored(), ClassWeights(), Reduction.None), 1e-9);
        OpsAssert.Close([1.5715132438], F.nll_loss(logProbabilities, ClassesWithIgnored(), ClassWeights()), 1e-9);
        OpsAssert.Close([5.5002963532], F.nll_loss(logProbabilities, ClassesWithIgnored(), ClassWeights(), Reduction.Sum), 1e-9);
        // F.nll_loss(lp, torch.tensor([2, 0, 0, 1]), ignore_index=0)
        OpsAssert.Close([1.4076059644], F.nll_loss(logProbabilities, tensor(new long[] { 2, 0, 0, 1 }), ignore_index: 0), 1e-9);
    }

    [Fact]
    public void Cross_entropy_matches_pytorch_for_every_reduction_weight_and_ignore_index()
    {
        var x = Scores();
        // F.cross_entropy(x, t, reduction=r); (x, t, weight=w, reduction=r); (x, ti, reduction=r)
        OpsAssert.Close([0.4076059644, 0.5549569196, 1.0208276556, 2.4076059644], F.cross_entropy(x, Classes(), reduction: Reduction.None), 1e-9);
        OpsAssert.Close([1.0977491260], F.cross_entropy(x, Classes()), 1e-9);
        OpsAssert.Close([4.3909965041], F.cross_entropy(x, Classes(), reduction: Reduction.Sum), 1e-9);
        OpsAssert.Close([0.4076059644, 0.2774784598, 2.0416553111, 4.8152119289], F.cross_entropy(x, Classes(), ClassWeights(), reduction: Reduction.None), 1e-9);
        OpsAssert.Close([1.3712639390], F.cross_entropy(x, Classes(), ClassWeights()), 1e-9);
        OpsAssert.Close([7.5419516643], F.cross_entropy(x, Classes(), ClassWeights(), reduction: Reduction.Sum), 1e-9);
        OpsAssert.Close([0.4076059644, 0.5549569196, 0, 2.4076059644], F.cross_entropy(x, ClassesWithIgnored(), reduction: Reduction.None), 1e-9);
        OpsAssert.Close([1.1233896162], F.cross_entropy(x, ClassesWithIgnored()), 1e-9);
        OpsAssert.Close([3.3701688485], F.cross_entropy(x, ClassesWithIgnored(), reduction: Reduction.Sum), 1e-9);
    }

    [Fact]
    public void Cross_entropy_matches_pytorchs_label_smoothing_also_with_weights_and_ignored_targets()
    {
        var x = Scores();
        // F.cross_entropy(x, t, label_smoothing=0.2, reduction=r)
        OpsAssert.Close([0.6076059644, 0.7216235863, 1.0408276556, 2.2076059644], F.cross_entropy(x, Classes(), reduction: Reduction.None, label_smoothing: 0.2), 1e-9);
        OpsAssert.Close([1.1444157927], F.cross_entropy(x, Classes(), label_smoothing: 0.2), 1e-9);
        OpsAssert.Close([4.5776631708], F.cross_entropy(x, Classes(), reduction: Reduction.Sum, label_smoothing: 0.2), 1e-9);
        // F.cross_entropy(x, ti, weight=w, label_smoothing=0.2, reduction=r)
        OpsAssert.Close([0.6211928299, 0.6514727158, 0, 4.2806109348], F.cross_entropy(x, ClassesWithIgnored(), ClassWeights(), reduction: Reduction.None, label_smoothing: 0.2), 1e-9);
        OpsAssert.Close([1.5866504230], F.cross_entropy(x, ClassesWithIgnored(), ClassWeights(), label_smoothing: 0.2), 1e-9);
        OpsAssert.Close([5.5532764805], F.cross_entropy(x, ClassesWithIgnored(), ClassWeights(), reduction: Reduction.Sum, label_smoothing: 0.2), 1e-9);
        // F.cross_entropy(x, ti, label_smoothing=0.3): the smoothing term's mean also skips ignored targets
        OpsAssert.Close([1.2067229495], F.cross_entropy(x, ClassesWithIgnored(), label_smoothing: 0.3), 1e-9);
    }

    [Fact]
    public void Cross_entropy_and_nll_loss_take_a_class_per_position_and_single_samples()
    {
        var x = SequenceScores();
        // F.cross_entropy(x3, t3, reduction=r); (x3, t3, weight=w, label_smoothing=0.1, reduction=r); F.nll_loss(x3.log_softmax(1), t3, reduction=r)
        var perPosition = new[] { 2.1345885856, 1.2309666316, 2.5149665094, 0, 2.5376609104, 3.9760370116, 0.1537430560, 3.3420617905 };
        var none = F.cross_entropy(x, SequenceClasses(), reduction: Reduction.None);
        Assert.Equal(new long[] { 2, 4 }, none.shape);
        OpsAssert.Close(perPosition, none, 1e-9);
        OpsAssert.Close([2.2700034993], F.cross_entropy(x, SequenceClasses()), 1e-9);
        OpsAssert.Close([1.2445499815, 1.4199766935, 4.7983690863, 0, 4.7920824938, 7.4548152458, 0.3859642564, 3.2150661971],
            F.cross_entropy(x, SequenceClasses(), ClassWeights(), reduction: Reduction.None, label_smoothing: 0.1), 1e-9);
        OpsAssert.Close([2.5900915505], F.cross_entropy(x, SequenceClasses(), ClassWeights(), label_smoothing: 0.1), 1e-9);
        OpsAssert.Close(perPosition, F.nll_loss(x.log_softmax(1), SequenceClasses(), reduction: Reduction.None), 1e-9);
        OpsAssert.Close([2.2700034993], F.nll_loss(x.log_softmax(1), SequenceClasses()), 1e-9);

        // F.cross_entropy(torch.tensor([1.0, 2.0, 3.0]), torch.tensor(0)) -> 2.4076059644, shape () also for reduction='none'
        var single = F.cross_entropy(tensor(new[] { 1.0, 2.0, 3.0 }), tensor(0L), reduction: Reduction.None);
        Assert.Empty(single.shape);
        OpsAssert.Close([2.4076059644], single, 1e-9);
    }

    [Fact]
    public void Cross_entropy_in_float32_matches_pytorch_and_survives_huge_scores()
    {
        // F.cross_entropy(x.float(), t) -> 1.09774923 (float32)
        var loss = F.cross_entropy(Scores().to(float32), Classes());
        Assert.Equal(ScalarType.Float32, loss.dtype);
        Assert.Equal(1.09774923f, loss.item<float>(), 1e-6f);
        // F.cross_entropy(torch.tensor([[1000.0, 0.0], [0.0, -1000.0]]), torch.tensor([1, 1]), reduction='none') -> [1000, 1000]
        OpsAssert.Close([1000, 1000], F.cross_entropy(tensor(new[] { 1000f, 0f, 0f, -1000f }, [2, 2]), tensor(new long[] { 1, 1 }), reduction: Reduction.None));
    }

    [Fact]
    public void Fused_cross_entropy_equals_log_softmax_then_nll_loss_in_value_and_gradient()
    {
        // A training-sized float32 batch: 64 samples, 10 classes, including SIMD remainders (10 is not a multiple of 8 or 16).
        var logits = randn([64, 10], generator: new Generator(3)) * 3;
        var labels = randint(0, 10, [64], generator: new Generator(4));
        var fused = logits.detach().requires_grad_();
        var composed = logits.detach().requires_grad_();
        var fusedLoss = F.cross_entropy(fused, labels);
        var composedLoss = F.nll_loss(composed.log_softmax(1), labels);
        Assert.Equal(composedLoss.item<float>(), fusedLoss.item<float>(), 1e-5f);
        fusedLoss.backward();
        composedLoss.backward();
        Assert.True(allclose(fused.grad!, composed.grad!, rtol: 1e-4, atol: 1e-7));
        // The gradient of the mean is (softmax − onehot)/N: each row sums to 0.
        Assert.True(allclose(fused.grad!.sum(1), zeros(64), atol: 1e-6));
    }

    [Fact]
    public void Nll_loss_and_cross_entropy_have_correct_gradients_with_every_option()
    {
        var weight = ClassWeights();
        foreach (var reduction in new[] { Reduction.None, Reduction.Mean, Reduction.Sum })
        {
            GradCheck.Check(t => F.nll_loss(t[0], ClassesWithIgnored(), weight, reduction), Leaf(20, 4, 3));
            GradCheck.Check(t => F.nll_loss(t[0], SequenceClasses(), reduction: reduction), Leaf(21, 2, 3, 4));
            GradCheck.Check(t => F.cross_entropy(t[0], Classes(), reduction: reduction), Leaf(22, 4, 3));
            GradCheck.Check(t => F.cross_entropy(t[0], ClassesWithIgnored(), weight, reduction: reduction), Leaf(23, 4, 3));
            GradCheck.Check(t => F.cross_entropy(t[0], ClassesWithIgnored(), reduction: reduction, label_smoothing: 0.25), Leaf(24, 4, 3));
            GradCheck.Check(t => F.cross_entropy(t[0], ClassesWithIgnored(), weight, reduction: reduction, label_smoothing: 0.25), Leaf(25, 4, 3));
            GradCheck.Check(t => F.cross_entropy(t[0], SequenceClasses(), weight, reduction: reduction, label_smoothing: 0.1), Leaf(26, 2, 3, 4));
        }
        GradCheck.Check(t => F.cross_entropy(t[0], tensor(1L), label_smoothing: 0.5), Leaf(27, 3));
        GradCheck.Check(t => F.cross_entropy(t[0], Classes(), label_smoothing: 1.0), Leaf(28, 4, 3));
        // A gradient that reaches the loss through a view (the class dimension not contiguous).
        GradCheck.Check(t => F.cross_entropy(t[0].t(), Classes()), Leaf(29, 3, 4));
    }

    [Fact]
    public void Mean_over_only_ignored_targets_is_nan_and_their_gradient_is_zero()
    {
        // F.cross_entropy(x, torch.tensor([-100] * 4)) -> nan; reduction='sum' -> 0
        var x = Scores().requires_grad_();
        var ignored = tensor(new long[] { -100, -100, -100, -100 });
        Assert.True(double.IsNaN(F.cross_entropy(x, ignored).item<double>()));
        var sum = F.cross_entropy(x, ignored, reduction: Reduction.Sum);
        Assert.Equal(0.0, sum.item<double>());
        sum.backward();
        Assert.Equal(new double[12], x.grad!.data<double>().ToArray());
    }

    // ---- cross_entropy with class probabilities ---------------------------------------------------

    [Fact]
    public void Cross_entropy_with_probability_targets_matches_pytorch()
    {
        var x = Scores();
        // q = torch.tensor([[0.1, 0.2, 0.7], [1.0, 0.0, 0.0], [0.3, 0.3, 0.4], [0.0, 0.5, 0.5]])
        // F.cross_entropy(x, q, reduction=r); F.cross_entropy(x, q, weight=w, label_smoothing=0.2, reduction=r)
        var q = tensor(new[] { 0.1, 0.2, 0.7, 1.0, 0.0, 0.0, 0.3, 0.3, 0.4, 0.0, 0.5, 0.5 }, [4, 3]);
        OpsAssert.Close([0.8076059644, 0.5549569196, 1.1508276556, 1.9076059644], F.cross_entropy(x, q, reduction: Reduction.None), 1e-9);
        OpsAssert.Close([1.1052491260], F.cross_entropy(x, q), 1e-9);
        OpsAssert.Close([4.4209965041], F.cross_entropy(x, q, reduction: Reduction.Sum), 1e-9);
        OpsAssert.Close([1.0701055457, 0.6514727158, 1.3166878961, 2.9175685490], F.cross_entropy(x, q, ClassWeights(), reduction: Reduction.None, label_smoothing: 0.2), 1e-9);
        OpsAssert.Close([1.4889586766], F.cross_entropy(x, q, ClassWeights(), label_smoothing: 0.2), 1e-9);
        OpsAssert.Close([5.9558347065], F.cross_entropy(x, q, ClassWeights(), reduction: Reduction.Sum, label_smoothing: 0.2), 1e-9);
        // q3 = x3.softmax(1).flip(1); F.cross_entropy(x3, q3), F.cross_entropy(x3, q3, reduction='none')
        var x3 = SequenceScores();
        var q3 = cat([x3.softmax(1).narrow(1, 2, 1), x3.softmax(1).narrow(1, 1, 1), x3.softmax(1).narrow(1, 0, 1)], 1);
        OpsAssert.Close([1.9491868570], F.cross_entropy(x3, q3), 1e-9);
        OpsAssert.Close([1.9399312167, 1.0318108864, 2.8629237324, 1.2062278971, 2.8563147275, 1.0170735316, 1.9595221469, 2.7196907178],
            F.cross_entropy(x3, q3, reduction: Reduction.None), 1e-9);
    }

    [Fact]
    public void Cross_entropy_with_probability_targets_has_correct_gradients_for_input_and_target()
    {
        foreach (var reduction in new[] { Reduction.None, Reduction.Mean, Reduction.Sum })
        {
            GradCheck.Check(t => F.cross_entropy(t[0], t[1], reduction: reduction), Leaf(30, 4, 3), GradCheck.Input(4, 3));
            GradCheck.Check(t => F.cross_entropy(t[0], t[1], ClassWeights(), reduction: reduction, label_smoothing: 0.2), Leaf(31, 2, 3, 2), GradCheck.Input(2, 3, 2));
        }
    }

    // ---- clear errors -----------------------------------------------------------------------------

    [Fact]
    public void Cross_entropy_explains_wrong_target_dtypes_shapes_and_classes()
    {
        var x = Scores();
        var floatLabels = Assert.Throws<ArgumentException>(() => F.cross_entropy(x, tensor(new[] { 2f, 0, 1, 1 })));
        Assert.Equal("cross_entropy: class-index targets must be int64, got Float32; for probabilities pass a float tensor of the input's shape (4x3).", floatLabels.Message);

        var column = Assert.Throws<ArgumentException>(() => F.cross_entropy(x, tensor(new long[] { 2, 0, 1, 1 }, [4, 1])));
        Assert.Contains("input (4x3) and target (4x1) do not fit", column.Message);
        Assert.Contains("i.e. (4)", column.Message);

        var outOfRange = Assert.Throws<ArgumentOutOfRangeException>(() => F.cross_entropy(x, tensor(new long[] { 2, 0, 3, 1 })));
        Assert.Contains("cross_entropy: target class 3 is out of range for 3 classes (expected 0..2, or ignore_index -100)", outOfRange.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => F.nll_loss(x, tensor(new long[] { 2, 0, -1, 1 })));

        Assert.Contains("scalar", Assert.Throws<ArgumentException>(() => F.cross_entropy(tensor(1.0), tensor(0L))).Message);
        Assert.Contains("floating point", Assert.Throws<ArgumentException>(() => F.cross_entropy(tensor(new long[] { 1, 2 }), tensor(0L))).Message);
        Assert.Contains("label_smoothing must be between 0 and 1, got 1.5", Assert.Throws<ArgumentOutOfRangeException>(() => F.cross_entropy(x, Classes(), label_smoothing: 1.5)).Message);
        Assert.Contains("ignore_index (0) works only with class-index targets",
            Assert.Throws<ArgumentException>(() => F.cross_entropy(x, zeros_like(x), ignore_index: 0)).Message);
    }

    [Fact]
    public void Class_weights_must_be_one_constant_per_class_in_the_inputs_dtype()
    {
        var x = Scores();
        Assert.Contains("weight must hold one value per class, shape (3), got (2)",
            Assert.Throws<ArgumentException>(() => F.cross_entropy(x, Classes(), tensor(new[] { 1.0, 2.0 }))).Message);
        Assert.Contains("nll_loss: weight is Float32 but input is Float64",
            Assert.Throws<ArgumentException>(() => F.nll_loss(x, Classes(), tensor(new[] { 1f, 2f, 3f }))).Message);
        Assert.Contains("cannot require grad",
            Assert.Throws<ArgumentException>(() => F.cross_entropy(x, Classes(), ClassWeights().requires_grad_())).Message);
        Assert.Contains("weight must hold one value per class",
            Assert.Throws<ArgumentException>(() => F.cross_entropy(x, zeros_like(x), tensor(new[] { 1.0 }))).Message);
    }

    [Fact]
    public void Elementwise_losses_explain_shape_and_dtype_mismatches()
    {
        var output = zeros(64, 1);
        var labels = zeros(64);
        var shape = Assert.Throws<ArgumentException>(() => F.mse_loss(output, labels));
        Assert.StartsWith("mse_loss: input (64x1) and target (64) must have the same shape", shape.Message);
        Assert.Contains("binary_cross_entropy_with_logits: input (64x1) and target (64)",
            Assert.Throws<ArgumentException>(() => F.binary_cross_entropy_with_logits(output, labels)).Message);
        Assert.Contains("target is Int64 but input is Float32; convert the target with .to(Float32)",
            Assert.Throws<ArgumentException>(() => F.binary_cross_entropy(output, zeros([64, 1], ScalarType.Int64))).Message);
        Assert.Contains("l1_loss: input must be floating point, got Int64",
            Assert.Throws<ArgumentException>(() => F.l1_loss(zeros([2], ScalarType.Int64), zeros([2], ScalarType.Int64))).Message);
        Assert.Contains("weight (3) does not broadcast to the input's shape (64x1)",
            Assert.Throws<ArgumentException>(() => F.binary_cross_entropy(output, output, zeros(3))).Message);
        Assert.Contains("pos_weights (2x1x1) does not broadcast",
            Assert.Throws<ArgumentException>(() => F.binary_cross_entropy_with_logits(output, output, pos_weights: zeros(2, 1, 1))).Message);
        Assert.Contains("beta must be non-negative", Assert.Throws<ArgumentOutOfRangeException>(() => F.smooth_l1_loss(output, output, beta: -1)).Message);
        Assert.Contains("delta must be positive", Assert.Throws<ArgumentOutOfRangeException>(() => F.huber_loss(output, output, 0)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => F.mse_loss(output, output, (Reduction)7));
        Assert.Throws<ArgumentOutOfRangeException>(() => F.cross_entropy(Scores(), Classes(), reduction: (Reduction)7));
    }

    [Fact]
    public void Binary_cross_entropy_rejects_values_that_are_not_probabilities()
    {
        var y = tensor(new[] { 1f, 0f, 1f });
        var error = Assert.Throws<ArgumentException>(() => F.binary_cross_entropy(tensor(new[] { 0.5f, 1.5f, 0.2f }), y));
        Assert.Equal("binary_cross_entropy: input must hold probabilities in [0, 1], found 1.5; apply sigmoid first, or pass the raw scores to binary_cross_entropy_with_logits.", error.Message);
        Assert.Contains("found -0.1", Assert.Throws<ArgumentException>(() => F.binary_cross_entropy(tensor(new[] { 0.5f, -0.1f, 0.2f }), y)).Message);
        Assert.Contains("found NaN", Assert.Throws<ArgumentException>(() => F.binary_cross_entropy(tensor(new[] { float.NaN, 0.5f, 0.2f }), y)).Message);
        Assert.Contains("cannot require grad",
            Assert.Throws<ArgumentException>(() => F.binary_cross_entropy(tensor(new[] { 0.5f, 0.5f, 0.2f }), y, ones(3).requires_grad_())).Message);
    }

    // ---- loss modules ------------------------------------------------------------------------------

    [Fact]
    public void Loss_modules_run_their_functional_loss_with_the_options_they_were_made_with()
    {
        var (x, y) = (RegressionInput(), RegressionTarget());
        Assert.True(equal(F.mse_loss(x, y), nn.MSELoss().call(x, y)));
        Assert.True(equal(F.l1_loss(x, y, Reduction.Sum), nn.L1Loss(Reduction.Sum).call(x, y)));
        Assert.True(equal(F.smooth_l1_loss(x, y, Reduction.None, 0.5), nn.SmoothL1Loss(Reduction.None, beta: 0.5).call(x, y)));
        Assert.True(equal(F.huber_loss(x, y, 0.3), nn.HuberLoss(0.3).call(x, y)));

        var scores = Scores();
        Assert.True(equal(F.cross_entropy(scores, Classes()), nn.CrossEntropyLoss().call(scores, Classes())));
        Assert.True(equal(F.cross_entropy(scores, tensor(new long[] { 2, 0, 0, 1 }), ClassWeights(), 0, Reduction.Sum, 0.2),
            nn.CrossEntropyLoss(ClassWeights(), ignore_index: 0, reduction: Reduction.Sum, label_smoothing: 0.2).call(scores, tensor(new long[] { 2, 0, 0, 1 }))));
        var logProbabilities = scores.log_softmax(1);
        Assert.True(equal(F.nll_loss(logProbabilities, ClassesWithIgnored(), ClassWeights()), nn.NLLLoss(ClassWeights()).call(logProbabilities, ClassesWithIgnored())));
        Assert.True(equal(F.nll_loss(logProbabilities, Classes(), reduction: Reduction.None, ignore_index: 1),
            nn.NLLLoss(reduction: Reduction.None, ignore_index: 1).call(logProbabilities, Classes())));

        var p = tensor(new[] { 0.2, 0.8, 0.1, 0.9 });
        var labels = tensor(new[] { 0.0, 1, 0, 1 });
        var elementWeight = tensor(new[] { 1.0, 2, 3, 4 });
        OpsAssert.Close([0.1642520335], nn.BCELoss().call(p, labels), 1e-10);
        Assert.True(equal(F.binary_cross_entropy(p, labels, elementWeight, Reduction.Sum), nn.BCELoss(elementWeight, Reduction.Sum).call(p, labels)));
        var logits = log(p / (1.0 - p));
        Assert.True(equal(F.binary_cross_entropy_with_logits(logits, labels, elementWeight, pos_weights: tensor(new[] { 3.0 })),
            nn.BCEWithLogitsLoss(elementWeight, pos_weights: tensor(new[] { 3.0 })).call(logits, labels)));
    }

    [Fact]
    public void Loss_modules_show_their_options_and_print_like_pytorch()
    {
        var weight = ClassWeights();
        var crossEntropy = nn.CrossEntropyLoss(weight, label_smoothing: 0.1);
        Assert.Same(weight, crossEntropy.weight);
        Assert.Null(crossEntropy.ignore_index);
        Assert.Equal(0.1, crossEntropy.label_smoothing);
        Assert.Equal(Reduction.Mean, crossEntropy.reduction);
        Assert.Equal("CrossEntropyLoss()", crossEntropy.ToString());
        Assert.Equal(-100, nn.NLLLoss().ignore_index);
        Assert.Null(nn.BCELoss().weight);
        Assert.Null(nn.BCEWithLogitsLoss().pos_weights);
        Assert.Equal(1.0, nn.SmoothL1Loss().beta);
        Assert.Equal(2.0, nn.HuberLoss(2.0).delta);
        Assert.Equal(Reduction.Sum, nn.MSELoss(Reduction.Sum).reduction);
        Assert.Empty(crossEntropy.parameters());
        Loss<Tensor, Tensor, Tensor> criterion = nn.L1Loss();
        Assert.Equal("L1Loss()", criterion.ToString());
    }

    [Fact]
    public void A_loss_module_drives_gradients_into_a_model()
    {
        var model = nn.Linear(4, 3);
        var criterion = nn.CrossEntropyLoss();
        var x = randn([8, 4], generator: new Generator(11));
        var labels = randint(0, 3, [8], generator: new Generator(12));
        var before = criterion.call(model.call(x), labels).item<float>();
        for (var step = 0; step < 20; step++)
        {
            foreach (var parameter in model.parameters()) parameter.grad = null;
            criterion.call(model.call(x), labels).backward();
            using (no_grad())
                foreach (var parameter in model.parameters()) parameter.sub_(parameter.grad!, alpha: 0.5);
        }
        Assert.True(criterion.call(model.call(x), labels).item<float>() < before * 0.8);
    }
}
