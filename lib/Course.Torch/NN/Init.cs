namespace Course.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// Weight initialisation, as <c>torch.nn.init</c>. Each function overwrites the tensor in place
        /// (without recording it for autograd) and returns it. The scaled schemes keep the variance of
        /// activations roughly constant from layer to layer: Xavier/Glorot for tanh and sigmoid networks,
        /// Kaiming/He for ReLU networks.
        /// </summary>
        public static class init
        {
            /// <summary>The activation that follows a layer, for <see cref="calculate_gain"/>.</summary>
            public enum NonlinearityType
            {
                Linear = 0,
                Conv1D = 1,
                Conv2D = 2,
                Conv3D = 3,
                ConvTranspose1D = 4,
                ConvTranspose2D = 5,
                ConvTranspose3D = 6,
                Sigmoid = 7,
                Tanh = 8,
                ReLU = 9,
                LeakyReLU = 10,
            }

            /// <summary>Whether Kaiming init preserves the variance of the forward pass (fan in) or of the backward pass (fan out).</summary>
            public enum FanInOut
            {
                FanIn = 0,
                FanOut = 1,
            }

            /// <summary>
            /// The factor by which a nonlinearity shrinks the standard deviation of its input, to be undone
            /// by the weights: 1 for linear layers and sigmoid, 5/3 for tanh, √2 for ReLU (which zeroes half
            /// its inputs), √(2 / (1 + slope²)) for leaky ReLU with negative slope <paramref name="param"/>.
            /// </summary>
            public static double calculate_gain(NonlinearityType nonlinearity, double param = 0.0) => nonlinearity switch
            {
                NonlinearityType.Tanh => 5.0 / 3,
                NonlinearityType.ReLU => Math.Sqrt(2.0),
                NonlinearityType.LeakyReLU => Math.Sqrt(2.0 / (1 + param * param)),
                _ => 1.0,
            };

            /// <summary>Fills with samples from U(low, high).</summary>
            public static Tensor uniform_(Tensor tensor, double low = 0, double high = 1, Generator? generator = null)
            {
                using (no_grad()) return tensor.uniform_(low, high, generator);
            }

            /// <summary>Fills with samples from N(mean, std²).</summary>
            public static Tensor normal_(Tensor tensor, double mean = 0, double std = 1, Generator? generator = null)
            {
                using (no_grad()) return tensor.normal_(mean, std, generator);
            }

            public static Tensor constant_(Tensor tensor, double val)
            {
                using (no_grad()) return tensor.fill_(val);
            }

            public static Tensor zeros_(Tensor tensor) => constant_(tensor, 0);

            public static Tensor ones_(Tensor tensor) => constant_(tensor, 1);

            /// <summary>Glorot &amp; Bengio (2010): U(−a, a) with a = gain·√(6 / (fan_in + fan_out)).</summary>
            public static Tensor xavier_uniform_(Tensor tensor, double gain = 1.0, Generator? generator = null)
            {
                var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor, "xavier_uniform_");
                var bound = Math.Sqrt(3.0) * gain * Math.Sqrt(2.0 / (fanIn + fanOut));
                return uniform_(tensor, -bound, bound, generator);
            }

            /// <summary>Glorot &amp; Bengio (2010): N(0, std²) with std = gain·√(2 / (fan_in + fan_out)).</summary>
            public static Tensor xavier_normal_(Tensor tensor, double gain = 1.0, Generator? generator = null)
            {
                var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor, "xavier_normal_");
                return normal_(tensor, 0, gain * Math.Sqrt(2.0 / (fanIn + fanOut)), generator);
            }

            /// <summary>
            /// He et al. (2015): U(−b, b) with b = gain·√(3 / fan), gain from <see cref="calculate_gain"/>
            /// with slope <paramref name="a"/>. Linear and Conv layers use a = √5, which gives b = 1/√fan_in.
            /// </summary>
            public static Tensor kaiming_uniform_(Tensor tensor, double a = 0, FanInOut mode = FanInOut.FanIn,
                NonlinearityType nonlinearity = NonlinearityType.LeakyReLU, Generator? generator = null)
            {
                if (tensor.numel() == 0) return tensor; // nothing to fill, and its fan would be 0
                var bound = Math.Sqrt(3.0) * KaimingStd(tensor, a, mode, nonlinearity, "kaiming_uniform_");
                return uniform_(tensor, -bound, bound, generator);
            }

            /// <summary>He et al. (2015): N(0, std²) with std = gain / √fan.</summary>
            public static Tensor kaiming_normal_(Tensor tensor, double a = 0, FanInOut mode = FanInOut.FanIn,
                NonlinearityType nonlinearity = NonlinearityType.LeakyReLU, Generator? generator = null) =>
                tensor.numel() == 0 ? tensor : normal_(tensor, 0, KaimingStd(tensor, a, mode, nonlinearity, "kaiming_normal_"), generator);

            private static double KaimingStd(Tensor tensor, double a, FanInOut mode, NonlinearityType nonlinearity, string op)
            {
                var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor, op);
                return calculate_gain(nonlinearity, a) / Math.Sqrt(mode == FanInOut.FanIn ? fanIn : fanOut);
            }

            /// <summary>
            /// How many inputs feed each output (fan_in) and how many outputs each input feeds (fan_out),
            /// for a weight of shape (out, in, k1, k2, ...): fan_in = in·k1·k2·…, fan_out = out·k1·k2·….
            /// A Linear weight (out, in) has fan_in = in.
            /// </summary>
            /// <summary>
            /// PyTorch's reset_parameters for Linear and Conv2d: the weight from kaiming_uniform_(a: √5), which is
            /// U(−1/√fan_in, 1/√fan_in), and the bias from the same interval (an empty one when fan_in is 0).
            /// The draws come in PyTorch's order, weight first.
            /// </summary>
            internal static void ResetWeightAndBias(Tensor weight, Tensor? bias)
            {
                kaiming_uniform_(weight, a: Math.Sqrt(5));
                if (bias is null) return;
                var (fanIn, _) = CalculateFanInAndFanOut(weight);
                var bound = fanIn > 0 ? 1 / Math.Sqrt(fanIn) : 0;
                uniform_(bias, -bound, bound);
            }

            public static (long fanIn, long fanOut) CalculateFanInAndFanOut(Tensor tensor) =>
                CalculateFanInAndFanOut(tensor, "CalculateFanInAndFanOut");

            private static (long fanIn, long fanOut) CalculateFanInAndFanOut(Tensor tensor, string op)
            {
                if (tensor.Dimensions < 2)
                    throw new ArgumentException($"{op}: fan in and fan out need a weight with at least 2 dimensions (out, in, ...), got shape ({tensor.ShapeText}).");
                var receptiveField = Tensor.ShapeNumel(tensor._shape.AsSpan(2));
                return (tensor._shape[1] * receptiveField, tensor._shape[0] * receptiveField);
            }
        }
    }
}
