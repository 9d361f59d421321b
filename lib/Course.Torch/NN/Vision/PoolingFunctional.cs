using Course.Torch.Kernels;

namespace Course.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            /// <summary>
            /// The largest value of each kernel_size window, moved by stride (default: kernel_size) over an (N, C, H, W)
            /// or (C, H, W) input padded with −∞ by padding (at most half the kernel). Backward: each output's gradient
            /// goes to the element that was the maximum (the first one on ties).
            /// </summary>
            public static Tensor max_pool2d(Tensor input, long[] kernel_size, long[]? stride = null, long[]? padding = null)
            {
                var g = PoolGeometry("max_pool2d", input, kernel_size, stride, padding);
                return Pool(input, g, "MaxPool2DWithIndicesBackward0", (x, output, needsGrad) =>
                {
                    var argmax = needsGrad ? new int[output.numel()] : null;
                    if (x.dtype == ScalarType.Float32) Pooling<float>.MaxForward(x.Storage<float>(), output.Storage<float>(), argmax, g);
                    else Pooling<double>.MaxForward(x.Storage<double>(), output.Storage<double>(), argmax, g);
                    return (gradOutput, gradInput) =>
                    {
                        if (x.dtype == ScalarType.Float32) Pooling<float>.MaxBackward(gradOutput.Storage<float>(), argmax!, gradInput.Storage<float>(), g);
                        else Pooling<double>.MaxBackward(gradOutput.Storage<double>(), argmax!, gradInput.Storage<double>(), g);
                    };
                });
            }

            public static Tensor max_pool2d(Tensor input, long kernel_size, long? stride = null, long padding = 0) =>
                max_pool2d(input, [kernel_size], stride is { } s ? [s] : null, [padding]);

            /// <summary>
            /// The mean of each kernel_size window (stride defaults to kernel_size). Zero padding cells count in the
            /// mean when count_include_pad (PyTorch's default); otherwise only the cells inside the image do.
            /// </summary>
            public static Tensor avg_pool2d(Tensor input, long[] kernel_size, long[]? stride = null, long[]? padding = null,
                                            bool count_include_pad = true)
            {
                var g = PoolGeometry("avg_pool2d", input, kernel_size, stride, padding);
                return Pool(input, g, "AvgPool2DBackward0", (x, output, _) =>
                {
                    if (x.dtype == ScalarType.Float32) Pooling<float>.AverageForward(x.Storage<float>(), output.Storage<float>(), g, count_include_pad);
                    else Pooling<double>.AverageForward(x.Storage<double>(), output.Storage<double>(), g, count_include_pad);
                    return (gradOutput, gradInput) =>
                    {
                        if (x.dtype == ScalarType.Float32) Pooling<float>.AverageBackward(gradOutput.Storage<float>(), gradInput.Storage<float>(), g, count_include_pad);
                        else Pooling<double>.AverageBackward(gradOutput.Storage<double>(), gradInput.Storage<double>(), g, count_include_pad);
                    };
                });
            }

            public static Tensor avg_pool2d(Tensor input, long kernel_size, long? stride = null, long padding = 0, bool count_include_pad = true) =>
                avg_pool2d(input, [kernel_size], stride is { } s ? [s] : null, [padding], count_include_pad);

            /// <summary>
            /// Averages over windows chosen so the output is exactly output_size (height, width), whatever the input
            /// size: output row i covers input rows ⌊i·H/OH⌋ to ⌈(i+1)·H/OH⌉ − 1 (windows may overlap).
            /// Size (1, 1) is global average pooling.
            /// </summary>
            public static Tensor adaptive_avg_pool2d(Tensor input, long[] output_size)
            {
                const string op = "adaptive_avg_pool2d";
                CheckPoolInput(op, input);
                var (outH, outW) = Pair(output_size, 0, "output_size");
                if (outH <= 0 || outW <= 0)
                    throw new ArgumentException($"{op}: output_size must be positive, got {outH}x{outW}.");
                var (n, c, h, w) = PlaneShape(input);
                var g = new WindowGeometry(n, c, h, w, 1, 1, 1, 1, 0, 0, 1, 1, (int)outH, (int)outW);
                return Pool(input, g, "AdaptiveAvgPool2DBackward0", (x, output, _) =>
                {
                    if (x.dtype == ScalarType.Float32) Pooling<float>.AdaptiveAverageForward(x.Storage<float>(), output.Storage<float>(), g);
                    else Pooling<double>.AdaptiveAverageForward(x.Storage<double>(), output.Storage<double>(), g);
                    return (gradOutput, gradInput) =>
                    {
                        if (x.dtype == ScalarType.Float32) Pooling<float>.AdaptiveAverageBackward(gradOutput.Storage<float>(), gradInput.Storage<float>(), g);
                        else Pooling<double>.AdaptiveAverageBackward(gradOutput.Storage<double>(), gradInput.Storage<double>(), g);
                    };
                });
            }

            public static Tensor adaptive_avg_pool2d(Tensor input, long output_size) => adaptive_avg_pool2d(input, [output_size]);

            /// <summary>
            /// Runs a pooling kernel: <paramref name="forward"/> fills the output from the contiguous input and
            /// returns the matching backward kernel, which adds into a zeroed input gradient.
            /// </summary>
            private static Tensor Pool(Tensor input, WindowGeometry g, string gradName,
                                       Func<Tensor, Tensor, bool, Action<Tensor, Tensor>> forward)
            {
                var x = input.detach().Packed();
                long[] outShape = input.Dimensions == 4 ? [g.Batch, g.Channels, g.OutHeight, g.OutWidth] : [g.Channels, g.OutHeight, g.OutWidth];
                var output = new Tensor(Tensor.AllocateUninitialized(x.dtype, Tensor.ShapeNumel(outShape)), outShape, x.dtype);
                var backward = forward(x, output, input.requires_grad && is_grad_enabled());
                return output.WithGradFn(gradName, gradient =>
                {
                    var gradInput = zeros(x._shape, x.dtype);
                    backward(gradient.Packed(), gradInput);
                    return [gradInput];
                }, input);
            }

            private static void CheckPoolInput(string op, Tensor input)
            {
                if (input.Dimensions is not (3 or 4))
                    throw new ArgumentException($"{op}: expects input of shape (N, C, H, W) or (C, H, W), got ({input.ShapeText}).");
                if (!input.is_floating_point())
                    throw new ArgumentException($"{op}: needs a floating-point tensor, this one is {input.dtype}.");
            }

            private static (int N, int C, int H, int W) PlaneShape(Tensor input) => input.Dimensions == 4
                ? ((int)input._shape[0], (int)input._shape[1], (int)input._shape[2], (int)input._shape[3])
                : (1, (int)input._shape[0], (int)input._shape[1], (int)input._shape[2]);

            private static WindowGeometry PoolGeometry(string op, Tensor input, long[] kernelSize, long[]? stride, long[]? padding)
            {
                CheckPoolInput(op, input);
                var kernel = Pair(kernelSize, 0, "kernel_size");
                var step = stride is null || stride.Length == 0 ? kernel : Pair(stride, 0, "stride");
                var pad = Pair(padding, 0, "padding");
                if (kernel.H <= 0 || kernel.W <= 0 || step.H <= 0 || step.W <= 0)
                    throw new ArgumentException($"{op}: kernel_size and stride must be positive, got kernel {kernel.H}x{kernel.W} and stride {step.H}x{step.W}.");
                if (pad.H < 0 || pad.W < 0 || pad.H > kernel.H / 2 || pad.W > kernel.W / 2)
                    throw new ArgumentException($"{op}: padding ({pad.H}x{pad.W}) must be between 0 and half the kernel size ({kernel.H}x{kernel.W}).");
                var (n, c, h, w) = PlaneShape(input);
                long outH = (h + 2 * pad.H - kernel.H) / step.H + 1, outW = (w + 2 * pad.W - kernel.W) / step.W + 1;
                if (h + 2 * pad.H < kernel.H || w + 2 * pad.W < kernel.W)
                    throw new ArgumentException($"{op}: the kernel ({kernel.H}x{kernel.W}) is larger than the padded input ({h + 2 * pad.H}x{w + 2 * pad.W}).");
                return new WindowGeometry(n, c, h, w, (int)kernel.H, (int)kernel.W, (int)step.H, (int)step.W, (int)pad.H, (int)pad.W, 1, 1, (int)outH, (int)outW);
            }
        }
    }
}
