using static Course.Torch.torch;

namespace Course.Torch
{
    using Modules;

    namespace Modules
    {
        /// <summary>
        /// A 2-d convolution layer: out_channels filters of shape (in_channels/groups, kh, kw) slide over the
        /// image, each producing one output channel (see <see cref="nn.functional.conv2d(Tensor, Tensor, Tensor?, long[], long[], long[], long)"/>).
        /// The same small filter is applied at every position, so the layer has few weights and finds a
        /// pattern wherever it occurs.
        /// </summary>
        public sealed class Conv2d : nn.Module<Tensor, Tensor>
        {
            internal Conv2d(long inChannels, long outChannels, (long H, long W) kernelSize, (long H, long W) stride,
                            (long H, long W)? padding, Padding paddingMode, (long H, long W) dilation, long groups,
                            bool hasBias, Device? device, ScalarType? dtype) : base(nameof(Conv2d))
            {
                if (inChannels <= 0 || outChannels <= 0 || kernelSize.H <= 0 || kernelSize.W <= 0)
                    throw new ArgumentException(
                        $"Conv2d: channels and kernel size must be positive, got in_channels {inChannels}, out_channels {outChannels}, kernel_size {kernelSize.H}x{kernelSize.W}.");
                if (groups <= 0 || inChannels % groups != 0 || outChannels % groups != 0)
                    throw new ArgumentException(
                        $"Conv2d: in_channels ({inChannels}) and out_channels ({outChannels}) must both be divisible by groups ({groups}).");
                in_channels = inChannels;
                out_channels = outChannels;
                kernel_size = kernelSize;
                this.stride = stride;
                this.padding = padding;
                padding_mode = paddingMode;
                this.dilation = dilation;
                this.groups = groups;
                weight = new Parameter(empty([outChannels, inChannels / groups, kernelSize.H, kernelSize.W], dtype, device));
                if (hasBias) bias = new Parameter(empty([outChannels], dtype, device));
                reset_parameters();
            }

            public long in_channels { get; }

            public long out_channels { get; }

            public (long H, long W) kernel_size { get; }

            public (long H, long W) stride { get; }

            /// <summary>Explicit padding, or null when the layer was made with <see cref="Padding.Same"/> or <see cref="Padding.Valid"/>.</summary>
            public (long H, long W)? padding { get; }

            /// <summary>Which string-like padding was asked for; only used when <see cref="padding"/> is null.</summary>
            public Padding padding_mode { get; }

            public (long H, long W) dilation { get; }

            public long groups { get; }

            public Parameter weight
            {
                get => get_parameter(nameof(weight))!;
                set => ConditionallyRegisterParameter(nameof(weight), value);
            }

            /// <summary>Null for a layer made with <c>bias: false</c>.</summary>
            public Parameter? bias
            {
                get => get_parameter(nameof(bias));
                set => ConditionallyRegisterParameter(nameof(bias), value);
            }

            /// <summary>
            /// PyTorch's default initialisation, as for Linear: weight and bias from U(−1/√fan_in, 1/√fan_in)
            /// with fan_in = in_channels/groups · kh · kw, the number of inputs each output sums over.
            /// </summary>
            public void reset_parameters() => nn.init.ResetWeightAndBias(weight, bias);

            public override Tensor forward(Tensor input) => padding is { } pad
                ? nn.functional.conv2d(input, weight, bias, [stride.H, stride.W], [pad.H, pad.W], [dilation.H, dilation.W], groups)
                : nn.functional.conv2d(input, weight, padding_mode, bias, [stride.H, stride.W], [dilation.H, dilation.W], groups);

            protected override string extra_repr()
            {
                var text = $"{in_channels}, {out_channels}, kernel_size=({kernel_size.H}, {kernel_size.W}), stride=({stride.H}, {stride.W})";
                text += padding is { } pad ? (pad == (0, 0) ? "" : $", padding=({pad.H}, {pad.W})") : $", padding={padding_mode.ToString().ToLowerInvariant()}";
                if (dilation != (1, 1)) text += $", dilation=({dilation.H}, {dilation.W})";
                if (groups != 1) text += $", groups={groups}";
                if (bias is null) text += ", bias=False";
                return text;
            }
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>A 2-d convolution with a square kernel and the same stride, padding and dilation in both directions.</summary>
            public static Conv2d Conv2d(long in_channels, long out_channels, long kernel_size, long stride = 1, long padding = 0,
                                        long dilation = 1, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
                new(in_channels, out_channels, (kernel_size, kernel_size), (stride, stride), (padding, padding), Padding.Valid,
                    (dilation, dilation), groups, bias, device, dtype);

            /// <summary>A 2-d convolution with (height, width) kernel size, stride, padding and dilation.</summary>
            public static Conv2d Conv2d(long in_channels, long out_channels, (long, long) kernel_size, (long, long)? stride = null,
                                        (long, long)? padding = null, (long, long)? dilation = null, long groups = 1, bool bias = true,
                                        Device? device = null, ScalarType? dtype = null) =>
                new(in_channels, out_channels, kernel_size, stride ?? (1, 1), padding ?? (0, 0), Padding.Valid,
                    dilation ?? (1, 1), groups, bias, device, dtype);

            /// <summary>A 2-d convolution padded <see cref="Padding.Same"/> (output as large as the input) or <see cref="Padding.Valid"/> (no padding).</summary>
            public static Conv2d Conv2d(long in_channels, long out_channels, long kernel_size, Padding padding, long stride = 1,
                                        long dilation = 1, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) =>
                new(in_channels, out_channels, (kernel_size, kernel_size), (stride, stride), null, padding,
                    (dilation, dilation), groups, bias, device, dtype);
        }
    }
}
