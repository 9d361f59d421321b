using static Course.Torch.torch;

namespace Course.Torch.Kernels;

/// <summary>
/// For ops that work on whole lines of elements along one dimension (softmax, cumsum): moves that
/// dimension last so each line is one contiguous row, lets the kernel run over the rows, and moves
/// the dimension back, returning a dense result of the input's shape and dtype.
/// </summary>
internal static class AlongDim
{
    /// <param name="x">The input; not recorded by autograd here.</param>
    /// <param name="dim">An already normalised dimension of <paramref name="x"/>.</param>
    /// <param name="kernel">Fills the dense result from the dense rows, given the row length.</param>
    public static Tensor Rows(Tensor x, int dim, Action<Tensor, Tensor, int> kernel)
    {
        var rows = x.detach().transpose(dim, -1).contiguous();
        var rowLength = x.Dimensions == 0 ? 1 : (int)x._shape[dim];
        var result = new Tensor(Tensor.AllocateStorage(x.dtype, rows.numel()), rows._shape, x.dtype);
        kernel(rows, result, rowLength);
        return result.transpose(dim, -1).contiguous();
    }
}
