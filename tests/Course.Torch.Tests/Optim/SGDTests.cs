using Course.Torch.Modules;
using static Course.Torch.torch;
using static Course.Torch.Tests.Optim.LeastSquares;

namespace Course.Torch.Tests.Optim;

// Expected values: see LeastSquares for the Python problem; each comment gives the run(...) line.
public class SGDTests
{
    [Fact]
    public void Plain_SGD_matches_PyTorch()
    {
        // run(lambda W, b: torch.optim.SGD([W, b], lr=0.01))
        AssertClose(
            [0.5285969909334385, 0.2149195144175392, 0.2899693207103798, -0.21760971554432762, 0.3656442493248198, 0.2323326972454726, -0.04337909559192824, 0.2736963829743634],
            Run((w, b) => optim.SGD([w, b], 0.01)));
    }

    [Fact]
    public void Momentum_matches_PyTorch()
    {
        // run(lambda W, b: torch.optim.SGD([W, b], lr=0.01, momentum=0.9))
        AssertClose(
            [0.2878999452923129, 1.0029088466663303, -0.13867412644061053, -0.3757997722652533, -0.5341813031782863, 0.2597232715210044, 0.2696130624785038, 0.3430064084085958],
            Run((w, b) => optim.SGD([w, b], learningRate: 0.01, momentum: 0.9)));
    }

    [Fact]
    public void Dampening_from_the_second_step_and_weight_decay_match_PyTorch()
    {
        // run(lambda W, b: torch.optim.SGD([W, b], lr=0.01, momentum=0.9, dampening=0.5, weight_decay=0.1))
        AssertClose(
            [0.5124458388739612, 0.9549658455056986, -0.18482949727417605, -0.3838084594023194, -0.4853115806019666, 0.5777248341185786, -0.0042786142414778005, 0.5413101656296199],
            Run((w, b) => optim.SGD([w, b], 0.01, momentum: 0.9, dampening: 0.5, weight_decay: 0.1)));
    }

    [Fact]
    public void Nesterov_matches_PyTorch()
    {
        // run(lambda W, b: torch.optim.SGD([W, b], lr=0.01, momentum=0.8, nesterov=True, weight_decay=0.05))
        AssertClose(
            [0.4072952970735234, 0.7474271374139628, -0.09235738935640474, -0.3556233485422568, -0.24012854287582258, 0.4053193907587775, 0.09281789507811601, 0.4241444487000588],
            Run((w, b) => optim.SGD([w, b], 0.01, momentum: 0.8, weight_decay: 0.05, nesterov: true)));
    }

    [Fact]
    public void Maximize_climbs_the_loss_as_PyTorch()
    {
        // run(lambda W, b: torch.optim.SGD([W, b], lr=0.01, momentum=0.5, maximize=True), steps=3)
        AssertClose(
            [0.501112138096, -0.451553864144, 0.9977470068512001, 0.260053874952, 1.042665732216, -0.6852033033536, 0.34086456336, -0.24303638368000005],
            Run((w, b) => optim.SGD([w, b], 0.01, momentum: 0.5, maximize: true), steps: 3));
    }

    [Fact]
    public void Parameter_groups_have_their_own_hyper_parameters()
    {
        // run(lambda W, b: torch.optim.SGD([{'params': [W]}, {'params': [b], 'lr': 0.05, 'momentum': 0.5}], lr=0.01, momentum=0.9))
        AssertClose(
            [0.19646041765542405, 0.9778862374539489, -0.27419432961544893, -0.25709516500235813, -0.5081753367113291, 0.34888663961471633, 0.3025363158848147, 0.3584332372417061],
            Run((w, b) => optim.SGD([new SGD.ParamGroup([w]), new SGD.ParamGroup([b], lr: 0.05, momentum: 0.5)], 0.01, momentum: 0.9)));
    }

    [Fact]
    public void Groups_inherit_unset_hyper_parameters_and_expose_a_settable_learning_rate()
    {
        var optimizer = optim.SGD([new SGD.ParamGroup([InitialW()]), new SGD.ParamGroup([InitialB()], lr: 0.05, nesterov: true)], 0.01, momentum: 0.9);
        var first = (SGD.ParamGroup)optimizer.param_groups[0];
        var second = (SGD.ParamGroup)optimizer.param_groups[1];
        Assert.Equal((0.01, 0.9, false), (first.LearningRate, first.momentum, first.nesterov));
        Assert.Equal((0.05, 0.9, true), (second.lr, second.momentum, second.nesterov));
        second.lr = 0.2;
        Assert.Equal(0.2, optimizer.ParamGroups[1].LearningRate);
        Assert.Equal(2, optimizer.parameters().Count());
    }

    [Fact]
    public void Parameters_without_gradient_are_skipped_and_updated_in_place()
    {
        var w = InitialW();
        var b = InitialB();
        var unused = tensor(new[] { 3.0, 4.0 }, requires_grad: true);
        var optimizer = optim.SGD([w, b, unused], 0.1, momentum: 0.9, weight_decay: 0.5);
        for (var i = 0; i < 3; i++)
        {
            optimizer.zero_grad();
            Loss(w, b).backward();
            optimizer.step();
        }
        Assert.Null(unused.grad);
        Assert.Equal(new[] { 3.0, 4.0 }, unused.data<double>().ToArray());
        Assert.NotEqual(-0.3, w.data<double>()[1]); // w itself (the same object) was changed
        Assert.True(w.is_leaf && w.requires_grad);
    }

    [Fact]
    public void A_parameter_that_is_a_strided_view_is_updated_through_the_view()
    {
        var storage = zeros(3, 2, dtype: float64);
        var w = storage.t().requires_grad_(); // a leaf of shape 2x3 that is not contiguous
        var c = tensor(new[] { 1.0, 2.0, 3.0, 4.0, 5.0, 6.0 }, [2, 3]);
        var optimizer = optim.SGD([w], 1.0);
        (w * c).sum().backward();
        optimizer.step();
        Assert.Equal(new[] { -1.0, -4.0, -2.0, -5.0, -3.0, -6.0 }, storage.data<double>().ToArray());
    }

    [Fact]
    public void A_gradient_of_the_wrong_shape_is_reported()
    {
        var w = InitialW();
        w.grad = ones(3, dtype: float64);
        var error = Assert.Throws<InvalidOperationException>(() => optim.SGD([w], 0.1).step());
        Assert.Contains("SGD: a parameter of shape (2x3) has a gradient of shape (3)", error.Message);
    }

    [Fact]
    public void Zero_grad_zeroes_or_drops_the_gradients()
    {
        var w = InitialW();
        var optimizer = optim.SGD([w], 0.1);
        Loss(w, InitialB()).backward();
        optimizer.zero_grad();
        Assert.All(w.grad!.data<double>().ToArray(), g => Assert.Equal(0.0, g));
        optimizer.zero_grad(set_to_none: true);
        Assert.Null(w.grad);
    }

    [Fact]
    public void Step_with_a_closure_returns_the_loss_it_computed()
    {
        var w = InitialW();
        var b = InitialB();
        var optimizer = optim.SGD([w, b], 0.01);
        var initialLoss = Loss(w, b).item<double>();
        var loss = optimizer.step(() =>
        {
            optimizer.zero_grad();
            var l = Loss(w, b);
            l.backward();
            return l;
        });
        Assert.Equal(initialLoss, loss!.item<double>());
        Assert.True(Loss(w, b).item<double>() < initialLoss);
        Assert.Null(optimizer.step());
    }

    [Fact]
    public void Invalid_hyper_parameters_and_parameter_lists_are_refused_with_clear_errors()
    {
        var w = InitialW();
        Assert.Contains("invalid learning rate -0.1", Assert.Throws<ArgumentException>(() => optim.SGD([w], -0.1)).Message);
        Assert.Contains("invalid momentum", Assert.Throws<ArgumentException>(() => optim.SGD([w], 0.1, momentum: -1)).Message);
        Assert.Contains("invalid weight_decay", Assert.Throws<ArgumentException>(() => optim.SGD([w], 0.1, weight_decay: -1)).Message);
        Assert.Contains("Nesterov", Assert.Throws<ArgumentException>(() => optim.SGD([w], 0.1, nesterov: true)).Message);
        Assert.Contains("Nesterov", Assert.Throws<ArgumentException>(() => optim.SGD([w], 0.1, momentum: 0.9, dampening: 0.1, nesterov: true)).Message);
        Assert.Contains("invalid learning rate", Assert.Throws<ArgumentException>(() => optim.SGD([new SGD.ParamGroup([w], lr: -1)], 0.1)).Message);
        Assert.Contains("empty parameter list", Assert.Throws<ArgumentException>(() => optim.SGD(Array.Empty<Tensor>(), 0.1)).Message);
        Assert.Contains("more than once", Assert.Throws<ArgumentException>(() => optim.SGD([w, w], 0.1)).Message);
        Assert.Contains("more than once", Assert.Throws<ArgumentException>(() => optim.SGD([new SGD.ParamGroup([w]), new SGD.ParamGroup([w])], 0.1)).Message);
        Assert.Contains("non-leaf", Assert.Throws<ArgumentException>(() => optim.SGD([w * 2.0], 0.1)).Message);
        Assert.Contains("floating-point", Assert.Throws<ArgumentException>(() => optim.SGD([tensor(new long[] { 1, 2 })], 0.1)).Message);
    }
}
