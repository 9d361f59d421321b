using static Course.Torch.torch;
using static Course.Torch.torch.nn;

namespace Course.Torch.Tests.Nn;

/// <summary>
/// Sequential hands the storage of dead intermediate results back for reuse (in no_grad forwards at once,
/// in training when backward drops the graph). These tests check that it does, and that nothing anyone can
/// still see is ever overwritten. The widths (4099, 4111) are odd so that no other test allocates arrays
/// of the same size while these run.
/// </summary>
public class SequentialRecyclingTests
{
    [Fact]
    public void Inference_reuses_the_storage_of_intermediates()
    {
        var model = Sequential(Linear(64, 4099, hasBias: false), ReLU(), Linear(4099, 3, hasBias: false));
        var x = randn(64, 64);
        long allocated = 0;
        using (no_grad())
        {
            for (var run = 0; run < 3; run++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                model.call(x);
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            }
        }
        // Two 64x4099 float32 intermediates are 2 MB; once recycled, a run allocates only small objects.
        Assert.True(allocated < 256 * 1024, $"allocated {allocated} bytes in a steady-state run");
    }

    [Fact]
    public void Results_inputs_views_and_graphs_are_never_recycled()
    {
        var model = Sequential(Linear(64, 4111), ReLU(), Flatten(), Identity(), Linear(4111, 5));
        var x = randn(64, 64);
        Tensor expected;
        using (no_grad()) expected = model.call(x);
        var first = expected.clone();
        var input = x.clone();
        using (no_grad())
            for (var run = 0; run < 3; run++) Assert.Equal(first.data<float>().ToArray(), model.call(x).data<float>().ToArray());
        Assert.Equal(first.data<float>().ToArray(), expected.data<float>().ToArray());
        Assert.Equal(input.data<float>().ToArray(), x.data<float>().ToArray());
        // With autograd on, intermediates belong to the graph: backward still works after more forwards.
        var output = model.call(x);
        using (no_grad()) model.call(x);
        output.sum().backward();
        Assert.NotNull(model.parameters().First().grad);
    }

    [Fact]
    public void A_user_module_that_keeps_its_input_keeps_it_intact()
    {
        var keeper = new Keeper();
        var model = Sequential(Linear(64, 4099), keeper, ReLU(), Linear(4099, 2));
        var x = randn(64, 64);
        using (no_grad())
        {
            model.call(x);
            var kept = keeper.Last!;
            var copy = kept.clone();
            model.call(randn(64, 64));
            Assert.Equal(copy.data<float>().ToArray(), kept.data<float>().ToArray());
        }
    }

    [Fact]
    public void Training_with_recycled_activations_matches_training_without()
    {
        // The same network twice, with the same starting weights and data; in the second, a user module
        // between the layers (which might keep its tensors, so Sequential recycles nothing next to it)
        // turns recycling off. Nothing here depends on the random generator after the first draws.
        manual_seed(1);
        var recycling = Sequential(Linear(32, 4099), ReLU(), Linear(4099, 10));
        var plain = Sequential(Linear(32, 4099), new PassThrough(), ReLU(), new PassThrough(), Linear(4099, 10));
        using (no_grad())
            foreach (var (source, target) in recycling.parameters().Zip(plain.parameters())) target.copy_(source);
        var x = randn(64, 32);
        var y = randint(10, [64]);

        float[] Losses(Module<Tensor, Tensor> model)
        {
            var optimizer = optim.Adam(model.parameters(), lr: 1e-2);
            var losses = new List<float>();
            for (var step = 0; step < 4; step++)
            {
                optimizer.zero_grad();
                var loss = functional.cross_entropy(model.call(x), y);
                loss.backward();
                optimizer.step();
                losses.Add(loss.item<float>());
            }
            return [.. losses];
        }
        Assert.Equal(Losses(plain), Losses(recycling));
    }

    private sealed class PassThrough : Module<Tensor, Tensor>
    {
        public PassThrough() : base(nameof(PassThrough)) { }

        public override Tensor forward(Tensor input) => input;
    }

    private sealed class Keeper : Module<Tensor, Tensor>
    {
        public Keeper() : base(nameof(Keeper)) { }

        public Tensor? Last { get; private set; }

        public override Tensor forward(Tensor input)
        {
            Last = input;
            return input * 2;
        }
    }
}
