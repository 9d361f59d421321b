using Course.Notebooks.Display;

namespace Course.Notebooks.Execution;

/// <summary>
/// The display API of the .NET Interactive C# dialect, imported into every cell (<c>using static</c>):
/// <c>display(x)</c>, <c>HTML("...")</c>, <c>x.Display()</c> and <c>"...".DisplayAs("text/html")</c>.
/// Outside a cell (a plain program using a library that displays) the calls print text to the console.
/// </summary>
public static class DisplayFunctions
{
    /// <summary>Shows <paramref name="value"/> below the cell, in <paramref name="mimeTypes"/> when given; returns a handle to update it.</summary>
    public static DisplayHandle display(object? value, params string[] mimeTypes)
    {
        var handle = new DisplayHandle(Guid.NewGuid().ToString("N"), mimeTypes);
        handle.Show(value, update: false);
        return handle;
    }

    /// <summary>Markup shown as HTML.</summary>
    public static HtmlContent HTML(string html) => new(html);

    /// <summary>Shows this value below the cell, as <c>display(value, mimeTypes)</c>.</summary>
    public static DisplayHandle Display(this object? value, params string[] mimeTypes) => display(value, mimeTypes);

    /// <summary>Shows this text as content of <paramref name="mimeType"/> (e.g. "text/html", "text/markdown") as it is.</summary>
    public static DisplayHandle DisplayAs(this string content, string mimeType)
    {
        var handle = new DisplayHandle(Guid.NewGuid().ToString("N"), [mimeType]);
        handle.ShowRaw(new Dictionary<string, string> { [mimeType] = content }, update: false);
        return handle;
    }
}

/// <summary>A display shown by a cell; <see cref="Update"/> replaces its content in place.</summary>
public sealed class DisplayHandle
{
    private readonly string[] mimeTypes;
    // The cell that created the display: updates from a background task still reach the right output.
    private readonly CellContext? cell = CellContext.Current;

    internal DisplayHandle(string displayId, string[] mimeTypes)
    {
        DisplayId = displayId;
        this.mimeTypes = mimeTypes;
    }

    public string DisplayId { get; }

    /// <summary>Replaces what this display shows with <paramref name="value"/>.</summary>
    public void Update(object? value) => Show(value, update: true);

    internal void Show(object? value, bool update)
    {
        var output = DisplayFormatter.Format(value, mimeTypes, DisplayId);
        Send(output, update);
    }

    internal void ShowRaw(IReadOnlyDictionary<string, string> data, bool update) =>
        Send(new DisplayOutput(data, DisplayId: DisplayId), update);

    private void Send(DisplayOutput output, bool update)
    {
        var sink = (CellContext.Current ?? cell)?.Sink;
        if (sink is null)
        {
            Console.WriteLine(output.Data.TryGetValue(DisplayFormatter.PlainText, out var text) ? text : output.Data.Values.First());
            return;
        }
        ConsoleCapture.FlushCell();
        if (update) sink.UpdateDisplay(output);
        else sink.Display(output);
    }
}
