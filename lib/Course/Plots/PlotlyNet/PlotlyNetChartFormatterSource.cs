using Course.Display;
using Course.Plots.PlotlyNet;

// On the assembly: the course formats a type of a library it does not reference (see TypeFormatterSourceAttribute).
[assembly: TypeFormatterSource(typeof(PlotlyNetChartFormatterSource))]

namespace Course.Plots.PlotlyNet;

/// <summary>
/// Shows a Plotly.NET chart as the course shows its own figures: the static SVG (with a note naming what it
/// leaves out) as text/html, which works offline and on GitHub, and Plotly.NET's own figure JSON as
/// application/vnd.plotly.v1+json for front ends that draw interactive plots.
/// </summary>
public sealed class PlotlyNetChartFormatterSource
{
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new PlotlyNetChartFormatter("text/html", chart => PlotlyNetChart.Read(chart).ToHtml()),
        new PlotlyNetChartFormatter(PlotlyJson.MimeType, PlotlyNetChart.FigureJson),
        new PlotlyNetChartFormatter("text/plain", chart => PlotlyNetChart.Read(chart).ToString()),
    ];

    /// <summary>
    /// One formatter of the convention. Its <c>Type</c> is object, since the chart's type is not known when the
    /// library is built; it declines every value that is not a chart.
    /// </summary>
    private sealed class PlotlyNetChartFormatter(string mimeType, Func<object, string> format)
    {
        public string MimeType { get; } = mimeType;

        public Type Type => typeof(object);

        public bool Format(object instance, TextWriter writer)
        {
            if (!PlotlyNetChart.IsChart(instance)) return false;
            writer.Write(format(instance));
            return true;
        }
    }
}
