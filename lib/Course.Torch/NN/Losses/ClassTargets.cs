using System.Numerics;
using System.Numerics.Tensors;

namespace Course.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// The checked arguments of a loss with class-index targets (nll_loss, cross_entropy), laid out for
        /// the row kernels. The input is (N, C), (C) for one sample, or (N, C, d1, ...) for a class per
        /// position (per pixel, per time step); the target holds one class index per sample and position,
        /// so it has the input's shape without the class dimension. The scores become R = N·d1·… dense rows
        /// of C, the class dimension moved last.
        /// </summary>
        internal sealed class ClassTargets
        {
            private readonly long[] _permutedShape;

            private ClassTargets(Tensor input, Tensor rows, long[] permutedShape, long[] targets, Tensor? weight, long ignoreIndex, long[] lossShape, double normaliser)
            {
                Input = input;
                Rows = rows;
                _permutedShape = permutedShape;
                Targets = targets;
                Weight = weight;
                IgnoreIndex = ignoreIndex;
                LossShape = lossShape;
                Normaliser = normaliser;
            }

            /// <summary>The input as given (autograd's view of the op).</summary>
            public Tensor Input { get; }

            /// <summary>R x C, dense, detached, one row of class scores per target.</summary>
            public Tensor Rows { get; }

            public int Classes => (int)Rows._shape[1];

            public long[] Targets { get; }

            /// <summary>The class weights, dense and of the input's dtype, or null.</summary>
            public Tensor? Weight { get; }

            public long IgnoreIndex { get; }

            /// <summary>The shape of the unreduced loss: the input's shape without the class dimension.</summary>
            public long[] LossShape { get; }

            /// <summary>
            /// What the mean divides by: the total weight of the targets that are not ignored (their number
            /// when unweighted), so a weighted mean is a true weighted average, as in PyTorch.
            /// </summary>
            public double Normaliser { get; }

            public static ClassTargets Create(string op, Tensor input, Tensor target, Tensor? weight, long ignoreIndex, string targetHint)
            {
                if (!input.is_floating_point())
                    throw new ArgumentException($"{op}: input must be floating point, got {input.dtype}.");
                if (input.Dimensions == 0)
                    throw new ArgumentException($"{op}: input must have a class dimension: shape (C), (N, C) or (N, C, d1, ...), got a scalar.");
                var classes = input.Dimensions == 1 ? input._shape[0] : input._shape[1];
                if (target.dtype != ScalarType.Int64)
                    throw new ArgumentException($"{op}: class-index targets must be int64, got {target.dtype}{targetHint}.");
                var lossShape = input.Dimensions == 1 ? [] : Tensor.DropDims(input._shape, [1]);
                if (!target._shape.AsSpan().SequenceEqual(lossShape))
                    throw new ArgumentException(
                        $"{op}: input ({input.ShapeText}) and target ({target.ShapeText}) do not fit: the target holds one class index " +
                        $"per row of scores, so it needs the input's shape without the class dimension ({classes} classes), i.e. ({(lossShape.Length == 0 ? "scalar" : Tensor.FormatShape(lossShape))}).");
                var classWeight = weight is null ? null : CheckClassWeight(op, weight, input, classes);

                var targets = target.ToDenseArray<long>();
                var weights = classWeight?.to(ScalarType.Float64).ToDenseArray<double>();
                var normaliser = 0.0;
                foreach (var t in targets)
                {
                    if (t == ignoreIndex) continue;
                    if (t < 0 || t >= classes)
                        throw new ArgumentOutOfRangeException(nameof(target),
                            $"{op}: target class {t} is out of range for {classes} classes (expected 0..{classes - 1}, or ignore_index {ignoreIndex}).");
                    normaliser += weights is null ? 1 : weights[t];
                }

                // (N, C, d1, ..., dk) -> (N, d1, ..., dk, C): a view; contiguous() then copies only if there are positions.
                var order = new List<long> { 0 };
                for (var d = 2; d < input.Dimensions; d++) order.Add(d);
                if (input.Dimensions > 1) order.Add(1);
                var permuted = input.detach().permute([.. order]);
                var rows = permuted.contiguous().view(targets.Length, classes);
                return new ClassTargets(input, rows, permuted._shape, targets, classWeight, ignoreIndex, lossShape, normaliser);
            }

            /// <summary>Class weights must be a constant vector of C values in the input's dtype.</summary>
            public static Tensor CheckClassWeight(string op, Tensor weight, Tensor input, long classes)
            {
                if (weight.Dimensions != 1 || weight._shape[0] != classes)
                    throw new ArgumentException($"{op}: weight must hold one value per class, shape ({classes}), got ({weight.ShapeText}).");
                if (weight.dtype != input.dtype)
                    throw new ArgumentException($"{op}: weight is {weight.dtype} but input is {input.dtype}; convert it with .to({input.dtype}).");
                if (weight.requires_grad && is_grad_enabled())
                    throw new ArgumentException($"{op}: weight is a constant rescaling of the classes and cannot require grad; pass weight.detach().");
                return weight.detach().contiguous();
            }

            public ReadOnlySpan<T> ClassWeights<T>() => Weight is null ? default : Weight.ContiguousSpan<T>();

            /// <summary>Per-row losses (R) turned into the op's result.</summary>
            public Tensor Reduce<T>(Tensor losses, Reduction reduction) where T : unmanaged, INumber<T>
            {
                if (reduction == Reduction.None) return losses.view(LossShape);
                var total = double.CreateTruncating(TensorPrimitives.Sum<T>(losses.ContiguousSpan<T>()));
                return reduction switch
                {
                    Reduction.Sum => full([], total, Rows.dtype),
                    Reduction.Mean => full([], total / Normaliser, Rows.dtype),
                    _ => throw new ArgumentOutOfRangeException(nameof(reduction), reduction, "reduction must be Reduction.None, Reduction.Mean or Reduction.Sum."),
                };
            }

            /// <summary>The gradient of the op's result as one factor per row: the backward of <see cref="Reduce"/>.</summary>
            public T[] RowScales<T>(Tensor gradient, Reduction reduction) where T : unmanaged, INumber<T>
            {
                if (reduction == Reduction.None) return gradient.to(Rows.dtype).ToDenseArray<T>();
                var scales = new T[Targets.Length];
                var scale = gradient.to(ScalarType.Float64).item<double>() / (reduction == Reduction.Mean ? Normaliser : 1);
                Array.Fill(scales, T.CreateTruncating(scale));
                return scales;
            }

            /// <summary>A gradient laid out like <see cref="Rows"/>, as a tensor of the input's shape.</summary>
            public Tensor ToInputLayout(Tensor rowGradient)
            {
                var inverse = new List<long> { 0 };
                if (Input.Dimensions > 1) inverse.Add(Input.Dimensions - 1);
                for (var d = 1; d < Input.Dimensions - 1; d++) inverse.Add(d);
                return rowGradient.view(_permutedShape).permute([.. inverse]);
            }

            /// <summary>A zeroed R x C tensor for the row kernels to write the gradient into.</summary>
            public Tensor NewRowGradient() => zeros(Rows._shape, Rows.dtype);

            /// <summary>A zeroed vector of per-row losses.</summary>
            public Tensor NewRowLosses() => zeros([Targets.Length], Rows.dtype);
        }
    }
}
