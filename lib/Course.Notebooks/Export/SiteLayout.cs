namespace Course.Notebooks.Export;

/// <summary>The frame every page shares and the one stylesheet they link to. No scripts, nothing fetched from the network.</summary>
internal static class SiteLayout
{
    public const string StylesheetName = "course.css";

    public static string Page(string title, string body) =>
        $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Html.Escape(title)}</title>
        <link rel="stylesheet" href="{StylesheetName}">
        </head>
        <body>
        {body}</body>
        </html>

        """;

    public static string Stylesheet()
    {
        using var stream = typeof(SiteLayout).Assembly.GetManifestResourceStream("Course.Notebooks.Export.course.css")
                           ?? throw new InvalidOperationException("The stylesheet course.css is missing from the Course.Notebooks assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
