using System.Numerics;
using System.Numerics.Tensors;
using Course.Torch.Kernels;

namespace Course.Torch;

public static partial class torch
{
    public partial class Tensor
    {
        /// <summary>
        /// The product of all elements (a 0-d tensor). Bool and int64 multiply as int64. (No dtype
        /// parameter here: with one, <c>x.prod(0)</c> would bind the literal 0 to it instead of to dim.)
        /// </summary>
        public Tensor prod() => Product(AllDims(), keepdim: false, null);

        /// <summary>Products along <paramref name="dim"/>.</summary>
        public Tensor prod(long dim, bool keepdim = false, ScalarType? type = null) => Product([dim], keepdim, type);

        /// <summary>
        /// Backward: ∂(x₁x₂…xₙ)/∂xᵢ is the product of all the other elements. It is computed as such
        /// (prefix times suffix products), not as prod/xᵢ, which would divide by zero when some xᵢ = 0.
        /// </summary>
        private Tensor Product(long[] dim, bool keepdim, ScalarType? type)
        {
            var dims = NormalizeDims(dim, "prod");
            var source = type is { } t ? to(t) : dtype == ScalarType.Bool ? to(ScalarType.Int64) : this;
            var kept = Reduce.Dims<ProductKernel>("prod", source, dims);
            var result = keepdim ? kept : kept.view(DropDims(kept._shape, dims));
            var keptShape = kept._shape;
            return result.WithGradFn("ProdBackward1", g => [g.reshape(keptShape) * ProductOfOthers(source, dims)], source);
        }

        /// <summary>For every element, the product of the other elements in its reduction group.</summary>
        private static Tensor ProductOfOthers(Tensor x, int[] dims)
        {
            var rows = Reduce.RowsToReduce(x, dims, out var keptShape);
            var rowLength = (int)(x.numel() / Math.Max(ShapeNumel(keptShape), 1));
            var others = new Tensor(AllocateStorage(x.dtype, rows.numel()), rows._shape, x.dtype);
            if (x.dtype == ScalarType.Float32) ProductsOfOthers(rows.ContiguousSpan<float>(), others.ContiguousSpan<float>(), rowLength);
            else ProductsOfOthers(rows.ContiguousSpan<double>(), others.ContiguousSpan<double>(), rowLength);
            var order = Reduce.KeptThenReduced(x.Dimensions, dims);
            var inverse = new long[order.Length];
            for (var i = 0; i < order.Length; i++) inverse[order[i]] = i;
            return others.permute(inverse);
        }

        private static void ProductsOfOthers<T>(ReadOnlySpan<T> rows, Span<T> result, int rowLength) where T : INumber<T>
        {
            for (var start = 0; start < rows.Length; start += rowLength)
            {
                var before = T.One;
                for (var j = start; j < start + rowLength; j++)
                {
                    result[j] = before;
                    before *= rows[j];
                }
                var after = T.One;
                for (var j = start + rowLength - 1; j >= start; j--)
                {
                    result[j] *= after;
                    after *= rows[j];
                }
            }
        }
    }

    public static Tensor prod(Tensor input) => input.prod();
    public static Tensor prod(Tensor input, long dim, bool keepdim = false, ScalarType? type = null) => input.prod(dim, keepdim, type);

    private readonly struct ProductKernel : IReduceKernel
    {
        // The empty product is 1 (TensorPrimitives refuses empty spans).
        public static T Apply<T>(ReadOnlySpan<T> values) where T : unmanaged, INumber<T> => values.IsEmpty ? T.One : TensorPrimitives.Product(values);
    }
}
