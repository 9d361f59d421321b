namespace Course.Torch;

public static partial class torch
{
    /// <summary>
    /// A seeded pseudo-random stream (xoshiro256**, seeded through SplitMix64). Every random op draws
    /// from one: the global default (reset by <see cref="manual_seed"/>) or one passed explicitly, so a
    /// fixed seed gives the same numbers on every run and machine. The streams are our own; they do
    /// not reproduce PyTorch's Mersenne Twister numbers bit for bit.
    /// </summary>
    public sealed class Generator
    {
        private ulong _s0, _s1, _s2, _s3;
        private double? _spareNormal;

        public Generator(long seed = 0) => manual_seed(seed);

        public long initial_seed { get; private set; }

        public Generator manual_seed(long seed)
        {
            initial_seed = seed;
            // SplitMix64 spreads one 64-bit seed over the 256-bit state, so nearby seeds give unrelated streams.
            var x = (ulong)seed;
            _s0 = SplitMix64(ref x);
            _s1 = SplitMix64(ref x);
            _s2 = SplitMix64(ref x);
            _s3 = SplitMix64(ref x);
            _spareNormal = null;
            return this;
        }

        private static ulong SplitMix64(ref ulong x)
        {
            var z = x += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        internal ulong NextUInt64()
        {
            var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
            var t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = ulong.RotateLeft(_s3, 45);
            return result;
        }

        /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
        internal double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

        /// <summary>Uniform integer in [0, bound) without modulo bias (Lemire's method).</summary>
        internal long NextInt64(long bound)
        {
            if (bound <= 0) throw new ArgumentOutOfRangeException(nameof(bound), "bound must be positive");
            var range = (ulong)bound;
            var product = Math.BigMul(NextUInt64(), range, out var low);
            if (low < range)
            {
                var threshold = (0 - range) % range;
                while (low < threshold)
                    product = Math.BigMul(NextUInt64(), range, out low);
            }
            return (long)product;
        }

        /// <summary>Standard normal sample by the Box–Muller transform; the second value of each pair is kept.</summary>
        internal double NextNormal()
        {
            if (_spareNormal is { } spare)
            {
                _spareNormal = null;
                return spare;
            }
            var u1 = 1.0 - NextDouble(); // in (0, 1], so the log is finite
            var u2 = NextDouble();
            var radius = Math.Sqrt(-2.0 * Math.Log(u1));
            _spareNormal = radius * Math.Sin(2.0 * Math.PI * u2);
            return radius * Math.Cos(2.0 * Math.PI * u2);
        }
    }

    /// <summary>The generator random ops use when none is passed.</summary>
    public static Generator default_generator { get; } = new(0);

    /// <summary>Seeds the default generator, making every following random op reproducible.</summary>
    public static Generator manual_seed(long seed) => default_generator.manual_seed(seed);
}
