using Course.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Tests.Training;

public class TrainerTests
{
    [Fact]
    public void Progress_line_has_the_course_format()
    {
        var result = new EpochResult(2, 5, 0.41234, null, null, 0.86149, 12345.4, TimeSpan.FromSeconds(1));
        Assert.Equal("epoch 2/5 · loss 0.412 · val acc 0.861 · 12,345 samples/s", result.ProgressLine());
    }

    [Fact]
    public void An_MLP_learns_the_Fashion_MNIST_subset_in_two_epochs()
    {
        manual_seed(0);
        var train = Data.FashionMNIST(Data.FashionMNISTSubsetFolder, train: true);
        var test = Data.FashionMNIST(Data.FashionMNISTSubsetFolder, train: false);
        var model = nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10));
        var output = new StringWriter();
        var seen = new List<EpochResult>();
        var trainer = new Trainer(model, optim.Adam(model.parameters(), lr: 2e-3), nn.CrossEntropyLoss()) { Progress = output };
        trainer.EpochEnded += seen.Add;

        var history = trainer.Fit(
            utils.data.DataLoader(train, batchSize: 32, shuffle: true, seed: 0),
            utils.data.DataLoader(utils.data.TensorDataset(test.data, test.targets), batchSize: 500),
            epochs: 2);

        Assert.Equal(2, history.Epochs.Count);
        Assert.Equal(history.Epochs, seen);
        Assert.True(history.TrainLoss[1] < history.TrainLoss[0]);
        Assert.True(history.ValidationAccuracy[1] > 0.65, $"validation accuracy {history.ValidationAccuracy[1]:F3}");
        Assert.False(history.StoppedEarly);
        Assert.StartsWith("epoch 1/2 · loss ", output.ToString());
        model.eval();
        using (no_grad())
            Assert.Equal(history.ValidationAccuracy[1], Metrics.Accuracy(model.call(test.data), test.targets), 12);
    }

    [Fact]
    public void Early_stopping_ends_training_when_the_validation_loss_stops_falling()
    {
        manual_seed(1);
        var x = randn(16, 3);
        var y = tensor(Enumerable.Range(0, 16).Select(i => (long)(i % 2)).ToArray());
        var model = nn.Linear(3, 2);
        var loader = utils.data.DataLoader(utils.data.TensorDataset(x, y), batchSize: 8);
        // A learning rate of 0 leaves the loss where it is: no epoch beats the first.
        var trainer = new Trainer(model, optim.SGD(model.parameters(), 0), nn.CrossEntropyLoss()) { Patience = 2, Progress = null };
        var history = trainer.Fit(loader, loader, epochs: 10);
        Assert.Equal(3, history.Epochs.Count);
        Assert.True(history.StoppedEarly);
        Assert.Equal(1, history.Best!.Epoch);
    }

    [Fact]
    public void A_callback_can_stop_training()
    {
        var model = nn.Linear(3, 2);
        var loader = utils.data.DataLoader(utils.data.TensorDataset(randn(4, 3), tensor(new long[] { 0, 1, 0, 1 })), batchSize: 2);
        var trainer = new Trainer(model, optim.SGD(model.parameters(), 0.1), (output, target) => nn.functional.cross_entropy(output, target)) { Progress = null };
        trainer.EpochEnded += result => { if (result.Epoch == 2) trainer.Stop(); };
        Assert.Equal(2, trainer.Fit(loader, null, epochs: 5).Epochs.Count);
        Assert.True(double.IsNaN(trainer.History.ValidationLoss[0]));
    }

    [Fact]
    public void The_scheduler_steps_once_per_batch_and_not_during_evaluation()
    {
        var model = nn.Linear(3, 2);
        var loader = utils.data.DataLoader(utils.data.TensorDataset(randn(8, 3), tensor(new long[] { 0, 1, 0, 1, 0, 1, 0, 1 })), batchSize: 2);
        var optimizer = optim.SGD(model.parameters(), 0.1);
        // StepLR halves the rate at every step: after 2 epochs of 4 batches it is 0.1 / 2^8, however often we evaluate.
        var trainer = new Trainer(model, optimizer, nn.CrossEntropyLoss())
            { Scheduler = optim.lr_scheduler.StepLR(optimizer, step_size: 1, gamma: 0.5), Progress = null };
        trainer.Fit(loader, loader, epochs: 2);
        Assert.Equal(0.1 / 256, optimizer.ParamGroups.Single().LearningRate, 15);
    }
}
