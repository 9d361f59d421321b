// The course's first complete model: an MLP 784-256-10 trained with Adam on Fashion-MNIST.
// Run:   dotnet run -c Release --project examples/FirstModel
// Quick: COURSE_QUICK=1 trains on the committed subset in data/fashion-mnist/subset (used by the tests,
// needs no download or Debian package); the accuracy bar shrinks too.
using System.Diagnostics;
using Course;
using TorchSharp;
using static TorchSharp.torch;

var quick = Environment.GetEnvironmentVariable("COURSE_QUICK") == "1";
var epochs = quick ? 4 : 5;
var requiredAccuracy = quick ? 0.75 : 0.85;

manual_seed(0);
var device = cuda.is_available() ? CUDA : CPU;
var root = quick ? Data.FashionMNISTSubsetFolder : null;
var trainSet = Data.FashionMNIST(root, train: true);
var testSet = Data.FashionMNIST(root, train: false);
// The MLP sees each image as one row of 784 pixels.
var (trainImages, trainLabels) = (trainSet.data.reshape(-1, 784).to(device), trainSet.targets.to(device));
var (testImages, testLabels) = (testSet.data.reshape(-1, 784).to(device), testSet.targets.to(device));
Console.WriteLine($"Fashion-MNIST: {trainImages.shape[0]} training and {testImages.shape[0]} test images, on {device}");

var model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 10)).to(device);
var optimizer = optim.Adam(model.parameters(), lr: 1e-3);
var loader = utils.data.DataLoader(utils.data.TensorDataset(trainImages, trainLabels), batchSize: 64, shuffle: true, seed: 0);

double accuracy = 0;
for (var epoch = 1; epoch <= epochs; epoch++)
{
    model.train();
    var clock = Stopwatch.StartNew();
    double lossSum = 0;
    var batches = 0;
    foreach (var batch in loader)
    {
        using var step = NewDisposeScope();      // frees this step's native tensors now, not at the next GC
        optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.call(batch[0]), batch[1]);
        loss.backward();
        optimizer.step();
        lossSum += loss.item<float>();
        batches++;
    }
    var samplesPerSecond = trainImages.shape[0] / clock.Elapsed.TotalSeconds;

    model.eval();
    using (no_grad())
    using (NewDisposeScope())
        accuracy = model.call(testImages).argmax(1).eq(testLabels).to(float64).mean().item<double>();
    Console.WriteLine($"epoch {epoch}: train loss {lossSum / batches:F4}, test accuracy {accuracy:P2}, {samplesPerSecond:N0} samples/s");
}

if (accuracy < requiredAccuracy)
{
    Console.Error.WriteLine($"FAILED: test accuracy {accuracy:P2} is below the {requiredAccuracy:P0} this example promises.");
    return 1;
}
Console.WriteLine($"OK: test accuracy {accuracy:P2} (required {requiredAccuracy:P0}).");
return 0;
