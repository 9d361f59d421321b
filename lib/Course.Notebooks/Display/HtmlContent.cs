namespace Course.Notebooks.Display;

/// <summary>Markup to be shown as HTML rather than as text (what <c>HTML("...")</c> returns in a cell).</summary>
public sealed record HtmlContent(string Html)
{
    public override string ToString() => Html;
}
