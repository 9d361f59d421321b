namespace Course.Torch;

public static partial class torch
{
    // ---- from data -------------------------------------------------------------------------------

    public static Tensor tensor(float value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromData(new[] { value }, [], dtype, device, requires_grad);

    public static Tensor tensor(double value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromData(new[] { value }, [], dtype, device, requires_grad);

    public static Tensor tensor(long value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromData(new[] { value }, [], dtype, device, requires_grad);

    public static Tensor tensor(bool value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromData(new[] { value }, [], dtype, device, requires_grad);

    /// <summary>A 1-d tensor copied from <paramref name="data"/>, or shaped by <paramref name="dimensions"/>.</summary>
    public static Tensor tensor(float[] data, long[]? dimensions = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromData(data, dimensions, dtype, device, requires_grad);

    public static Tensor tensor(double[] data, long[]? dimensions = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromData(data, dimensions, dtype, device, requires_grad);

    public static Tensor tensor(long[] data, long[]? dimensions = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromData(data, dimensions, dtype, device, requires_grad);

    public static Tensor tensor(int[] data, long[]? dimensions = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromData(Array.ConvertAll(data, v => (long)v), dimensions, dtype, device, requires_grad);

    public static Tensor tensor(bool[] data, long[]? dimensions = null, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromData(data, dimensions, dtype, device, requires_grad);

    public static Tensor tensor(IList<float> data, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromData(data.ToArray(), null, dtype, device, requires_grad);

    public static Tensor tensor(IList<double> data, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromData(data.ToArray(), null, dtype, device, requires_grad);

    public static Tensor tensor(IList<long> data, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        FromData(data.ToArray(), null, dtype, device, requires_grad);

    /// <summary>A tensor with the shape of a multi-dimensional .NET array, e.g. <c>float[,]</c> gives a 2-d tensor.</summary>
    public static Tensor tensor(Array data, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        from_array(data, dtype, device, requires_grad);

    /// <summary>Copies any rectangular .NET array of float, double, long, int or bool, keeping its shape.</summary>
    public static Tensor from_array(Array rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var dims = new long[rawArray.Rank];
        for (var d = 0; d < dims.Length; d++) dims[d] = rawArray.GetLength(d);
        return rawArray switch
        {
            _ when rawArray.GetType().GetElementType() == typeof(float) => FromData(Flatten<float>(rawArray), dims, dtype, device, requires_grad),
            _ when rawArray.GetType().GetElementType() == typeof(double) => FromData(Flatten<double>(rawArray), dims, dtype, device, requires_grad),
            _ when rawArray.GetType().GetElementType() == typeof(long) => FromData(Flatten<long>(rawArray), dims, dtype, device, requires_grad),
            _ when rawArray.GetType().GetElementType() == typeof(int) => FromData(Array.ConvertAll(Flatten<int>(rawArray), v => (long)v), dims, dtype, device, requires_grad),
            _ when rawArray.GetType().GetElementType() == typeof(bool) => FromData(Flatten<bool>(rawArray), dims, dtype, device, requires_grad),
            _ => throw new ArgumentException($"from_array: arrays of {rawArray.GetType().GetElementType()?.Name} are not supported; use float, double, long, int or bool."),
        };
    }

    private static T[] Flatten<T>(Array array)
    {
        var flat = new T[array.Length];
        var i = 0;
        foreach (T value in array) flat[i++] = value; // enumerates a multi-dimensional array in row-major order
        return flat;
    }

    private static Tensor FromData<T>(T[] data, long[]? dimensions, ScalarType? dtype, Device? device, bool requiresGrad)
    {
        (device ?? CPU).EnsureAvailable();
        var shape = dimensions ?? [data.LongLength];
        if (Tensor.ShapeNumel(shape) != data.LongLength)
            throw new ArgumentException($"tensor: {data.Length} values cannot have shape [{Tensor.FormatShape(shape)}] ({Tensor.ShapeNumel(shape)} elements).");
        var result = new Tensor((T[])data.Clone(), (long[])shape.Clone(), ScalarTypeOf<T>());
        if (dtype is { } target && target != result.dtype) result = result.to(target);
        return result.requires_grad_(requiresGrad);
    }

    // ---- filled with a constant ------------------------------------------------------------------

    public static Tensor empty(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        full(size, 0, dtype, device, requires_grad);

    public static Tensor zeros(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        full(size, 0, dtype, device, requires_grad);

    public static Tensor ones(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        full(size, 1, dtype, device, requires_grad);

    public static Tensor full(long[] size, double value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        (device ?? CPU).EnsureAvailable();
        foreach (var s in size)
            if (s < 0) throw new ArgumentException($"full: negative dimension in size [{Tensor.FormatShape(size)}].");
        var type = dtype ?? default_dtype;
        var result = new Tensor(Tensor.AllocateStorage(type, Tensor.ShapeNumel(size)), (long[])size.Clone(), type);
        if (value != 0) result.fill_(value);
        return result.requires_grad_(requires_grad);
    }

    // Shorthand overloads so `zeros(3, 4)` and `randn(64, 784, dtype: float64)` read as in TorchSharp.
    public static Tensor empty(params long[] size) => empty(size, null);
    public static Tensor zeros(params long[] size) => zeros(size, null);
    public static Tensor ones(params long[] size) => ones(size, null);
    public static Tensor rand(params long[] size) => rand(size, null);
    public static Tensor randn(params long[] size) => randn(size, null);

    public static Tensor zeros(long d0, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => zeros([d0], dtype, device, requires_grad);
    public static Tensor zeros(long d0, long d1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => zeros([d0, d1], dtype, device, requires_grad);
    public static Tensor zeros(long d0, long d1, long d2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => zeros([d0, d1, d2], dtype, device, requires_grad);
    public static Tensor ones(long d0, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => ones([d0], dtype, device, requires_grad);
    public static Tensor ones(long d0, long d1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => ones([d0, d1], dtype, device, requires_grad);
    public static Tensor ones(long d0, long d1, long d2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => ones([d0, d1, d2], dtype, device, requires_grad);
    public static Tensor rand(long d0, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) => rand([d0], dtype, device, requires_grad, generator);
    public static Tensor rand(long d0, long d1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) => rand([d0, d1], dtype, device, requires_grad, generator);
    public static Tensor rand(long d0, long d1, long d2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) => rand([d0, d1, d2], dtype, device, requires_grad, generator);
    public static Tensor randn(long d0, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) => randn([d0], dtype, device, requires_grad, generator);
    public static Tensor randn(long d0, long d1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) => randn([d0, d1], dtype, device, requires_grad, generator);
    public static Tensor randn(long d0, long d1, long d2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) => randn([d0, d1, d2], dtype, device, requires_grad, generator);

    public static Tensor empty_like(Tensor input, ScalarType? dtype = null, bool requires_grad = false) => zeros(input._shape, dtype ?? input.dtype, null, requires_grad);
    public static Tensor zeros_like(Tensor input, ScalarType? dtype = null, bool requires_grad = false) => zeros(input._shape, dtype ?? input.dtype, null, requires_grad);
    public static Tensor ones_like(Tensor input, ScalarType? dtype = null, bool requires_grad = false) => ones(input._shape, dtype ?? input.dtype, null, requires_grad);
    public static Tensor full_like(Tensor input, double value, ScalarType? dtype = null, bool requires_grad = false) => full(input._shape, value, dtype ?? input.dtype, null, requires_grad);
    public static Tensor rand_like(Tensor input, ScalarType? dtype = null, bool requires_grad = false, Generator? generator = null) => rand(input._shape, dtype ?? input.dtype, null, requires_grad, generator);
    public static Tensor randn_like(Tensor input, ScalarType? dtype = null, bool requires_grad = false, Generator? generator = null) => randn(input._shape, dtype ?? input.dtype, null, requires_grad, generator);

    // ---- random --------------------------------------------------------------------------------

    /// <summary>Uniform samples in [0, 1).</summary>
    public static Tensor rand(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        zeros(size, RequireFloat(dtype, "rand"), device).uniform_(0, 1, generator).requires_grad_(requires_grad);

    /// <summary>Standard normal samples (mean 0, standard deviation 1).</summary>
    public static Tensor randn(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null) =>
        zeros(size, RequireFloat(dtype, "randn"), device).normal_(0, 1, generator).requires_grad_(requires_grad);

    /// <summary>Uniform integers in [0, high).</summary>
    public static Tensor randint(long high, long[] size, ScalarType? dtype = null, Device? device = null, Generator? generator = null) =>
        randint(0, high, size, dtype, device, generator);

    /// <summary>Uniform integers in [low, high).</summary>
    public static Tensor randint(long low, long high, long[] size, ScalarType? dtype = null, Device? device = null, Generator? generator = null)
    {
        if (high <= low) throw new ArgumentException($"randint: high ({high}) must be greater than low ({low}).");
        var gen = generator ?? default_generator;
        var values = new long[Tensor.ShapeNumel(size)];
        for (var i = 0; i < values.Length; i++) values[i] = low + gen.NextInt64(high - low);
        return FromData(values, size, dtype ?? ScalarType.Int64, device, false);
    }

    /// <summary>A random permutation of 0..n-1 (Fisher–Yates shuffle).</summary>
    public static Tensor randperm(long n, ScalarType? dtype = null, Device? device = null, Generator? generator = null)
    {
        var gen = generator ?? default_generator;
        var values = new long[n];
        for (long i = 0; i < n; i++) values[i] = i;
        for (var i = n - 1; i > 0; i--)
        {
            var j = gen.NextInt64(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
        return FromData(values, null, dtype ?? ScalarType.Int64, device, false);
    }

    private static ScalarType RequireFloat(ScalarType? dtype, string op)
    {
        var type = dtype ?? default_dtype;
        if (!is_floating_point(type)) throw new ArgumentException($"{op}: needs a floating-point dtype, got {type}.");
        return type;
    }

    // ---- ranges --------------------------------------------------------------------------------

    /// <summary>0, 1, ..., stop-1 as int64.</summary>
    public static Tensor arange(long stop, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        arange(0L, stop, 1L, dtype, device, requires_grad);

    public static Tensor arange(long start, long stop, long step = 1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var count = RangeCount(start, stop, step);
        var values = new long[count];
        for (var i = 0; i < count; i++) values[i] = start + i * step;
        return FromData(values, null, dtype ?? ScalarType.Int64, device, requires_grad);
    }

    /// <summary>start, start+step, ... while below stop, in the default float dtype.</summary>
    public static Tensor arange(double start, double stop, double step = 1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var count = RangeCount(start, stop, step);
        var values = new double[count];
        for (var i = 0; i < count; i++) values[i] = start + i * step;
        return FromData(values, null, dtype ?? default_dtype, device, requires_grad);
    }

    private static long RangeCount(double start, double stop, double step)
    {
        if (step == 0) throw new ArgumentException("arange: step must be nonzero.");
        if ((stop - start) / step < 0) throw new ArgumentException($"arange: the range {start}..{stop} cannot be walked with step {step}.");
        return (long)Math.Ceiling((stop - start) / step);
    }

    /// <summary><paramref name="steps"/> evenly spaced values from start to end, both included.</summary>
    public static Tensor linspace(double start, double end, long steps, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        if (steps < 0) throw new ArgumentException($"linspace: steps must be non-negative, got {steps}.");
        var values = new double[steps];
        var delta = steps > 1 ? (end - start) / (steps - 1) : 0;
        // Fill from both ends toward the middle, as PyTorch does, so the last value is exactly `end`
        // (a single step gives `start`, as in PyTorch).
        var half = Math.Max(steps / 2, 1);
        for (long i = 0; i < steps; i++)
            values[i] = i < half ? start + i * delta : end - (steps - 1 - i) * delta;
        return FromData(values, null, dtype ?? default_dtype, device, requires_grad);
    }

    /// <summary>The n×m matrix with ones on the diagonal.</summary>
    public static Tensor eye(long n, long m = -1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        if (m < 0) m = n;
        var values = new double[n * m];
        for (long i = 0; i < Math.Min(n, m); i++) values[i * m + i] = 1;
        return FromData(values, [n, m], dtype ?? default_dtype, device, requires_grad);
    }
}
