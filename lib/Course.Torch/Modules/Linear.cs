using static Course.Torch.torch;

namespace Course.Torch
{
    using Modules;

    namespace Modules
    {
        /// <summary>A fully connected layer: y = x·Wᵀ + b, with W of shape (outputSize, inputSize).</summary>
        public sealed class Linear : nn.Module<Tensor, Tensor>
        {
            internal Linear(long inputSize, long outputSize, bool hasBias, Device? device, ScalarType? dtype) : base(nameof(Linear))
            {
                if (inputSize < 0 || outputSize < 0)
                    throw new ArgumentException($"Linear: sizes must not be negative, got inputSize {inputSize} and outputSize {outputSize}.");
                in_features = inputSize;
                out_features = outputSize;
                weight = new Parameter(empty([outputSize, inputSize], dtype, device));
                if (hasBias) bias = new Parameter(empty([outputSize], dtype, device));
                reset_parameters();
            }

            public long in_features { get; }

            public long out_features { get; }

            public Parameter weight
            {
                get => get_parameter(nameof(weight))!;
                set => ConditionallyRegisterParameter(nameof(weight), value);
            }

            /// <summary>Null for a layer made with <c>hasBias: false</c>.</summary>
            public Parameter? bias
            {
                get => get_parameter(nameof(bias));
                set => ConditionallyRegisterParameter(nameof(bias), value);
            }

            /// <summary>
            /// PyTorch's default initialisation: weight and bias from U(−1/√in, 1/√in). For the weight this
            /// is <c>kaiming_uniform_(a: √5)</c>, kept in that form so the random draws match PyTorch's order.
            /// </summary>
            public void reset_parameters() => nn.init.ResetWeightAndBias(weight, bias);

            public override Tensor forward(Tensor input) => nn.functional.linear(input, weight, bias);

            protected override string extra_repr() => $"in_features={in_features}, out_features={out_features}, bias={(bias is null ? "False" : "True")}";
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>
            /// A fully connected layer mapping <paramref name="inputSize"/> features to <paramref name="outputSize"/>,
            /// with an additive bias unless <paramref name="hasBias"/> is false. Its weights have the default
            /// dtype (float32) unless <paramref name="dtype"/> says otherwise.
            /// </summary>
            public static Linear Linear(long inputSize, long outputSize, bool hasBias = true, Device? device = null, ScalarType? dtype = null) =>
                new(inputSize, outputSize, hasBias, device, dtype);

            public static partial class functional
            {
                /// <summary>
                /// input·weightᵀ + bias for input of shape (..., in), weight (out, in), bias (out): the
                /// leading dimensions are batch dimensions. Autograd comes from matmul and add.
                /// </summary>
                public static Tensor linear(Tensor input, Tensor weights, Tensor? bias = null)
                {
                    if (weights.Dimensions != 2)
                        throw new ArgumentException($"linear: the weight must be a matrix (out_features x in_features), got shape ({weights.ShapeText}).");
                    if (input.Dimensions == 0 || input._shape[^1] != weights._shape[1])
                        throw new ArgumentException(
                            $"linear: input ({input.ShapeText}) and weight ({weights.ShapeText}) do not fit: the input's last dimension must be the weight's in_features, {weights._shape[1]}.");
                    if (bias is not null && (bias.Dimensions != 1 || bias._shape[0] != weights._shape[0]))
                        throw new ArgumentException(
                            $"linear: bias ({bias.ShapeText}) does not fit weight ({weights.ShapeText}): it needs one value per output feature, shape ({weights._shape[0]}).");
                    var product = input.matmul(weights.t());
                    return bias is null ? product : product + bias;
                }
            }
        }
    }
}
