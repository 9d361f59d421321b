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

        /// <summary>
        /// Adam (see <see cref="Modules.Adam"/>). The defaults are PyTorch's; note beta2 = 0.999 (some
        /// TorchSharp versions default their factory to 0.99).
        /// </summary>
        public static Modules.Adam Adam(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
            double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
            new(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);

        /// <summary>Adam over several parameter groups; the arguments are the defaults for what a group leaves unset.</summary>
        public static Modules.Adam Adam(IEnumerable<Modules.Adam.ParamGroup> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
            double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
            new(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);

        /// <summary>
        /// AdamW (see <see cref="Modules.AdamW"/>). The defaults are PyTorch's, including weight_decay = 0.01
        /// (TorchSharp's factory defaults to 0, which makes it plain Adam).
        /// </summary>
        public static Modules.AdamW AdamW(IEnumerable<Tensor> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
            double weight_decay = 0.01, bool amsgrad = false, bool maximize = false) =>
            new(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);

        /// <summary>AdamW over several parameter groups; the arguments are the defaults for what a group leaves unset.</summary>
        public static Modules.AdamW AdamW(IEnumerable<Modules.Adam.ParamGroup> parameters, double lr = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8,
            double weight_decay = 0.01, bool amsgrad = false, bool maximize = false) =>
            new(parameters, lr, beta1, beta2, eps, weight_decay, amsgrad, maximize);
    }
}
