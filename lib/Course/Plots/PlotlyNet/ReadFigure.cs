using System.Net;

namespace Course.Plots.PlotlyNet;

/// <summary>A figure read from plotly JSON, with what of it the course's renderer does not draw.</summary>
public sealed record ReadFigure(Figure Figure, NotDrawn NotDrawn)
{
    /// <summary>The SVG, and under it, when something was left out, a note that names it.</summary>
    public string ToHtml() => NotDrawn.Any
        ? $"<div class=\"course-figure\">{Figure.ToSvg()}<p class=\"course-figure-note\">{WebUtility.HtmlEncode(NotDrawn.ToString())}</p></div>"
        : Figure.ToHtml();

    /// <summary>The figure's one-line summary, and the note on its own line.</summary>
    public override string ToString() => NotDrawn.Any ? $"{Figure}\n{NotDrawn}" : Figure.ToString();
}
