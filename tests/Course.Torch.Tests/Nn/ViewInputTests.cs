using static Course.Torch.torch;
using static Course.Torch.torch.nn;

namespace Course.Torch.Tests.Nn;

/// <summary>
/// Convolution and pooling kernels read whole storage arrays; a contiguous view that starts inside a larger
/// array (x[2..3], x.narrow(0, 1, 2)) must give the same values and gradients as its own copy.
/// </summary>
public class ViewInputTests
{
    public static TheoryData<string> Layers => ["conv_direct", "conv_im2col", "max_pool", "avg_pool", "adaptive_avg_pool"];

    private static Tensor Apply(string layer, Tensor x) => layer switch
    {
        "conv_direct" => functional.conv2d(x, ones([2, 3, 3, 3], dtype: float64)),
        "conv_im2col" => functional.conv2d(x, ones([2, 3, 3, 3], dtype: float64), padding: [1, 1]),
        "max_pool" => functional.max_pool2d(x, 2),
        "avg_pool" => functional.avg_pool2d(x, 2),
        _ => functional.adaptive_avg_pool2d(x, 3),
    };

    [Theory]
    [MemberData(nameof(Layers))]
    public void A_view_into_a_batch_gives_what_its_copy_gives(string layer)
    {
        manual_seed(3);
        var batch = randn([5, 3, 6, 6], dtype: float64).requires_grad_();
        var view = batch.narrow(0, 2, 2);
        Assert.True(view.is_contiguous());

        var fromView = Apply(layer, view);
        var fromCopy = Apply(layer, view.detach().clone());
        Assert.True(fromView.allclose(fromCopy), $"{layer} read the wrong images of the batch");

        fromView.sum().backward();
        var expected = zeros_like(batch);
        var copyInput = view.detach().clone().requires_grad_();
        Apply(layer, copyInput).sum().backward();
        expected.narrow(0, 2, 2).copy_(copyInput.grad!);
        Assert.True(batch.grad!.allclose(expected), $"{layer}'s gradient did not land on images 2 and 3");
    }
}
