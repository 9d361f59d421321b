using System.Reflection;
using System.Text.Json;
using System.Xml.Linq;
using Course.Plots;
using static TorchSharp.torch;

namespace Course.Tests.Plots;

/// <summary>
/// Simulates how a notebook runtime (ours, or .NET Interactive) finds formatters: by the attribute's
/// NAME and by reflection only, never through our types, since it has no reference to this library.
/// </summary>
public sealed class FormatterConventionTests
{
    private static Dictionary<string, string> FormatByConvention(object value)
    {
        var attribute = value.GetType().GetCustomAttributes(inherit: true)
            .Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        var source = Activator.CreateInstance(sourceType)!;
        var formatters = (IEnumerable<object>)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!;

        var outputs = new Dictionary<string, string>();
        foreach (var formatter in formatters)
        {
            var type = formatter.GetType();
            var mimeType = (string)type.GetProperty("MimeType")!.GetValue(formatter)!;
            var formattedType = (Type)type.GetProperty("Type")!.GetValue(formatter)!;
            Assert.True(formattedType.IsInstanceOfType(value));
            var format = Assert.Single(type.GetMethods(BindingFlags.Public | BindingFlags.Instance), m => m.Name == "Format");
            Assert.Equal([typeof(object), typeof(TextWriter)], format.GetParameters().Select(p => p.ParameterType));
            Assert.Equal(typeof(bool), format.ReturnType);

            using var writer = new StringWriter();
            Assert.True((bool)format.Invoke(formatter, [value, writer])!);
            Assert.False((bool)format.Invoke(formatter, ["not mine", new StringWriter()])!);
            outputs.Add(mimeType, writer.ToString());
        }
        return outputs;
    }

    [Fact]
    public void FigureFormatsAsSvgHtmlAndPlotlyJson()
    {
        var outputs = FormatByConvention(Plot.Line(new[] { 1.0, 3, 2 }, "curve"));
        Assert.Equal(["text/html", "application/vnd.plotly.v1+json", "text/plain"], outputs.Keys);
        Assert.Contains("<svg", outputs["text/html"]);
        XDocument.Parse(outputs["text/html"]);
        using var json = JsonDocument.Parse(outputs["application/vnd.plotly.v1+json"]);
        Assert.Equal("scatter", json.RootElement.GetProperty("data")[0].GetProperty("type").GetString());
    }

    [Fact]
    public void ImageGridFormatsAsPngAndHtml()
    {
        var outputs = FormatByConvention(ImageGrid.FromTensor(zeros(2, 1, 3, 3), labels: ["a", "b"]));
        Assert.Equal(["text/html", "image/png", "text/plain"], outputs.Keys);
        PngDecoder.Decode(Convert.FromBase64String(outputs["image/png"]));
        Assert.Contains("<figcaption", outputs["text/html"]);
    }

    [Fact]
    public void TrainingChartRenderingFollowsItsState()
    {
        var chart = new TrainingChart();
        var before = FormatByConvention(chart);
        chart.Add(1, "loss", 0.5);
        var after = FormatByConvention(chart);
        Assert.Equal(["text/html", "application/vnd.plotly.v1+json", "text/plain"], after.Keys);
        Assert.NotEqual(before["text/html"], after["text/html"]);
        Assert.Equal("epoch 1 · loss 0.500", after["text/plain"]);
    }

    [Fact]
    public void AttributeCarriesPreferredMimeTypes()
    {
        var attribute = typeof(Figure).GetCustomAttributes(true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        Assert.Equal(["text/html"], (string[])attribute.GetType().GetProperty("PreferredMimeTypes")!.GetValue(attribute)!);
    }
}
