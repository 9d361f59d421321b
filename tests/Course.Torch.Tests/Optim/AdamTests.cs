using Course.Torch.Modules;
using static Course.Torch.torch;
using static Course.Torch.Tests.Optim.LeastSquares;

namespace Course.Torch.Tests.Optim;

// Expected values: see LeastSquares for the Python problem; each comment gives the run(...) line.
public class AdamTests
{
    [Fact]
    public void Adam_with_bias_correction_matches_PyTorch()
    {
        // run(lambda W, b: torch.optim.Adam([W, b], lr=0.05))
        AssertClose(
            [0.6113462985291621, 0.6002434436837562, 0.07082197422227568, -0.5439351271080403, -0.023012866301335567, 0.3489909171879248, -0.2199769899204669, 0.6977512902049522],
            Run((w, b) => optim.Adam([w, b], lr: 0.05)));
    }

    [Fact]
    public void Adam_with_betas_eps_and_L2_weight_decay_matches_PyTorch()
    {
        // run(lambda W, b: torch.optim.Adam([W, b], lr=0.05, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1))
        AssertClose(
            [0.5493453932326566, 0.5396663309666279, 0.12610223767071777, -0.4743077073246776, 0.0278346341189007, 0.2738172965193082, -0.11565140447089364, 0.6028097713393465],
            Run((w, b) => optim.Adam([w, b], 0.05, beta1: 0.8, beta2: 0.99, eps: 1e-6, weight_decay: 0.1)));
    }

    [Fact]
    public void Amsgrad_matches_PyTorch()
    {
        // run(lambda W, b: torch.optim.Adam([W, b], lr=0.05, amsgrad=True))
        AssertClose(
            [0.6113998358329076, 0.6002413522489961, 0.07097929201010386, -0.5439308555271306, -0.023010269210590614, 0.34892332656776354, -0.21998402825126254, 0.6977110457723961],
            Run((w, b) => optim.Adam([w, b], 0.05, amsgrad: true)));
    }

    [Fact]
    public void Maximize_matches_PyTorch()
    {
        // run(lambda W, b: torch.optim.Adam([W, b], lr=0.01, maximize=True), steps=3)
        AssertClose(
            [0.47145617228371134, -0.3300063803534265, 0.8300192633736247, 0.13001800599256014, 0.9300065869197831, -0.430014246306914, 0.2300122476411513, -0.13001110994144774],
            Run((w, b) => optim.Adam([w, b], 0.01, maximize: true), steps: 3));
    }

    [Fact]
    public void Parameter_groups_with_their_own_lr_and_betas_match_PyTorch()
    {
        // run(lambda W, b: torch.optim.Adam([{'params': [W]}, {'params': [b], 'lr': 0.2, 'betas': (0.5, 0.9)}], lr=0.05))
        AssertClose(
            [0.4830987651369198, 0.5998216011529035, 0.10033685456348007, -0.6189106865402944, -0.02506135969296025, 0.31518108956504964, 0.0065606363865209, 0.6614846793390109],
            Run((w, b) => optim.Adam([new Adam.ParamGroup([w]), new Adam.ParamGroup([b], lr: 0.2, beta1: 0.5, beta2: 0.9)], lr: 0.05)));
    }

    [Fact]
    public void AdamW_with_its_default_decoupled_weight_decay_matches_PyTorch()
    {
        // run(lambda W, b: torch.optim.AdamW([W, b], lr=0.05))
        AssertClose(
            [0.6082627678138484, 0.5988173453080469, 0.06833810425690437, -0.5418921764645083, -0.026255910869608746, 0.3491825308300671, -0.21641052412316186, 0.6947707461171118],
            Run((w, b) => optim.AdamW([w, b], lr: 0.05)));
    }

    [Fact]
    public void AdamW_with_strong_weight_decay_and_amsgrad_matches_PyTorch()
    {
        // run(lambda W, b: torch.optim.AdamW([W, b], lr=0.05, weight_decay=0.5, amsgrad=True))
        AssertClose(
            [0.4926214315894702, 0.5295243047520624, -0.017693308555105747, -0.45458453010336547, -0.12951349070850113, 0.3468572826062253, -0.07300084221948977, 0.5680493745741824],
            Run((w, b) => optim.AdamW([w, b], 0.05, weight_decay: 0.5, amsgrad: true)));
    }

    [Fact]
    public void Parameters_without_gradient_are_skipped_and_do_not_advance_their_step()
    {
        // Only b is used for the first 3 steps; W then starts at its own step 1 (full bias correction),
        // so its first move has size lr in every element, as Adam's first step always does.
        var w = InitialW();
        var b = InitialB();
        var optimizer = optim.Adam([w, b], 0.1);
        for (var i = 0; i < 3; i++)
        {
            optimizer.zero_grad(set_to_none: true);
            (b * b).sum().backward();
            optimizer.step();
        }
        Assert.Null(w.grad);
        Assert.Equal(new[] { 0.5, -0.3, 0.8, 0.1, 0.9, -0.4 }, w.data<double>().ToArray());
        optimizer.zero_grad();
        Loss(w, b).backward();
        optimizer.step();
        var moved = (InitialW() - w).abs().data<double>().ToArray();
        Assert.All(moved, m => Assert.Equal(0.1, m, 1e-6));
    }

    [Fact]
    public void Float32_parameters_larger_than_one_SIMD_block_match_PyTorch()
    {
        // p = (torch.arange(35, dtype=torch.float32).reshape(5, 7) / 10 - 1).requires_grad_()
        // opt = torch.optim.Adam([p], lr=0.1, amsgrad=True, weight_decay=0.01)
        // for k in range(5):
        //     opt.zero_grad()
        //     loss = (p * p * p).sum() / 3 + (p * (k + 1)).sum()   # grad = p^2 + (k+1)
        //     loss.backward()
        //     opt.step()
        // print(p.flatten().tolist())
        float[] expected = [-1.4931100606918335f, -1.3919042348861694f, -1.290644645690918f, -1.1893644332885742f, -1.0881084203720093f, -0.9869325160980225f, -0.8859026432037354f, -0.7850892543792725f, -0.6845601201057434f, -0.5843715667724609f, -0.4845584034919739f, -0.3851272463798523f, -0.28605324029922485f, -0.18728229403495789f, -0.08873824775218964f, 0.009665854275226593f, 0.10801760107278824f, 0.20639503002166748f, 0.30486157536506653f, 0.40346282720565796f, 0.5022262334823608f, 0.6011641621589661f, 0.7002769708633423f, 0.7995554208755493f, 0.8989854454994202f, 0.998549222946167f, 1.0982283353805542f, 1.198005199432373f, 1.2978613376617432f, 1.3977830410003662f, 1.4977562427520752f, 1.5977696180343628f, 1.6978141069412231f, 1.7978813648223877f, 1.8979653120040894f];
        var p = (arange(35, dtype: float32).reshape(5, 7) / 10 - 1).requires_grad_();
        var optimizer = optim.Adam([p], lr: 0.1, amsgrad: true, weight_decay: 0.01);
        for (var k = 0; k < 5; k++)
        {
            optimizer.zero_grad();
            ((p * p * p).sum() / 3 + (p * (k + 1.0)).sum()).backward();
            optimizer.step();
        }
        Assert.Equal(float32, p.dtype);
        var actual = p.data<float>().ToArray();
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 2e-6f);
    }

    [Fact]
    public void Float32_parameters_are_updated_in_place_and_stay_float32()
    {
        var w = ones(3, requires_grad: true);
        var optimizer = optim.Adam([w], 0.1);
        (w * w).sum().backward();
        optimizer.step();
        Assert.Equal(float32, w.dtype);
        Assert.All(w.data<float>().ToArray(), v => Assert.Equal(0.9f, v, 1e-6f));
    }

    [Fact]
    public void Invalid_hyper_parameters_are_refused_with_clear_errors()
    {
        var w = InitialW();
        Assert.Contains("Adam: invalid learning rate -1", Assert.Throws<ArgumentException>(() => optim.Adam([w], -1)).Message);
        Assert.Contains("invalid beta1 1", Assert.Throws<ArgumentException>(() => optim.Adam([w], beta1: 1.0)).Message);
        Assert.Contains("invalid beta2 -0.1", Assert.Throws<ArgumentException>(() => optim.Adam([w], beta2: -0.1)).Message);
        Assert.Contains("invalid eps", Assert.Throws<ArgumentException>(() => optim.Adam([w], eps: -1e-8)).Message);
        Assert.Contains("AdamW: invalid weight_decay", Assert.Throws<ArgumentException>(() => optim.AdamW([w], weight_decay: -0.01)).Message);
        Assert.Contains("invalid beta1 1.5", Assert.Throws<ArgumentException>(() => optim.Adam([new Adam.ParamGroup([w], beta1: 1.5)])).Message);
        Assert.Contains("expected an Adam.ParamGroup", Assert.Throws<ArgumentException>(() => optim.Adam([w]).add_param_group(new SGD.ParamGroup([InitialB()]))).Message);
    }
}
