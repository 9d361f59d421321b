namespace Course.Torch.Kernels;

/// <summary>Scalar functions that .NET's Math does not provide.</summary>
internal static class SpecialFunctions
{
    private static readonly double TwoOverSqrtPi = 2 / Math.Sqrt(Math.PI);

    /// <summary>
    /// erf(x) to double precision, from the series erf(x) = 2/√π · e^(−x²) · Σₙ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)).
    /// Unlike the Taylor series its terms are all positive, so nothing cancels and every partial sum
    /// is accurate; it needs about x² + 20 terms. Beyond |x| = 6, erf(x) is ±1 in double precision.
    /// </summary>
    public static double Erf(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (Math.Abs(x) >= 6) return Math.Sign(x);
        var twoXSquared = 2 * x * x;
        var term = x;
        var sum = x;
        for (var n = 1; Math.Abs(term) > Math.Abs(sum) * 1e-17; n++)
        {
            term *= twoXSquared / (2 * n + 1);
            sum += term;
        }
        return TwoOverSqrtPi * Math.Exp(-x * x) * sum;
    }

    /// <summary>
    /// log(1 + x) without losing the digits of a tiny x (Kahan's trick): u = 1 + x is rounded, but
    /// log(u)·x/(u − 1) divides that same rounding error out again.
    /// </summary>
    public static double Log1p(double x)
    {
        var u = 1 + x;
        return u == 1 ? x : double.IsPositiveInfinity(u) ? u : Math.Log(u) * x / (u - 1);
    }

    /// <summary>eˣ − 1 without losing the digits of a tiny x, by the same trick: (u − 1)·x/log(u) with u = eˣ.</summary>
    public static double Expm1(double x)
    {
        var u = Math.Exp(x);
        if (u == 1) return x;
        var um1 = u - 1;
        return um1 == -1 || double.IsPositiveInfinity(u) ? um1 : um1 * x / Math.Log(u);
    }
}
