using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Training;

/// <summary>
/// The training loop the notebooks write out by hand once, packaged: for each epoch, every batch does
/// zero_grad, forward, loss, backward, step; then the model is evaluated on the validation batches. Prints a
/// progress line per epoch, records a <see cref="TrainingHistory"/>, calls <see cref="EpochEnded"/> (e.g. to
/// update a live chart) and optionally stops early when the validation loss stops improving.
/// Accuracy is measured when targets are class indices (int64 [N]) and outputs are scores [N, C].
/// </summary>
public sealed class Trainer(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, Func<Tensor, Tensor, Tensor> loss)
{
    private bool _stopRequested;

    /// <summary>For loss modules such as <c>nn.CrossEntropyLoss()</c>.</summary>
    public Trainer(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, nn.Module<Tensor, Tensor, Tensor> loss)
        : this(model, optimizer, loss.call)
    {
    }

    /// <summary>
    /// Stop after this many epochs without a lower validation loss (training loss without validation data);
    /// null trains all epochs. Keras calls this EarlyStopping(patience).
    /// </summary>
    public int? Patience { get; init; }

    /// <summary>
    /// A learning-rate schedule stepped after every optimizer step, i.e. once per batch, as a cosine decay over
    /// all of training or PyTorch's OneCycleLR expect; null keeps the optimizer's rate. A schedule meant to be
    /// stepped once per epoch belongs in an <see cref="EpochEnded"/> handler instead.
    /// </summary>
    public optim.lr_scheduler.LRScheduler? Scheduler { get; init; }

    /// <summary>Where the progress lines go; null for silence.</summary>
    public TextWriter? Progress { get; init; } = Console.Out;

    /// <summary>Called after each epoch with its result; a handler may call <see cref="Stop"/>.</summary>
    public event Action<EpochResult>? EpochEnded;

    public TrainingHistory History { get; } = new();

    /// <summary>Ends training after the current epoch.</summary>
    public void Stop() => _stopRequested = true;

    /// <summary>Trains for <paramref name="epochs"/> epochs (fewer if stopped) and returns the history.</summary>
    public TrainingHistory Fit(Batches train, Batches? validation, int epochs)
    {
        if (epochs < 1) throw new ArgumentException($"Trainer.Fit: epochs must be at least 1, got {epochs}.");
        _stopRequested = false;
        var best = double.PositiveInfinity;
        var sinceBest = 0;
        for (var epoch = 1; epoch <= epochs && !_stopRequested; epoch++)
        {
            var clock = Stopwatch.StartNew();
            model.train();
            var trained = Pass(train, learn: true);
            var duration = clock.Elapsed;
            (double MeanLoss, double? Accuracy)? validated = validation is null ? null : Evaluate(validation);

            var result = new EpochResult(epoch, epochs, trained.MeanLoss, trained.Accuracy, validated?.MeanLoss, validated?.Accuracy,
                trained.Samples / Math.Max(duration.TotalSeconds, 1e-9), duration);
            History.Add(result);
            Progress?.WriteLine(result.ProgressLine());
            EpochEnded?.Invoke(result);

            var monitored = result.ValidationLoss ?? result.TrainLoss;
            if (monitored < best) (best, sinceBest) = (monitored, 0);
            else if (++sinceBest >= Patience && epoch < epochs)
            {
                History.StoppedEarly = true;
                Progress?.WriteLine($"early stop: no better loss than {best:F3} for {sinceBest} epochs");
                break;
            }
        }
        return History;
    }

    /// <summary>Mean loss and accuracy on <paramref name="batches"/> in eval mode without gradients.</summary>
    public (double MeanLoss, double? Accuracy) Evaluate(Batches batches)
    {
        model.eval();
        using (no_grad())
        {
            var totals = Pass(batches, learn: false);
            return (totals.MeanLoss, totals.Accuracy);
        }
    }

    private Totals Pass(Batches batches, bool learn)
    {
        var totals = new Totals();
        foreach (var (input, target) in batches.Items)
        {
            // Every tensor this step makes (activations, the loss, autograd's intermediates) is freed when the
            // step ends, not when the garbage collector gets round to it: libtorch's memory is not the GC's.
            using var step = NewDisposeScope();
            if (learn) optimizer.zero_grad();
            var output = model.call(input);
            var batchLoss = loss(output, target);
            if (learn)
            {
                batchLoss.backward();
                optimizer.step();
                Scheduler?.step();
            }
            var count = input.shape[0];
            totals.Add(batchLoss.item<float>(), count, CountRight(output, target));
        }
        if (totals.Samples == 0) throw new InvalidOperationException("Trainer: the batches were empty.");
        return totals;
    }

    private static long? CountRight(Tensor output, Tensor target) =>
        output.Dimensions == 2 && target.Dimensions == 1 && target.dtype == ScalarType.Int64
            ? output.detach().argmax(1).eq(target).sum().item<long>()
            : null;

    private sealed class Totals
    {
        private double _lossSum;
        private long? _right = 0;

        public long Samples { get; private set; }

        /// <summary>Mean over samples (each batch's mean loss weighted by its size).</summary>
        public double MeanLoss => _lossSum / Samples;

        public double? Accuracy => _right / (double)Samples;

        public void Add(double meanLoss, long count, long? right)
        {
            _lossSum += meanLoss * count;
            Samples += count;
            _right = right is null ? null : _right + right;
        }
    }
}
