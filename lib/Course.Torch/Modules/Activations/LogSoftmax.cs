using static Course.Torch.torch;

namespace Course.Torch
{
    using Modules;

    namespace Modules
    {
        /// <summary>log(softmax(x)) along <see cref="dim"/>, computed stably; pair it with nll_loss for classification.</summary>
        public sealed class LogSoftmax : nn.Module<Tensor, Tensor>
        {
            internal LogSoftmax(long dim) : base(nameof(LogSoftmax)) => this.dim = dim;

            public long dim { get; }

            public override Tensor forward(Tensor input) => input.log_softmax(dim);

            protected override string extra_repr() => $"dim={dim}";
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            public static LogSoftmax LogSoftmax(long dim) => new(dim);

            public static partial class functional
            {
                public static Tensor log_softmax(Tensor input, long dim, ScalarType? dtype = null) => input.log_softmax(dim, dtype);
            }
        }
    }
}
