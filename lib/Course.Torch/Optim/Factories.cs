using Course.Torch.Modules;

namespace Course.Torch;

public static partial class torch
{
    /// <summary>Optimizers (<c>optim.SGD</c>, <c>optim.Adam</c>, <c>optim.AdamW</c>) and learning-rate schedulers.</summary>
    public static partial class optim
    {
        /// <summary>
        /// Stochastic gradient descent (see <see cref="Modules.SGD"/>). The learning rate is called
        /// <c>learningRate</c> here, as in TorchSharp's factory (PyTorch's <c>lr</c>), so calls transfer unchanged.
        /// </summary>
        public static Modules.SGD SGD(IEnumerable<Tensor> parameters, double learningRate, double momentum = 0, double dampening = 0,
            double weight_decay = 0, bool nesterov = false, bool maximize = false) =>
            new(parameters, learningRate, momentum, dampening, weight_decay, nesterov, maximize);

        /// <summary>SGD over several parameter groups; the arguments are the defaults for what a group leaves unset.</summary>
        public static Modules.SGD SGD(IEnumerable<Modules.SGD.ParamGroup> parameters, double learningRate, double momentum = 0, double dampening = 0,
            double weight_decay = 0, bool nesterov = false, bool maximize = false) =>
            new(parameters, learningRate, momentum, dampening, weight_decay, nesterov, maximize);
    }
}
