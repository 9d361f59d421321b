using Course.Notebooks.Execution;

namespace Course.Notebooks.Tests;

/// <summary>Keeps every output a session reports, in order, for assertions.</summary>
internal class RecordingSink : IOutputSink
{
    private readonly List<(string Kind, object Value)> events = [];

    public IReadOnlyList<(string Kind, object Value)> Events { get { lock (events) return [.. events]; } }

    public string StdOut => string.Concat(Events.Where(e => e.Kind == "stdout").Select(e => (string)e.Value));

    public string StdErr => string.Concat(Events.Where(e => e.Kind == "stderr").Select(e => (string)e.Value));

    public IEnumerable<DisplayOutput> Displays => Events.Where(e => e.Kind == "display").Select(e => (DisplayOutput)e.Value);

    public IEnumerable<DisplayOutput> Updates => Events.Where(e => e.Kind == "update").Select(e => (DisplayOutput)e.Value);

    public DisplayOutput? ResultOutput => Events.Where(e => e.Kind == "result").Select(e => (DisplayOutput)e.Value).SingleOrDefault();

    public (string Name, string Value, IReadOnlyList<string> Traceback)? ErrorOutput =>
        Events.Where(e => e.Kind == "error").Select(e => ((string, string, IReadOnlyList<string>))e.Value).Cast<(string, string, IReadOnlyList<string>)?>().SingleOrDefault();

    public void Stream(string name, string text) => Add(name, text);

    public void Display(DisplayOutput output) => Add("display", output);

    public void UpdateDisplay(DisplayOutput output) => Add("update", output);

    public void Result(DisplayOutput output, int executionCount) => Add("result", output);

    public void Error(string name, string value, IReadOnlyList<string> traceback) => Add("error", (name, value, traceback));

    private void Add(string kind, object value)
    {
        lock (events) events.Add((kind, value));
    }
}
