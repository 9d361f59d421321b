namespace Course.Plots.PlotlyNet;

/// <summary>
/// The parts of a plotly figure that the course's SVG renderer leaves out, by their JSON path
/// (<c>data[1] (pie)</c>, <c>layout.bargap</c>), each once, in the order they were met.
/// </summary>
public sealed class NotDrawn
{
    private readonly List<string> names = [];

    public IReadOnlyList<string> Names => names;

    public bool Any => names.Count > 0;

    public void Add(string name)
    {
        if (!names.Contains(name)) names.Add(name);
    }

    /// <summary>The note shown under the picture; empty when everything was drawn.</summary>
    public override string ToString() => Any ? "Not drawn in this picture: " + string.Join(", ", names) + "." : "";
}
