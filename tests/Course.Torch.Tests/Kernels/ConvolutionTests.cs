using Course.Torch.Kernels;

namespace Course.Torch.Tests.Kernels;

/// <summary>
/// The im2col + GEMM convolution against the textbook loops, on batches large enough to be split into
/// several chunks of images (the last one shorter), with and without stride, padding, dilation and groups.
/// </summary>
public class ConvolutionTests
{
    // batch, channels, size, out channels, kernel, stride, padding, dilation, groups
    public static readonly TheoryData<int, int, int, int, int, int, int, int, int> Shapes = new()
    {
        { 5, 8, 32, 4, 3, 1, 0, 1, 1 }, // 72 x 900 columns per image: chunks of 2, 2 and 1 images
        { 5, 8, 64, 4, 3, 2, 1, 2, 2 }, // 36 x 961 per image and group: chunks of 3 and 2
        { 1, 3, 9, 2, 2, 1, 1, 1, 1 },  // a single small image: one chunk
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Matches_the_textbook_loops(int batch, int channels, int size, int outChannels, int kernel, int stride, int padding, int dilation, int groups)
    {
        var outSize = (size + 2 * padding - dilation * (kernel - 1) - 1) / stride + 1;
        var g = new WindowGeometry(batch, channels, size, size, kernel, kernel, stride, stride, padding, padding, dilation, dilation, outSize, outSize);
        var random = new Random(3);
        double[] Values(int count) => Enumerable.Range(0, count).Select(_ => random.NextDouble() - 0.5).ToArray();
        int groupChannels = channels / groups, groupOut = outChannels / groups;
        var input = Values(batch * channels * size * size);
        var weight = Values(outChannels * groupChannels * kernel * kernel);
        var bias = Values(outChannels);
        var gradOutput = Values(batch * outChannels * outSize * outSize);

        double[] expected = new double[gradOutput.Length], expectedInput = new double[input.Length], expectedWeight = new double[weight.Length];
        var expectedBias = new double[outChannels];
        for (var n = 0; n < batch; n++)
        for (var o = 0; o < outChannels; o++)
        for (var y = 0; y < outSize; y++)
        for (var x = 0; x < outSize; x++)
        {
            var outIndex = ((n * outChannels + o) * outSize + y) * outSize + x;
            var sum = bias[o];
            expectedBias[o] += gradOutput[outIndex];
            for (var c = 0; c < groupChannels; c++)
            for (var i = 0; i < kernel; i++)
            for (var j = 0; j < kernel; j++)
            {
                int row = y * stride - padding + i * dilation, column = x * stride - padding + j * dilation;
                if (row < 0 || row >= size || column < 0 || column >= size) continue;
                var inIndex = ((n * channels + o / groupOut * groupChannels + c) * size + row) * size + column;
                var weightIndex = ((o * groupChannels + c) * kernel + i) * kernel + j;
                sum += weight[weightIndex] * input[inIndex];
                expectedWeight[weightIndex] += gradOutput[outIndex] * input[inIndex];
                expectedInput[inIndex] += gradOutput[outIndex] * weight[weightIndex];
            }
            expected[outIndex] = sum;
        }

        var actual = new double[expected.Length];
        Convolution<double>.Forward(input, weight, bias, actual, g, outChannels, groups);
        AssertClose(expected, actual);
        double[] actualInput = new double[input.Length], actualWeight = new double[weight.Length], actualBias = new double[outChannels];
        Convolution<double>.Backward(gradOutput, input, weight, g, outChannels, groups, actualInput, actualWeight, actualBias);
        AssertClose(expectedInput, actualInput);
        AssertClose(expectedWeight, actualWeight);
        AssertClose(expectedBias, actualBias);
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-10 * Math.Max(1, Math.Abs(expected[i])), $"element {i}: expected {expected[i]}, got {actual[i]}");
    }
}
