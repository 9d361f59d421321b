using Course.Torch.Modules;
using static Course.Torch.torch;
using static Course.Torch.torch.nn;

namespace Course.Torch.Tests.Nn;

/// <summary>The model from the course text: two Linear layers in fields, found by RegisterComponents.</summary>
internal sealed class Mlp : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> fc1, fc2;

    public Mlp(long input = 784, long hidden = 256, long output = 10) : base(nameof(Mlp))
    {
        fc1 = Linear(input, hidden);
        fc2 = Linear(hidden, output);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => fc2.call(fc1.call(x));
}

/// <summary>Base class with a field of its own, to check that base-class fields come first.</summary>
internal abstract class WithScale : Module<Tensor, Tensor>
{
    protected readonly Parameter scale = new(ones(1));

    protected WithScale(string name) : base(name) { }
}

/// <summary>Nested modules, a Sequential, a private parameter, a buffer, an auto-property and a non-component field.</summary>
internal sealed class Nested : WithScale
{
    private readonly Mlp encoder = new(4, 3, 2);
    private readonly Sequential head = Sequential(Linear(2, 2), Dropout(0.5), Linear(2, 1));
    private readonly Tensor running = zeros(1);
    private readonly int notAComponent = 7;

    public Nested() : base(nameof(Nested))
    {
        RegisterComponents();
    }

    public Module<Tensor, Tensor> Extra { get; } = Identity();

    public int NotAComponent => notAComponent;

    public override Tensor forward(Tensor x) => Extra.call(head.call(encoder.call(x))) * scale + running;
}
