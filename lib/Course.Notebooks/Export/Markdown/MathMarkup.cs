using System.Text;
using Course.Notebooks.Export.Tex;

namespace Course.Notebooks.Export.Markdown;

/// <summary>A formula as MathML the browser typesets; TeX the translation does not know stays as its source, never lost.</summary>
internal static class MathMarkup
{
    public static string For(string tex, bool display)
    {
        try
        {
            return TexToMathMl.Convert(tex, display);
        }
        catch (TexNotSupportedException)
        {
            string tag = display ? "div" : "span";
            var html = new StringBuilder();
            html.Append('<').Append(tag).Append(display ? " class=\"math display\">" : " class=\"math\">");
            Html.AppendEscaped(html, tex);
            html.Append("</").Append(tag).Append('>');
            return html.ToString();
        }
    }
}
