using System.Globalization;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace Course.Notebooks.Execution;

/// <summary>
/// An assembly's XML documentation file for Roslyn (Roslyn's own provider lives in the Workspaces package, which
/// the kernel does not otherwise need). Read once, on first use.
/// </summary>
internal sealed class XmlDocumentation(string path) : DocumentationProvider
{
    private readonly Lazy<Dictionary<string, string>> members = new(() => Load(path));

    protected override string? GetDocumentationForSymbol(string documentationMemberID, CultureInfo preferredCulture,
        CancellationToken cancellationToken = default) =>
        members.Value.GetValueOrDefault(documentationMemberID);

    private static Dictionary<string, string> Load(string path)
    {
        try
        {
            return XDocument.Load(path).Descendants("member")
                .Where(m => m.Attribute("name") is not null)
                .GroupBy(m => (string)m.Attribute("name")!)
                .ToDictionary(g => g.Key, g => g.First().ToString());
        }
        catch (Exception e) when (e is System.Xml.XmlException or IOException)
        {
            return [];
        }
    }

    public override bool Equals(object? obj) => obj is XmlDocumentation other && other.Path == Path;

    public override int GetHashCode() => Path.GetHashCode(StringComparison.Ordinal);

    private string Path { get; } = path;
}
