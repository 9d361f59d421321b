using static Course.Torch.torch;

namespace Course.Torch
{
    using Modules;

    namespace Modules
    {
        /// <summary>
        /// During training, zeroes each value with probability <see cref="p"/> and scales the survivors by
        /// 1/(1−p), so the expected value of every output stays the input ("inverted dropout"); in
        /// evaluation mode it passes the input through. It keeps a network from relying on any single unit.
        /// </summary>
        public sealed class Dropout : nn.Module<Tensor, Tensor>
        {
            internal Dropout(double p) : base(nameof(Dropout))
            {
                nn.functional.CheckDropoutProbability(p);
                this.p = p;
            }

            public double p { get; }

            public override Tensor forward(Tensor input) => nn.functional.dropout(input, p, training);

            protected override string extra_repr() => $"p={p}";
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            public static Dropout Dropout(double p = 0.5) => new(p);

            public static partial class functional
            {
                /// <summary>
                /// Inverted dropout with the default generator (see <see cref="Modules.Dropout"/>); returns the
                /// input itself when <paramref name="training"/> is false or p is 0.
                /// </summary>
                public static Tensor dropout(Tensor input, double p = 0.5, bool training = true)
                {
                    CheckDropoutProbability(p);
                    if (!training || p == 0) return input;
                    if (!input.is_floating_point())
                        throw new ArgumentException($"dropout: needs a floating-point tensor, this one is {input.dtype}.");
                    // mask = 1/(1-p) where kept, 0 where dropped; mul's backward then routes the gradient the same way.
                    var mask = zeros(input._shape, input.dtype);
                    var scale = 1 / (1 - p); // infinite for p = 1, but then nothing is kept
                    if (input.dtype == ScalarType.Float32) FillMask(mask.ContiguousSpan<float>(), p, (float)scale);
                    else FillMask(mask.ContiguousSpan<double>(), p, scale);
                    return input * mask;
                }

                private static void FillMask<T>(Span<T> mask, double p, T scale)
                {
                    var generator = default_generator;
                    for (var i = 0; i < mask.Length; i++)
                        if (generator.NextDouble() >= p) mask[i] = scale;
                }

                internal static void CheckDropoutProbability(double p)
                {
                    if (!(p >= 0 && p <= 1))
                        throw new ArgumentOutOfRangeException(nameof(p), $"dropout: p is the probability of dropping a value and must be between 0 and 1, got {p}.");
                }
            }
        }
    }
}
