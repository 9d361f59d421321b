using Course.Notebooks.Display;
using Course.Notebooks.Execution;

namespace Course.Notebooks.Tests;

// The convention is matched by name: this attribute is the test assembly's own, like a library's would be.
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Interface)]
public sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    public Type FormatterSourceType { get; } = formatterSourceType;
}

[TypeFormatterSource(typeof(TemperatureFormatterSource))]
public sealed record Temperature(double Celsius);

public sealed class Thermometer(double celsius) : IHasTemperature
{
    public double Celsius { get; } = celsius;
}

[TypeFormatterSource(typeof(TemperatureFormatterSource))]
public interface IHasTemperature
{
    double Celsius { get; }
}

public sealed class TemperatureFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new Formatter(typeof(Temperature), "text/html", (v, w) => w.Write($"<b>{((Temperature)v).Celsius} °C</b>")),
        new Formatter(typeof(IHasTemperature), "text/html", (v, w) => w.Write($"<i>{((IHasTemperature)v).Celsius} °C</i>")),
        new Formatter(typeof(Temperature), "application/json", (v, w) => w.Write($"{{\"celsius\": {((Temperature)v).Celsius}}}")),
    ];

    private sealed class Formatter(Type type, string mimeType, Action<object, TextWriter> write)
    {
        public string MimeType { get; } = mimeType;

        public Type Type { get; } = type;

        public bool Format(object instance, TextWriter writer)
        {
            write(instance, writer);
            return true;
        }
    }
}

public class FormatterConventionTests
{
    [Fact]
    public void Formatter_source_on_the_type_is_found_by_name()
    {
        var output = DisplayFormatter.Format(new Temperature(21.5));
        Assert.Equal("<b>21.5 °C</b>", output.Data["text/html"]);
        Assert.Equal("{\"celsius\": 21.5}", output.Data["application/json"]);
        // The defaults still add text for text-only front ends.
        Assert.Equal("Temperature { Celsius = 21.5 }", output.Data["text/plain"]);
    }

    [Fact]
    public void Formatter_source_on_an_interface_applies_to_implementations()
    {
        var output = DisplayFormatter.Format(new Thermometer(3));
        Assert.Equal("<i>3 °C</i>", output.Data["text/html"]);
    }

    [Fact]
    public void Preferred_mime_types_select_among_the_formatters()
    {
        var output = DisplayFormatter.Format(new Temperature(1), ["application/json"]);
        Assert.Equal(["application/json"], output.Data.Keys);
    }

    [Fact]
    public void TorchSharps_own_formatter_source_renders_tensors_through_the_convention()
    {
        // TorchSharp declares its source on Tensor, with formatters that have no Type: they format Tensor.
        var attribute = Assert.Single(typeof(TorchSharp.torch.Tensor).GetCustomAttributes(inherit: false), a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        Assert.Equal("TorchSharp", sourceType.Assembly.GetName().Name);

        using var tensor = TorchSharp.torch.tensor(new float[] { 1, 2, 3, 4 }).reshape(2, 2);
        var output = DisplayFormatter.Format(tensor);
        Assert.Equal("[2x2], type = Float32, device = cpu\n 1 2\n 3 4\n", output.Data["text/plain"]);
        Assert.Equal("<div><pre>[2x2], type = Float32, device = cpu\n 1 2\n 3 4\n</pre></div>", output.Data["text/html"]);
    }

    [Fact]
    public async Task Cells_use_the_convention_for_their_results()
    {
        using var session = new ScriptSession(new ScriptSessionOptions
        {
            DefaultAssemblies = ["TorchSharp", "TorchVision", "Course", typeof(Temperature).Assembly.GetName().Name!],
        });
        var (_, sink) = await Run.Cell(session, "new Course.Notebooks.Tests.Temperature(30)");
        Assert.Equal("<b>30 °C</b>", sink.ResultOutput!.Data["text/html"]);
    }
}
