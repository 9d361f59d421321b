using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json.Nodes;

namespace Course.Plots.PlotlyNet;

/// <summary>
/// Reaches a Plotly.NET <c>GenericChart</c> by reflection, so that the course library takes no reference on
/// Plotly.NET or FSharp.Core (which .NET Interactive cannot load in the version Plotly.NET needs): a notebook
/// that restores Plotly.NET brings it, and the chart's own JSON is all that is read from it.
/// </summary>
public static class PlotlyNetChart
{
    public const string ChartTypeName = "Plotly.NET.GenericChart";

    private static readonly ConcurrentDictionary<Assembly, JsonNode?> DefaultTemplates = new();

    /// <summary>Whether <paramref name="value"/> is a Plotly.NET chart (a <c>GenericChart</c> or one of its cases).</summary>
    public static bool IsChart(object value) => ChartType(value.GetType()) is not null;

    /// <summary>The chart's plotly figure JSON, as Plotly.NET writes it for plotly.js (<c>GenericChart.toFigureJson</c>).</summary>
    public static string FigureJson(object chart)
    {
        var chartType = ChartType(chart.GetType())
            ?? throw new ArgumentException($"{chart.GetType().FullName} is not a {ChartTypeName}.", nameof(chart));
        var toFigureJson = chartType.GetMethod("toFigureJson", BindingFlags.Public | BindingFlags.Static, [chartType])
            ?? throw new NotSupportedException(
                $"This Plotly.NET ({chartType.Assembly.GetName().Version}) has no GenericChart.toFigureJson; the course reads charts of Plotly.NET 6.");
        try
        {
            return (string)toFigureJson.Invoke(null, [chart])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new InvalidOperationException($"Plotly.NET could not write the chart's JSON: {e.InnerException.Message}", e.InnerException);
        }
    }

    /// <summary>The chart read into the course's figure, with what its renderer does not draw.</summary>
    public static ReadFigure Read(object chart) =>
        PlotlyFigureReader.Read(FigureJson(chart), DefaultTemplate(ChartType(chart.GetType())!.Assembly));

    private static Type? ChartType(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
            if (t.FullName == ChartTypeName) return t;
        return null;
    }

    /// <summary>
    /// Plotly.NET's default template (<c>Defaults.DefaultTemplate</c>) as JSON, written by the Newtonsoft.Json that
    /// Plotly.NET itself loaded, which is how it writes the template into a chart's JSON; null for a Plotly.NET without one.
    /// </summary>
    private static JsonNode? DefaultTemplate(Assembly plotly) => DefaultTemplates.GetOrAdd(plotly, assembly =>
    {
        var template = assembly.GetType("Plotly.NET.Defaults")?.GetProperty("DefaultTemplate", BindingFlags.Public | BindingFlags.Static)?.GetValue(null);
        if (template is null) return null;
        var context = AssemblyLoadContext.GetLoadContext(assembly) ?? AssemblyLoadContext.Default;
        var serialize = context.LoadFromAssemblyName(new AssemblyName("Newtonsoft.Json")).GetType("Newtonsoft.Json.JsonConvert")
            ?.GetMethod("SerializeObject", BindingFlags.Public | BindingFlags.Static, [typeof(object)]);
        return serialize is null ? null : JsonNode.Parse((string)serialize.Invoke(null, [template])!);
    });
}
