using static Course.Torch.torch;

namespace Course.Torch
{
    using Modules;

    namespace Modules
    {
        /// <summary>
        /// Batch normalisation per channel (see <see cref="nn.functional.batch_norm"/>). In training mode it normalises
        /// with the batch's statistics and keeps running averages of them (buffers <c>running_mean</c>,
        /// <c>running_var</c>, <c>num_batches_tracked</c>, saved in the state_dict); after <c>eval()</c> it uses those
        /// averages, so a single test image gets the same treatment as a training batch.
        /// </summary>
        public abstract class BatchNorm : nn.Module<Tensor, Tensor>
        {
            private readonly int _inputRank;

            private protected BatchNorm(string name, int inputRank, long numFeatures, double eps, double? momentum, bool affine,
                                        bool trackRunningStats, Device? device, ScalarType? dtype) : base(name)
            {
                if (numFeatures <= 0)
                    throw new ArgumentException($"{name}: num_features must be positive, got {numFeatures}.");
                _inputRank = inputRank;
                num_features = numFeatures;
                this.eps = eps;
                this.momentum = momentum;
                this.affine = affine;
                track_running_stats = trackRunningStats;
                if (affine)
                {
                    register_parameter("weight", new Parameter(ones([numFeatures], dtype, device)));
                    register_parameter("bias", new Parameter(zeros([numFeatures], dtype, device)));
                }
                if (trackRunningStats)
                {
                    register_buffer("running_mean", zeros([numFeatures], dtype, device));
                    register_buffer("running_var", ones([numFeatures], dtype, device));
                    register_buffer("num_batches_tracked", zeros([], ScalarType.Int64, device));
                }
            }

            public long num_features { get; }

            public double eps { get; }

            /// <summary>The weight of each new batch in the running averages; null means a plain average over all batches so far.</summary>
            public double? momentum { get; }

            public bool affine { get; }

            public bool track_running_stats { get; }

            public Parameter? weight => get_parameter(nameof(weight));

            public Parameter? bias => get_parameter(nameof(bias));

            public Tensor? running_mean => get_buffer(nameof(running_mean));

            public Tensor? running_var => get_buffer(nameof(running_var));

            public Tensor? num_batches_tracked => get_buffer(nameof(num_batches_tracked));

            public void reset_running_stats()
            {
                using (no_grad())
                {
                    running_mean?.zero_();
                    running_var?.fill_(1);
                    num_batches_tracked?.zero_();
                }
            }

            public override Tensor forward(Tensor input)
            {
                if (_inputRank == 4 ? input.Dimensions != 4 : input.Dimensions is not (2 or 3))
                    throw new ArgumentException(_inputRank == 4
                        ? $"{GetName()}: expects input of shape (N, C, H, W), got ({input.ShapeText})."
                        : $"{GetName()}: expects input of shape (N, C) or (N, C, L), got ({input.ShapeText}).");
                var useBatchStatistics = training || running_mean is null;
                var factor = momentum ?? 0.0;
                if (training && num_batches_tracked is { } tracked)
                {
                    using (no_grad()) tracked.add_(1);
                    if (momentum is null) factor = 1.0 / tracked.item<long>();
                }
                return nn.functional.batch_norm(input, running_mean, running_var, weight, bias, useBatchStatistics, factor, eps);
            }

            protected override string extra_repr() =>
                $"{num_features}, eps={eps}, momentum={(momentum is { } m ? m.ToString(System.Globalization.CultureInfo.InvariantCulture) : "None")}, affine={affine}, track_running_stats={track_running_stats}";
        }

        /// <summary>Batch normalisation of (N, C) features or (N, C, L) sequences, per feature C.</summary>
        public sealed class BatchNorm1d : BatchNorm
        {
            internal BatchNorm1d(long numFeatures, double eps, double? momentum, bool affine, bool trackRunningStats, Device? device, ScalarType? dtype)
                : base(nameof(BatchNorm1d), 3, numFeatures, eps, momentum, affine, trackRunningStats, device, dtype) { }
        }

        /// <summary>Batch normalisation of (N, C, H, W) images, per channel C over the batch and all positions.</summary>
        public sealed class BatchNorm2d : BatchNorm
        {
            internal BatchNorm2d(long numFeatures, double eps, double? momentum, bool affine, bool trackRunningStats, Device? device, ScalarType? dtype)
                : base(nameof(BatchNorm2d), 4, numFeatures, eps, momentum, affine, trackRunningStats, device, dtype) { }
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            public static BatchNorm1d BatchNorm1d(long num_features, double eps = 1e-5, double? momentum = 0.1, bool affine = true,
                                                  bool track_running_stats = true, Device? device = null, ScalarType? dtype = null) =>
                new(num_features, eps, momentum, affine, track_running_stats, device, dtype);

            public static BatchNorm2d BatchNorm2d(long num_features, double eps = 1e-5, double? momentum = 0.1, bool affine = true,
                                                  bool track_running_stats = true, Device? device = null, ScalarType? dtype = null) =>
                new(num_features, eps, momentum, affine, track_running_stats, device, dtype);
        }
    }
}
