using Course.Torch.Kernels;

namespace Course.Torch.Tests.Kernels;

/// <summary>The direct (tap by tap) convolution must agree with the im2col + GEMM one on every shape it accepts.</summary>
public class DirectConvolutionTests
{
    // batch, channels, height, width, out channels, kh, kw, dilation h, dilation w, groups
    public static readonly TheoryData<int, int, int, int, int, int, int, int, int, int> Shapes = new()
    {
        { 1, 1, 28, 28, 32, 3, 3, 1, 1, 1 },  // the seeds' CNN's first layer, one image
        { 3, 1, 7, 5, 4, 3, 3, 1, 1, 1 },     // odd sizes, several images
        { 2, 3, 6, 9, 5, 3, 2, 1, 1, 1 },     // RGB, non-square kernel
        { 2, 2, 9, 8, 3, 2, 3, 2, 3, 1 },     // dilation, different per direction
        { 2, 4, 5, 6, 6, 2, 2, 1, 1, 2 },     // groups
        { 2, 3, 4, 4, 3, 1, 1, 1, 1, 3 },     // 1x1 kernel, depthwise
        { 1, 2, 3, 5, 2, 3, 5, 1, 1, 1 },     // kernel as large as the image: a single output pixel
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Matches_im2col_forward_and_backward(int batch, int channels, int height, int width, int outChannels,
                                                     int kh, int kw, int dh, int dw, int groups)
    {
        var g = new WindowGeometry(batch, channels, height, width, kh, kw, 1, 1, 0, 0, dh, dw,
                                   height - (kh - 1) * dh, width - (kw - 1) * dw);
        Assert.True(DirectConvolution<double>.Fits(g, groups));
        var random = new Random(7);
        double[] Values(int count) => Enumerable.Range(0, count).Select(_ => random.NextDouble() - 0.5).ToArray();
        var input = Values(batch * channels * height * width);
        var weight = Values(outChannels * channels / groups * kh * kw);
        var bias = Values(outChannels);
        var gradOutput = Values(batch * outChannels * g.OutPixels);

        var expected = new double[gradOutput.Length];
        var actual = new double[gradOutput.Length];
        Convolution<double>.Forward(input, weight, bias, expected, g, outChannels, groups);
        DirectConvolution<double>.Forward(input, weight, bias, actual, g, outChannels, groups);
        AssertClose(expected, actual);

        double[] expectedInput = new double[input.Length], expectedWeight = new double[weight.Length], expectedBias = new double[bias.Length];
        double[] actualInput = new double[input.Length], actualWeight = new double[weight.Length], actualBias = new double[bias.Length];
        Convolution<double>.Backward(gradOutput, input, weight, g, outChannels, groups, expectedInput, expectedWeight, expectedBias);
        DirectConvolution<double>.Backward(gradOutput, input, weight, g, outChannels, groups, actualInput, actualWeight, actualBias);
        AssertClose(expectedInput, actualInput);
        AssertClose(expectedWeight, actualWeight);
        AssertClose(expectedBias, actualBias);
    }

    [Fact]
    public void Leaves_strides_padding_and_deep_filters_to_im2col()
    {
        // A 3x3 kernel on one 8x8 channel; each variant changes one thing.
        WindowGeometry Geometry(int stride = 1, int pad = 0, int channels = 1) =>
            new(1, channels, 8, 8, 3, 3, stride, stride, pad, pad, 1, 1, (8 + 2 * pad - 3) / stride + 1, (8 + 2 * pad - 3) / stride + 1);
        Assert.True(DirectConvolution<float>.Fits(Geometry(), 1));
        Assert.False(DirectConvolution<float>.Fits(Geometry(stride: 2), 1));
        Assert.False(DirectConvolution<float>.Fits(Geometry(pad: 1), 1));
        Assert.False(DirectConvolution<float>.Fits(Geometry(channels: 4), 1)); // depth 36
        Assert.True(DirectConvolution<float>.Fits(Geometry(channels: 4), 2));  // depth 18 per group
        // "Same" padding of a 2-wide kernel pads only the bottom and right: no top/left padding, yet not direct.
        Assert.False(DirectConvolution<float>.Fits(new WindowGeometry(1, 1, 8, 8, 2, 2, 1, 1, 0, 0, 1, 1, 8, 8), 1));
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-12 * Math.Max(1, Math.Abs(expected[i])), $"element {i}: expected {expected[i]}, got {actual[i]}");
    }
}
