using Course.Torch.Kernels;

namespace Course.Torch
{
    /// <summary>
    /// How much a convolution pads, as PyTorch's <c>padding="valid"</c> / <c>"same"</c> strings:
    /// Valid adds none (the output shrinks by the kernel's reach), Same adds just enough that a stride-1
    /// convolution keeps the input's height and width.
    /// </summary>
    public enum Padding
    {
        Valid = 0,
        Same = 1,
    }

    public static partial class torch
    {
        public static partial class nn
        {
            public static partial class functional
            {
                /// <summary>
                /// 2-d convolution (really cross-correlation, as in every deep-learning library):
                /// <c>output[n, o, y, x] = bias[o] + Σ_{c,i,j} weight[o, c, i, j] · input[n, c, y·s + i·d − p, x·s + j·d − p]</c>
                /// over the channels c of o's group, zero outside the image. input is (N, C, H, W) or (C, H, W),
                /// weight (out_channels, C/groups, kh, kw), bias (out_channels). stride, padding and dilation
                /// give one value for both directions or (height, width); their defaults are 1, 0 and 1.
                /// The output is (N, out_channels, (H + 2p − d·(kh−1) − 1)/s + 1, ...), rounded down.
                /// </summary>
                public static Tensor conv2d(Tensor input, Tensor weight, Tensor? bias = null, long[]? stride = null,
                                            long[]? padding = null, long[]? dilation = null, long groups = 1)
                {
                    var pad = Pair(padding, 0, "padding");
                    return Conv2d(input, weight, bias, Pair(stride, 1, "stride"), (pad.H, pad.W, pad.H, pad.W),
                                  Pair(dilation, 1, "dilation"), groups);
                }

                /// <summary><see cref="conv2d(Tensor, Tensor, Tensor?, long[], long[], long[], long)"/> with the same stride, padding and dilation in both directions.</summary>
                public static Tensor conv2d(Tensor input, Tensor weight, Tensor? bias, long stride, long padding = 0,
                                            long dilation = 1, long groups = 1) =>
                    conv2d(input, weight, bias, [stride, stride], [padding, padding], [dilation, dilation], groups);

                /// <summary>
                /// Convolution with <see cref="Padding.Valid"/> (no padding) or <see cref="Padding.Same"/> (output as
                /// large as the input; stride must be 1). When the kernel's reach d·(k−1) is odd, Same puts the extra
                /// row or column at the bottom or right, as PyTorch does.
                /// </summary>
                public static Tensor conv2d(Tensor input, Tensor weight, Padding padding, Tensor? bias = null,
                                            long[]? stride = null, long[]? dilation = null, long groups = 1)
                {
                    var strides = Pair(stride, 1, "stride");
                    var dilations = Pair(dilation, 1, "dilation");
                    if (padding == Padding.Valid)
                        return Conv2d(input, weight, bias, strides, (0, 0, 0, 0), dilations, groups);
                    if (strides != (1, 1))
                        throw new ArgumentException($"conv2d: padding Same is not supported for strided convolutions (stride {strides.H}x{strides.W}).");
                    if (weight.Dimensions != 4)
                        throw new ArgumentException($"conv2d: the weight must be 4-d (out_channels x in_channels/groups x kh x kw), got shape ({weight.ShapeText}).");
                    long reachH = dilations.H * (weight._shape[2] - 1), reachW = dilations.W * (weight._shape[3] - 1);
                    return Conv2d(input, weight, bias, strides, (reachH / 2, reachW / 2, reachH - reachH / 2, reachW - reachW / 2),
                                  dilations, groups);
                }

                /// <summary>A (height, width) pair from null (the default), one value, or two values.</summary>
                internal static (long H, long W) Pair(long[]? values, long defaultValue, string name) => values switch
                {
                    null => (defaultValue, defaultValue),
                    [var both] => (both, both),
                    [var h, var w] => (h, w),
                    _ => throw new ArgumentException($"{name} needs one value or two (height, width), got {values.Length}."),
                };

                private static Tensor Conv2d(Tensor input, Tensor weight, Tensor? bias, (long H, long W) stride,
                                             (long Top, long Left, long Bottom, long Right) pad, (long H, long W) dilation, long groups)
                {
                    if (input.Dimensions == 3)
                        return Conv2d(input.unsqueeze(0), weight, bias, stride, pad, dilation, groups).squeeze(0);
                    var g = CheckConv2d(input, weight, bias, stride, pad, dilation, groups);
                    var outChannels = (int)weight._shape[0];
                    var x = input.detach().Packed();
                    var w = weight.detach().Packed();
                    var b = bias?.detach().Packed();
                    var dtype = input.dtype;
                    var result = new Tensor(Tensor.AllocateUninitialized(dtype, (long)g.Batch * outChannels * g.OutPixels),
                                            [g.Batch, outChannels, g.OutHeight, g.OutWidth], dtype);
                    // Small filters (a first layer on grey or RGB images) go tap by tap; the rest through im2col + GEMM.
                    var direct = DirectConvolution<float>.Fits(g, (int)groups);
                    if (dtype == ScalarType.Float32)
                        ConvolutionForward(direct, x.Storage<float>(), w.Storage<float>(), b?.Storage<float>(), result.Storage<float>(), g, outChannels, (int)groups);
                    else
                        ConvolutionForward(direct, x.Storage<double>(), w.Storage<double>(), b?.Storage<double>(), result.Storage<double>(), g, outChannels, (int)groups);

                    Tensor[] inputs = bias is null ? [input, weight] : [input, weight, bias];
                    return result.WithGradFn("ConvolutionBackward0", gradient =>
                    {
                        var gradOutput = gradient.Packed();
                        var inputGrad = input.requires_grad ? zeros(x._shape, dtype) : null;
                        var weightGrad = weight.requires_grad ? zeros(w._shape, dtype) : null;
                        var biasGrad = bias is { requires_grad: true } ? zeros(b!._shape, dtype) : null;
                        if (dtype == ScalarType.Float32)
                            ConvolutionBackward(direct, gradOutput.Storage<float>(), x.Storage<float>(), w.Storage<float>(), g, outChannels, (int)groups,
                                inputGrad?.Storage<float>(), weightGrad?.Storage<float>(), biasGrad?.Storage<float>());
                        else
                            ConvolutionBackward(direct, gradOutput.Storage<double>(), x.Storage<double>(), w.Storage<double>(), g, outChannels, (int)groups,
                                inputGrad?.Storage<double>(), weightGrad?.Storage<double>(), biasGrad?.Storage<double>());
                        return bias is null ? [inputGrad, weightGrad] : [inputGrad, weightGrad, biasGrad];
                    }, inputs);
                }

                private static void ConvolutionForward<T>(bool direct, T[] input, T[] weight, T[]? bias, T[] output, WindowGeometry g, int outChannels, int groups)
                    where T : unmanaged, System.Numerics.INumber<T>
                {
                    if (direct) DirectConvolution<T>.Forward(input, weight, bias, output, g, outChannels, groups);
                    else Convolution<T>.Forward(input, weight, bias, output, g, outChannels, groups);
                }

                private static void ConvolutionBackward<T>(bool direct, T[] gradOutput, T[] input, T[] weight, WindowGeometry g, int outChannels, int groups,
                                                           T[]? inputGrad, T[]? weightGrad, T[]? biasGrad)
                    where T : unmanaged, System.Numerics.INumber<T>
                {
                    if (direct) DirectConvolution<T>.Backward(gradOutput, input, weight, g, outChannels, groups, inputGrad, weightGrad, biasGrad);
                    else Convolution<T>.Backward(gradOutput, input, weight, g, outChannels, groups, inputGrad, weightGrad, biasGrad);
                }

                /// <summary>Explains any way the arguments do not fit together, and returns the sweep's geometry.</summary>
                private static WindowGeometry CheckConv2d(Tensor input, Tensor weight, Tensor? bias, (long H, long W) stride,
                                                          (long Top, long Left, long Bottom, long Right) pad, (long H, long W) dilation, long groups)
                {
                    const string op = "conv2d";
                    if (input.Dimensions != 4)
                        throw new ArgumentException($"{op}: expects input of shape (N, C, H, W) or (C, H, W), got ({input.ShapeText}).");
                    if (weight.Dimensions != 4)
                        throw new ArgumentException($"{op}: the weight must be 4-d (out_channels x in_channels/groups x kh x kw), got shape ({weight.ShapeText}).");
                    if (!input.is_floating_point() || input.dtype != weight.dtype || (bias is not null && bias.dtype != input.dtype))
                        throw new ArgumentException(
                            $"{op}: input, weight and bias must have the same floating-point dtype, got {input.dtype}, {weight.dtype}{(bias is null ? "" : $" and {bias.dtype}")}.");
                    if (groups < 1)
                        throw new ArgumentException($"{op}: groups must be at least 1, got {groups}.");
                    if (stride.H < 1 || stride.W < 1 || dilation.H < 1 || dilation.W < 1)
                        throw new ArgumentException($"{op}: stride and dilation must be at least 1, got stride {stride.H}x{stride.W} and dilation {dilation.H}x{dilation.W}.");
                    if (pad.Top < 0 || pad.Left < 0)
                        throw new ArgumentException($"{op}: padding must not be negative, got {pad.Top}x{pad.Left}.");
                    long outChannels = weight._shape[0], channels = input._shape[1];
                    if (outChannels % groups != 0)
                        throw new ArgumentException($"{op}: out_channels ({outChannels}, weight {weight.ShapeText}) must be divisible by groups ({groups}).");
                    if (channels != weight._shape[1] * groups)
                        throw new ArgumentException(
                            $"{op}: input has {channels} channels but the weight expects {weight._shape[1] * groups} (weight {weight.ShapeText}{(groups == 1 ? "" : $", groups {groups}")}).");
                    if (bias is not null && (bias.Dimensions != 1 || bias._shape[0] != outChannels))
                        throw new ArgumentException($"{op}: bias ({bias.ShapeText}) needs one value per output channel, shape ({outChannels}).");
                    long height = input._shape[2], width = input._shape[3];
                    long reachH = dilation.H * (weight._shape[2] - 1) + 1, reachW = dilation.W * (weight._shape[3] - 1) + 1;
                    long paddedH = height + pad.Top + pad.Bottom, paddedW = width + pad.Left + pad.Right;
                    if (reachH > paddedH || reachW > paddedW)
                        throw new ArgumentException(
                            $"{op}: the kernel ({weight._shape[2]}x{weight._shape[3]}, reaching {reachH}x{reachW} with dilation) is larger than the padded input ({paddedH}x{paddedW}).");
                    return new WindowGeometry((int)input._shape[0], (int)channels, (int)height, (int)width,
                        (int)weight._shape[2], (int)weight._shape[3], (int)stride.H, (int)stride.W, (int)pad.Top, (int)pad.Left,
                        (int)dilation.H, (int)dilation.W, (int)((paddedH - reachH) / stride.H + 1), (int)((paddedW - reachW) / stride.W + 1));
                }
            }
        }
    }
}
