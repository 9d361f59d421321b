using static Course.Torch.torch;
using static Course.Torch.torch.nn;

namespace Course.Torch.Tests.Tensors;

/// <summary>
/// torch.NewDisposeScope(): tensors made inside are disposed at its end unless moved out, and their large arrays
/// are reused, but never while anything that survives can still see them. Sizes (4127, 4133, 4139...) are odd
/// so that no other test allocates arrays of the same size.
/// </summary>
public class DisposeScopeTests
{
    [Fact]
    public void Tensors_made_in_a_scope_are_disposed_at_its_end_and_moved_ones_survive()
    {
        var outside = ones(3);
        Tensor inside, kept, detached;
        using (var scope = NewDisposeScope())
        {
            inside = outside * 2;
            kept = outside + 1;
            detached = outside + 2;
            var count = scope.DisposablesCount;
            kept.MoveToOuterDisposeScope();
            detached.DetachFromDisposeScope();
            Assert.Equal(count - 2, scope.DisposablesCount);
        }

        Assert.True(inside.IsInvalid);
        var error = Assert.Throws<ObjectDisposedException>(() => inside.sum());
        Assert.Contains("MoveToOuterDisposeScope", error.Message);
        Assert.Throws<ObjectDisposedException>(() => inside.view(3, 1)); // not even a view of it
        Assert.False(outside.IsInvalid);
        Assert.Equal([2f, 2f, 2f], kept.data<float>().ToArray());
        Assert.Equal([3f, 3f, 3f], detached.data<float>().ToArray());
    }

    [Fact]
    public void A_tensor_moved_out_of_an_inner_scope_is_disposed_with_the_outer_one()
    {
        Tensor moved;
        using (NewDisposeScope())
        {
            using (NewDisposeScope()) moved = ones(2).MoveToOuterDisposeScope();
            Assert.False(moved.IsInvalid);
        }
        Assert.True(moved.IsInvalid);
    }

    [Fact]
    public void The_arrays_of_disposed_tensors_are_reused()
    {
        Array used;
        using (NewDisposeScope())
        {
            var x = randn(64, 4127);
            used = x.storage;
        }
        var next = zeros(64, 4127);
        Assert.Same(used, next.storage);
        Assert.All(next.data<float>().ToArray(), value => Assert.Equal(0f, value)); // and cleared
    }

    [Fact]
    public void An_array_shared_with_a_surviving_view_is_not_reused()
    {
        Tensor view;
        float[] values;
        using (NewDisposeScope())
        {
            var x = randn(64, 4133);
            values = x.data<float>().ToArray();
            view = x.view(4133, 64).MoveToOuterDisposeScope();
        }
        AssertKeepsItsArray(view, values);
    }

    [Fact]
    public void A_graph_that_survives_the_scope_keeps_everything_it_saved()
    {
        var model = Sequential(Linear(64, 4139), Tanh(), Linear(4139, 1));
        var x = randn(32, 64);
        Tensor loss;
        using (NewDisposeScope()) loss = model.call(x).pow(2).mean().MoveToOuterDisposeScope();
        // Without the scope rule for live graphs, these allocations could take the arrays backward needs.
        for (var i = 0; i < 3; i++) randn(32, 4139);
        loss.backward();
        var scoped = model.parameters().Select(p => p.grad!.data<float>().ToArray()).ToList();

        model.zero_grad();
        model.call(x).pow(2).mean().backward();
        Assert.Equal(model.parameters().Select(p => p.grad!.data<float>().ToArray()), scoped);
    }

    [Theory]
    [InlineData("sgd")]
    [InlineData("adam")]
    public void Training_in_scopes_matches_training_without(string optimizerName)
    {
        var losses = new[] { true, false }.Select(scoped => Train(scoped, optimizerName)).ToArray();
        Assert.Equal(losses[1], losses[0]);
    }

    [Fact]
    public void Training_in_scopes_reuses_the_activations_of_a_forward_written_by_hand()
    {
        var model = new TwoLayers();
        var optimizer = optim.SGD(model.parameters(), 0.01, momentum: 0.9);
        var x = randn(64, 64);
        var y = randint(10, [64]);
        long AllocatedPerStep(bool scoped)
        {
            long allocated = 0;
            for (var step = 0; step < 4; step++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                using (scoped ? NewDisposeScope() : null) Step(model, optimizer, x, y);
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            }
            return allocated;
        }
        var plain = AllocatedPerStep(scoped: false);
        var scoped = AllocatedPerStep(scoped: true);
        // A step makes 64x4153 float32 arrays of 1 MB each: two activations (recycled only by the scope), two
        // gradients of activations (recycled by backward either way) and fc1's weight gradient (new every step).
        Assert.True(scoped < plain - 1_500_000, $"allocated {scoped} bytes per step in a scope, {plain} without");
    }

    [Fact]
    public void A_scope_ended_out_of_order_says_so_and_tracks_nothing_more()
    {
        var outer = NewDisposeScope();
        var inner = NewDisposeScope();
        var early = ones(2);
        Assert.Throws<InvalidOperationException>(() => outer.Dispose());
        inner.Dispose();
        Assert.True(early.IsInvalid); // inner still ended normally
        var later = ones(2);
        Assert.Null(later.OwningScope); // the thread is out of both scopes
    }

    [Fact]
    public void Tensors_an_inner_scope_leaves_to_a_live_graph_are_never_recycled_by_an_outer_one()
    {
        var w = randn([64, 4157], requires_grad: true);
        Tensor z, y;
        using (NewDisposeScope())
        {
            using (NewDisposeScope())
            {
                z = w * 2;
                y = z.view(-1).MoveToOuterDisposeScope(); // y's graph still needs z, so the inner scope keeps z
            }
        }
        AssertKeepsItsArray(z, z.data<float>().ToArray());
    }

    [Fact]
    public void An_array_recycled_during_a_scope_and_taken_by_another_thread_is_not_handed_back_again()
    {
        var model = Sequential(Linear(64, 4159), ReLU(), Linear(4159, 2));
        var x = randn(64, 64);
        Tensor other = null!;
        using (NewDisposeScope())
        using (no_grad())
        {
            model.call(x); // Sequential hands the 64x4159 activation back to the pool at once
            var elsewhere = new Thread(() => other = full([64, 4159], 5f)); // a tensor no scope tracks takes it
            elsewhere.Start();
            elsewhere.Join();
        }
        var mine = zeros(64, 4159);
        Assert.NotSame(other.storage, mine.storage);
        Assert.All(other.data<float>().ToArray(), value => Assert.Equal(5f, value));
    }

    [Fact]
    public void Library_objects_made_in_a_scope_keep_their_tensors()
    {
        Modules.TensorDataset dataset;
        using (NewDisposeScope()) dataset = torch.utils.data.TensorDataset(ones(4, 2), zeros(4));
        Assert.Equal([1f, 1f], dataset[0][0].data<float>().ToArray());
    }

    [Fact]
    public void A_disposed_tensor_prints_as_disposed()
    {
        Tensor inside;
        using (NewDisposeScope()) inside = ones(2, 3);
        Assert.Equal("tensor [2x3], disposed", inside.ToString());
    }

    [Fact]
    public void An_array_handed_back_twice_is_pooled_once()
    {
        var array = new float[70001];
        Course.Torch.Tensors.StoragePool.Return(array);
        Course.Torch.Tensors.StoragePool.Return(array);
        var first = zeros(70001);
        var second = zeros(70001);
        Assert.NotSame(first.storage, second.storage);
    }

    /// <summary>Allocates an array of <paramref name="kept"/>'s size: it must not be kept's, whose values stay as they were.</summary>
    private static void AssertKeepsItsArray(Tensor kept, float[] values)
    {
        var next = full(kept.shape, 7f);
        Assert.NotSame(kept.storage, next.storage);
        Assert.Equal(values, kept.data<float>().ToArray());
    }

    private static float[] Train(bool scoped, string optimizerName)
    {
        manual_seed(7);
        var model = new TwoLayers();
        var optimizer = optimizerName == "sgd"
            ? optim.SGD(model.parameters(), 0.05, momentum: 0.9)
            : (optim.Optimizer)optim.Adam(model.parameters(), lr: 1e-3);
        var x = randn(64, 64);
        var y = randint(10, [64]);
        var losses = new float[5];
        for (var step = 0; step < losses.Length; step++)
        {
            if (!scoped)
            {
                losses[step] = Step(model, optimizer, x, y);
                continue;
            }
            using (NewDisposeScope())
            {
                losses[step] = Step(model, optimizer, x, y);
                randn(64, 4153); // takes an array another step may have recycled, and must not see it change
            }
        }
        return losses;
    }

    private static float Step(Module<Tensor, Tensor> model, optim.Optimizer optimizer, Tensor x, Tensor y)
    {
        optimizer.zero_grad();
        var loss = functional.cross_entropy(model.call(x), y);
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }

    /// <summary>A model with its own forward: the case Sequential's own recycling cannot see into.</summary>
    private sealed class TwoLayers : Module<Tensor, Tensor>
    {
        private readonly Module<Tensor, Tensor> fc1 = Linear(64, 4153), fc2 = Linear(4153, 10);

        public TwoLayers() : base(nameof(TwoLayers)) => RegisterComponents();

        public override Tensor forward(Tensor x) => fc2.call(functional.relu(fc1.call(x)));
    }
}
