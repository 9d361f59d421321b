using TorchSharp;
using static TorchSharp.torch;

namespace Course.Vision;

/// <summary>
/// A random affine warp per call (torchvision's <c>RandomAffine</c>): rotation angle uniform in
/// [-degrees, degrees]; shift uniform up to translate = (fx, fy) of the width and height, rounded to whole
/// pixels; zoom factor uniform in scale = (min, max); x-shear uniform in [-shear, shear] degrees (or in
/// (shear[0], shear[1]), and with four values also a y-shear in (shear[2], shear[3])). The numbers are drawn
/// from <c>generator</c> (or the default one), so a seeded generator repeats the same augmentations; the warp is
/// <see cref="AffineWarp"/>.
/// <para>
/// Seed 002 augments with Keras' <c>ImageDataGenerator(shear_range=0.2, zoom_range=0.2, horizontal_flip=True)</c>.
/// In those terms: <c>zoom_range=0.2</c> draws a factor z in [0.8, 1.2] by which Keras divides sizes, so it
/// is <c>scale: (1 / 1.2, 1 / 0.8)</c> here (Keras draws x and y zoom separately; here one factor serves
/// both). Current Keras reads <c>shear_range</c> in degrees (a 0.2° shear, invisible on 28 pixels); older
/// Keras read radians, which is what the seed's 0.2 suggests: <c>shear: [-11.46, 11.46]</c>
/// (0.2 rad = 11.46°). See <see cref="Augment.SeedAugmentation"/>.
/// </para>
/// </summary>
public sealed class RandomAffine : torchvision.ITransform
{
    private readonly double _degrees;
    private readonly (double X, double Y) _translate;
    private readonly (double Min, double Max) _scale;
    private readonly double[] _shear;
    private readonly InterpolationMode _interpolation;
    private readonly float _fill;
    private readonly Generator? _generator;

    public RandomAffine(double degrees, (double, double)? translate = null, (double, double)? scale = null, double[]? shear = null,
        InterpolationMode interpolation = InterpolationMode.Nearest, float fill = 0, Generator? generator = null)
    {
        if (degrees < 0) throw new ArgumentException($"RandomAffine: degrees must be non-negative (the range is [-degrees, degrees]), got {degrees}.");
        _translate = translate ?? (0, 0);
        if (_translate.X is < 0 or > 1 || _translate.Y is < 0 or > 1)
            throw new ArgumentException($"RandomAffine: translate fractions must lie in [0, 1], got ({_translate.X}, {_translate.Y}).");
        _scale = scale ?? (1, 1);
        if (_scale.Min <= 0 || _scale.Max < _scale.Min)
            throw new ArgumentException($"RandomAffine: scale must be (min, max) with 0 < min <= max, got ({_scale.Min}, {_scale.Max}).");
        _shear = shear switch
        {
            null => [0, 0, 0, 0],
            [var s] => [-Math.Abs(s), Math.Abs(s), 0, 0],
            [var lo, var hi] => [lo, hi, 0, 0],
            [_, _, _, _] => [.. shear],
            _ => throw new ArgumentException($"RandomAffine: shear takes 1, 2 or 4 numbers (degrees), got {shear.Length}."),
        };
        _degrees = degrees;
        _interpolation = interpolation;
        _fill = fill;
        _generator = generator;
    }

    public Tensor call(Tensor input)
    {
        var u = rand(6, float64, generator: _generator).data<double>().ToArray();
        double Between(double lo, double hi, double draw) => lo + (hi - lo) * draw;
        var (height, width) = ImagePlanes.Size(input, "RandomAffine");
        return AffineWarp.Apply(input,
            angle: Between(-_degrees, _degrees, u[0]),
            translateX: Math.Round(Between(-_translate.X * width, _translate.X * width, u[1])),
            translateY: Math.Round(Between(-_translate.Y * height, _translate.Y * height, u[2])),
            scale: Between(_scale.Min, _scale.Max, u[3]),
            shearX: Between(_shear[0], _shear[1], u[4]),
            shearY: Between(_shear[2], _shear[3], u[5]),
            _interpolation, _fill);
    }
}
