namespace Course.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            // Argument checks shared by the losses that compare input and target element by element.

            /// <summary>
            /// Input and target must be floating point, of one dtype and of one shape. PyTorch only warns
            /// about different shapes and then broadcasts, so a (64x1) output against (64) labels silently
            /// averages all 64x64 pairs; here it is an error.
            /// </summary>
            private static void CheckInputAndTarget(string op, Tensor input, Tensor target)
            {
                if (!input.is_floating_point())
                    throw new ArgumentException($"{op}: input must be floating point, got {input.dtype}.");
                if (target.dtype != input.dtype)
                    throw new ArgumentException(
                        $"{op}: target is {target.dtype} but input is {input.dtype}; convert the target with .to({input.dtype}).");
                if (!target._shape.AsSpan().SequenceEqual(input._shape))
                    throw new ArgumentException(
                        $"{op}: input ({input.ShapeText}) and target ({target.ShapeText}) must have the same shape, since the loss compares them element by element; " +
                        "reshape one of them (e.g. input.squeeze(1) or target.unsqueeze(1)).");
            }

            /// <summary>An elementwise weight (or pos_weights) must broadcast to the input's shape without enlarging it.</summary>
            private static void CheckBroadcastsTo(string op, string name, Tensor weight, Tensor input)
            {
                if (weight.dtype != input.dtype)
                    throw new ArgumentException($"{op}: {name} is {weight.dtype} but input is {input.dtype}; convert it with .to({input.dtype}).");
                var fits = weight.Dimensions <= input.Dimensions;
                for (var i = 1; fits && i <= weight.Dimensions; i++)
                    fits = weight._shape[^i] == 1 || weight._shape[^i] == input._shape[^i];
                if (!fits)
                    throw new ArgumentException($"{op}: {name} ({weight.ShapeText}) does not broadcast to the input's shape ({input.ShapeText}).");
            }

            /// <summary>Weights that PyTorch treats as constants (it refuses to differentiate with respect to them).</summary>
            private static void CheckConstant(string op, string name, Tensor? weight)
            {
                if (weight is not null && weight.requires_grad && is_grad_enabled())
                    throw new ArgumentException($"{op}: {name} is a constant rescaling and cannot require grad; pass {name}.detach().");
            }
        }
    }
}
