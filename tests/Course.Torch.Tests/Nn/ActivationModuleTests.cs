using Course.Torch.Modules;
using static Course.Torch.torch;
using static Course.Torch.torch.nn;

namespace Course.Torch.Tests.Nn;

public class ActivationModuleTests
{
    private static readonly float[] Inputs = [-2f, -0.5f, 0f, 1.5f];

    private static float[] Apply(Module<Tensor, Tensor> module) => module.call(tensor(Inputs)).data<float>().ToArray();

    [Fact]
    public void Elementwise_activation_modules_compute_their_functions()
    {
        Assert.Equal([0f, 0f, 0f, 1.5f], Apply(ReLU()));
        Assert.Equal([-0.2f, -0.05f, 0f, 1.5f], Apply(LeakyReLU(0.1)), new FloatTolerance(1e-6f));
        Assert.Equal(Inputs.Select(x => (float)(1 / (1 + Math.Exp(-x)))), Apply(Sigmoid()), new FloatTolerance(1e-6f));
        Assert.Equal(Inputs.Select(x => (float)Math.Tanh(x)), Apply(Tanh()), new FloatTolerance(1e-6f));
        // GELU(x) = x·Φ(x); Φ(-2) = 0.0227501, Φ(-0.5) = 0.3085375, Φ(1.5) = 0.9331928.
        Assert.Equal([-0.0455003f, -0.1542688f, 0f, 1.3997892f], Apply(GELU()), new FloatTolerance(1e-6f));
    }

    [Fact]
    public void Functional_forms_match_the_modules()
    {
        var x = randn(3, 4);
        Assert.Equal(ReLU().call(x).data<float>().ToArray(), functional.relu(x).data<float>().ToArray());
        Assert.Equal(Sigmoid().call(x).data<float>().ToArray(), functional.sigmoid(x).data<float>().ToArray());
        Assert.Equal(Tanh().call(x).data<float>().ToArray(), functional.tanh(x).data<float>().ToArray());
        Assert.Equal(GELU().call(x).data<float>().ToArray(), functional.gelu(x).data<float>().ToArray());
        Assert.Equal(LeakyReLU().call(x).data<float>().ToArray(), functional.leaky_relu(x).data<float>().ToArray());
        Assert.Equal(Softmax(0).call(x).data<float>().ToArray(), functional.softmax(x, 0).data<float>().ToArray());
        Assert.Equal(LogSoftmax(1).call(x).data<float>().ToArray(), functional.log_softmax(x, 1).data<float>().ToArray());
    }

    [Fact]
    public void Softmax_modules_work_along_their_dim()
    {
        var x = tensor(new float[] { 1, 2, 3, 1, 1, 1 }, [2, 3]);
        var rows = Softmax(1).call(x).sum(1).data<float>().ToArray();
        Assert.All(rows, s => Assert.Equal(1f, s, 1e-6f));
        var columns = Softmax(0).call(x).sum(0).data<float>().ToArray();
        Assert.All(columns, s => Assert.Equal(1f, s, 1e-6f));
        Assert.Equal(Math.Log(1.0 / 3), LogSoftmax(-1).call(x).data<float>()[3], 1e-6);
        Assert.Contains("out of range", Assert.Throws<ArgumentOutOfRangeException>(() => Softmax(2).call(x)).Message);
    }

    [Fact]
    public void A_small_network_with_activations_passes_the_gradient_check()
    {
        var model = Sequential(Linear(3, 4), Tanh(), Linear(4, 4), Sigmoid(), Linear(4, 2), LogSoftmax(1)).to(float64);
        GradCheck.Check(x => model.call(x[0]), GradCheck.Input(5, 3));
        // The parameters receive gradients too.
        model.call(GradCheck.Input(5, 3)).sum().backward();
        Assert.All(model.parameters(), p => Assert.NotNull(p.grad));
    }

    [Fact]
    public void The_course_model_trains_its_parameters()
    {
        var model = new Net();
        Assert.Equal(["fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias"], model.named_parameters().Select(p => p.name));
        var loss = model.call(randn(8, 784)).pow(2).mean();
        loss.backward();
        Assert.All(model.parameters(), p => Assert.True(p.grad!.abs().sum().item<float>() > 0));
    }

    [Fact]
    public void Activation_modules_print_like_pytorch()
    {
        Assert.Equal("Sequential(\n  (0): ReLU()\n  (1): LeakyReLU(negative_slope=0.2)\n  (2): Softmax(dim=1)\n)",
            Sequential(ReLU(), LeakyReLU(0.2), Softmax(1)).ToString());
    }

    /// <summary>The model as the course text writes it.</summary>
    private sealed class Net : Module<Tensor, Tensor>
    {
        private readonly Module<Tensor, Tensor> fc1 = Linear(784, 256), fc2 = Linear(256, 10);

        public Net() : base(nameof(Net)) { RegisterComponents(); }

        public override Tensor forward(Tensor x) => fc2.call(fc1.call(x).relu());
    }

    private sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(float value) => 0;
    }
}
