using System.Diagnostics;
using System.Text.RegularExpressions;
using Course.Notebooks.Export;
using Xunit.Abstractions;

namespace Course.Notebooks.Tests.Export;

/// <summary>
/// Opens an exported page in a real browser (Debian's headless Chromium): the page must render with its
/// plot (inline SVG, no JavaScript, no network), its PNG output and its error, as a reader would see it; and a
/// notebook of Plotly.NET charts, run by the runner, with each chart drawn.
/// </summary>
public class BrowserExportTests(ITestOutputHelper output)
{
    /// <summary>The plot trace's stroke colour in the fixture (#1f77b4).</summary>
    private static readonly (int R, int G, int B) TraceBlue = (0x1f, 0x77, 0xb4);

    /// <summary>course.css's colour for C# string literals (#0a3069), on the spans ColorCode writes.</summary>
    private static readonly (int R, int G, int B) StringBlue = (0x0a, 0x30, 0x69);

    [Fact]
    public void Exported_page_renders_in_headless_chromium()
    {
        string? chromium = FindChromium();
        if (chromium is null)
        {
            NotChecked("Chromium is not installed.", "apt-get install -y chromium");
            return;
        }

        using var temp = new RepositoryFiles.TempFolder();
        string input = Path.Combine(temp.Path, "notebooks");
        Directory.CreateDirectory(input);
        File.Copy(RepositoryFiles.TestNotebook("export-sample.ipynb"), Path.Combine(input, "export-sample.ipynb"));
        var report = HtmlExporter.ExportFolder(input, Path.Combine(temp.Path, "site"));
        string pageUrl = new Uri(report.Pages[0].PagePath).AbsoluteUri;

        string screenshot = Path.Combine(temp.Path, "page.png");
        RunChromium(chromium, temp.Path, $"--screenshot={screenshot}", "--window-size=1200,2000", pageUrl);
        var image = PngImage.Read(screenshot);
        Assert.Equal((1200, 2000), (image.Width, image.Height));
        int colours = image.Pixels().Distinct().Count();
        Assert.True(colours > 50, $"The screenshot looks blank: {colours} distinct colours.");
        int tracePixels = PixelsNear(image, TraceBlue);
        Assert.True(tracePixels > 300, $"The plot's SVG trace is not visible in the screenshot ({tracePixels} pixels of its colour).");
        // The stylesheet and the highlighter agree on class names: the code cell's string literal is coloured.
        int stringPixels = PixelsNear(image, StringBlue);
        Assert.True(stringPixels > 50, $"The code cell's string literal is not coloured in the screenshot ({stringPixels} pixels of its colour).");

        string dom = RunChromium(chromium, temp.Path, "--dump-dom", pageUrl);
        Assert.Contains("<svg", dom);
        var pathData = Regex.Matches(dom, "<path[^>]*\\sd=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(pathData);
        Assert.All(pathData, d => Assert.Matches(@"^M\s*\d", d));
        Assert.Matches("<img src=\"data:image/png;base64,[A-Za-z0-9+/=]{100,}\"", dom);
        Assert.Contains("class=\"output error\"", dom);
        output.WriteLine($"Screenshot: {colours} distinct colours, {tracePixels} pixels of the plot trace, {stringPixels} of string literals.");
    }

    [Fact]
    public async Task Plotly_net_charts_render_as_svg_in_the_exported_page()
    {
        string? chromium = FindChromium();
        if (chromium is null)
        {
            NotChecked("Chromium is not installed.", "apt-get install -y chromium");
            return;
        }

        using var temp = new RepositoryFiles.TempFolder();
        string executed = await PlotlyNetNotebook.ExecuteAsync(Path.Combine(temp.Path, "executed"));
        var report = HtmlExporter.ExportNotebooks([executed], Path.Combine(temp.Path, "site"));
        string pageUrl = new Uri(report.Pages[0].PagePath).AbsoluteUri;

        string dom = RunChromium(chromium, temp.Path, "--dump-dom", pageUrl);
        Assert.Equal(3, Regex.Matches(dom, "<div class=\"course-figure\"><svg").Count);
        Assert.Contains("Not drawn in this picture: layout.template.data.heatmap[0].colorscale", dom);

        string screenshot = Path.Combine(temp.Path, "page.png");
        RunChromium(chromium, temp.Path, $"--screenshot={screenshot}", "--window-size=1000,2600", pageUrl);
        var image = PngImage.Read(screenshot);
        // The line and the bars in plotly's first colour, the heatmap's lowest and highest cells in RdBu's ends.
        int traceColour = PixelsNear(image, (99, 110, 250));
        int heatmapLow = PixelsNear(image, (5, 10, 172));
        int heatmapHigh = PixelsNear(image, (178, 10, 28));
        output.WriteLine($"Screenshot: {traceColour} pixels of the line and bars, {heatmapLow} and {heatmapHigh} of the heatmap's ends.");
        Assert.True(traceColour > 2000, $"The line and bar charts are not visible ({traceColour} pixels of their colour).");
        Assert.True(heatmapLow > 2000 && heatmapHigh > 2000, $"The heatmap is not visible ({heatmapLow} and {heatmapHigh} pixels of its end colours).");
    }

    private static int PixelsNear(PngImage image, (int R, int G, int B) colour) => image.Pixels().Count(p => Near(p, colour));

    private static bool Near((int R, int G, int B) pixel, (int R, int G, int B) colour) =>
        Math.Abs(pixel.R - colour.R) + Math.Abs(pixel.G - colour.G) + Math.Abs(pixel.B - colour.B) < 40;

    private static string? FindChromium()
    {
        foreach (string name in new[] { "chromium", "chromium-browser" })
        {
            foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            {
                string candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                    return candidate;
            }
        }

        return null;
    }

    /// <summary>Runs headless Chromium once with a fresh profile and returns what it printed on stdout.</summary>
    private static string RunChromium(string chromium, string workFolder, params string[] arguments)
    {
        string profile = Directory.CreateTempSubdirectory("course-chromium-profile-").FullName;
        try
        {
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = workFolder,
            };
            // --no-sandbox: tests and CI run as root, where Chromium's sandbox refuses to start. The rest keeps
            // a headless run from reaching for the network or for a GPU.
            foreach (string flag in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         "--hide-scrollbars", $"--user-data-dir={profile}",
                     })
                start.ArgumentList.Add(flag);
            foreach (string argument in arguments)
                start.ArgumentList.Add(argument);

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"{chromium} did not start.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            // A safety net against a hung browser, not a performance limit.
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Chromium did not finish within 3 minutes: {string.Join(' ', arguments)}");
            }

            Assert.True(process.ExitCode == 0, $"Chromium exited with {process.ExitCode}: {stderr.Result}");
            return stdout.Result;
        }
        finally
        {
            DeleteProfile(profile);
        }
    }

    // Chromium's helper processes (crash handler, GPU process) can still be writing to the profile for a moment
    // after the browser itself exits; a profile left in the temp folder is no reason to fail the test.
    private static void DeleteProfile(string profile)
    {
        for (int attempt = 1; attempt <= 5; attempt++)
        {
            try
            {
                Directory.Delete(profile, recursive: true);
                return;
            }
            catch (IOException)
            {
                Thread.Sleep(200);
            }
        }
    }

    private void NotChecked(string reason, string install)
    {
        Assert.False(Environment.GetEnvironmentVariable("CI") == "true", $"{reason} {install} (.ci/run installs it.)");
        output.WriteLine($"NOT CHECKED: {reason} {install}");
    }
}
