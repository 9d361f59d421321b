using Course.Torch.Kernels;

namespace Course.Torch;

public static partial class torch
{
    /// <summary>Matrix product of two 2-d tensors: (n×k)·(k×m) → n×m.</summary>
    public static Tensor mm(Tensor input, Tensor mat2)
    {
        if (input.Dimensions != 2 || mat2.Dimensions != 2)
            throw new ArgumentException($"mm: expects two matrices, got shapes ({input.ShapeText}) and ({mat2.ShapeText}).");
        return BatchedMatMul("mm", input, mat2);
    }

    /// <summary>Batched matrix product of two 3-d tensors: (b×n×k)·(b×k×m) → b×n×m.</summary>
    public static Tensor bmm(Tensor input, Tensor mat2)
    {
        if (input.Dimensions != 3 || mat2.Dimensions != 3 || input._shape[0] != mat2._shape[0])
            throw new ArgumentException($"bmm: expects two 3-d tensors with the same batch size, got shapes ({input.ShapeText}) and ({mat2.ShapeText}).");
        return BatchedMatMul("bmm", input, mat2);
    }

    /// <summary>
    /// PyTorch's matmul: vector·vector is a dot product, a 1-d operand is treated as a row (left) or
    /// column (right) vector and that dimension removed again, and leading batch dimensions broadcast.
    /// </summary>
    public static Tensor matmul(Tensor input, Tensor other)
    {
        if (input.Dimensions == 0 || other.Dimensions == 0)
            throw new ArgumentException($"matmul: both arguments need at least one dimension, got shapes ({input.ShapeText}) and ({other.ShapeText}).");
        var left = input.Dimensions == 1 ? input.unsqueeze(0) : input;
        var right = other.Dimensions == 1 ? other.unsqueeze(1) : other;
        var result = BatchedMatMul("matmul", left, right);
        if (input.Dimensions == 1) result = result.squeeze(-2);
        if (other.Dimensions == 1) result = result.squeeze(-1);
        return result;
    }

    /// <summary>Dot product of two 1-d tensors.</summary>
    public static Tensor dot(Tensor input, Tensor other)
    {
        if (input.Dimensions != 1 || other.Dimensions != 1)
            throw new ArgumentException($"dot: expects two 1-d tensors, got shapes ({input.ShapeText}) and ({other.ShapeText}).");
        return matmul(input, other);
    }

    public partial class Tensor
    {
        public Tensor mm(Tensor mat2) => torch.mm(this, mat2);
        public Tensor bmm(Tensor mat2) => torch.bmm(this, mat2);
        public Tensor matmul(Tensor other) => torch.matmul(this, other);
        public Tensor dot(Tensor other) => torch.dot(this, other);
    }

    /// <summary>
    /// (..., n, k)·(..., k, m) with broadcast batch dimensions. Operands may be any strided views
    /// (transposed, expanded): the GEMM kernel takes row and column strides, so nothing is copied.
    /// Backward: dA = dC·Bᵀ and dB = Aᵀ·dC, summed over batch dimensions that were broadcast.
    /// </summary>
    private static Tensor BatchedMatMul(string op, Tensor a, Tensor b)
    {
        long n = a._shape[^2], k = a._shape[^1], k2 = b._shape[^2], m = b._shape[^1];
        if (k != k2)
            throw new ArgumentException($"{op}: shapes ({a.ShapeText}) and ({b.ShapeText}) do not fit: {k} columns vs {k2} rows.");
        var dtype = promote_types(a.dtype, b.dtype);
        if (dtype == ScalarType.Bool)
            throw new NotSupportedException($"{op}: not defined for Bool tensors.");
        var batch = Tensor.BroadcastShapes(op + " (batch dimensions)", a._shape[..^2], b._shape[..^2]);
        var x = a.detach().to(dtype).expand([.. batch, n, k]);
        var y = b.detach().to(dtype).expand([.. batch, k, m]);
        var result = new Tensor(Tensor.AllocateUninitialized(dtype, Tensor.ShapeNumel(batch) * n * m), [.. batch, n, m], dtype);
        switch (dtype)
        {
            case ScalarType.Float32: MultiplyBatches<float>(x, y, result, Gemm.Multiply); break;
            case ScalarType.Float64: MultiplyBatches<double>(x, y, result, Gemm.Multiply); break;
            default: MultiplyBatches<long>(x, y, result, Gemm.Multiply); break;
        }
        // Each product costs as much as the forward pass, so skip the one nobody needs (e.g. dInput of a first layer).
        return result.WithGradFn("MmBackward0", g =>
        [
            a.requires_grad ? BatchedMatMul(op, g, b.mT).GradFor(a) : null,
            b.requires_grad ? BatchedMatMul(op, a.mT, g).GradFor(b) : null,
        ], a, b);
    }

    private delegate void GemmKernel<T>(T[] a, int aOffset, int aRowStride, int aColStride,
                                        T[] b, int bOffset, int bRowStride, int bColStride,
                                        T[] c, int cOffset, int m, int n, int k, bool accumulate);

    private static void MultiplyBatches<T>(Tensor x, Tensor y, Tensor result, GemmKernel<T> gemm)
    {
        var rank = result.Dimensions;
        int n = (int)result._shape[^2], m = (int)result._shape[^1], k = (int)x._shape[^1];
        var batches = result.numel() / Math.Max(1, (long)n * m);
        var index = new long[rank - 2];
        for (long batchIndex = 0; batchIndex < batches; batchIndex++)
        {
            long offsetX = x.offset, offsetY = y.offset;
            for (var d = 0; d < index.Length; d++)
            {
                offsetX += index[d] * x._strides[d];
                offsetY += index[d] * y._strides[d];
            }
            gemm(x.Storage<T>(), (int)offsetX, (int)x._strides[^2], (int)x._strides[^1],
                 y.Storage<T>(), (int)offsetY, (int)y._strides[^2], (int)y._strides[^1],
                 result.Storage<T>(), (int)(batchIndex * n * m), n, m, k, accumulate: false);
            for (var d = index.Length - 1; d >= 0; d--)
            {
                if (++index[d] < result._shape[d]) break;
                index[d] = 0;
            }
        }
    }
}
