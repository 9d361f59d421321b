using static Course.Torch.torch;

namespace Course.Torch.Tests.Optim;

/// <summary>The pieces together, as a learner writes them: a module, a DataLoader, an optimizer and a scheduler.</summary>
public class TrainingLoopTests
{
    [Fact]
    public void A_linear_model_learns_a_linear_map_from_shuffled_mini_batches()
    {
        var generator = new Generator(3);
        var x = randn([256, 3], dtype: float64, generator: generator);
        var trueWeight = tensor(new[] { 2.0, -1.0, 0.5 }, [1, 3]);
        var y = x.matmul(trueWeight.t()) + 0.25;
        var loader = utils.data.DataLoader(utils.data.TensorDataset(x, y), batchSize: 32, shuffle: true, seed: 5);

        var model = nn.Linear(3, 1, dtype: float64);
        var weight = model.weight;
        var optimizer = optim.Adam(model.parameters(), lr: 0.05);
        var scheduler = optim.lr_scheduler.StepLR(optimizer, step_size: 20, gamma: 0.5);
        for (var epoch = 0; epoch < 60; epoch++)
        {
            foreach (var batch in loader)
            {
                optimizer.zero_grad();
                var error = model.forward(batch[0]) - batch[1];
                (error * error).mean().backward();
                optimizer.step();
            }
            scheduler.step();
        }

        Assert.Same(weight, model.weight); // the optimizer changed the module's own parameter objects
        Assert.Equal(new[] { 2.0, -1.0, 0.5 }, model.weight.data<double>().ToArray(), new ToleranceComparer(1e-3));
        Assert.Equal(0.25, model.bias!.item<double>(), 1e-3);
        Assert.Equal(0.05 * 0.125, optimizer.param_groups[0].LearningRate, 1e-15);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= tolerance;

        public int GetHashCode(double value) => 0;
    }
}
