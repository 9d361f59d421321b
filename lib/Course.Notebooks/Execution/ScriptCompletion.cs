using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace Course.Notebooks.Execution;

/// <summary>
/// Completion and inspection from Roslyn's semantic model of the cell compiled as the next submission, so that
/// everything earlier cells declared is known. (The Roslyn Features packages with CompletionService are not
/// available from our package source; symbol lookup gives the same names for members and identifiers.)
/// </summary>
internal static class ScriptCompletion
{
    public static CompletionList Complete(Script script, int cursor, CancellationToken cancellationToken)
    {
        var (model, tree) = Model(script);
        var text = tree.GetText(cancellationToken).ToString();
        cursor = Math.Clamp(cursor, 0, text.Length);
        var start = cursor;
        while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '_')) start--;
        var prefix = text[start..cursor];

        IEnumerable<ISymbol> symbols;
        if (start > 0 && text[start - 1] == '.' &&
            tree.GetRoot(cancellationToken).FindToken(start - 1).Parent is MemberAccessExpressionSyntax access)
        {
            var target = model.GetSymbolInfo(access.Expression, cancellationToken).Symbol;
            symbols = target is INamespaceOrTypeSymbol container
                ? model.LookupStaticMembers(start, container).Concat(container is INamespaceSymbol ? [] : model.LookupNamespacesAndTypes(start, container))
                : model.GetTypeInfo(access.Expression, cancellationToken).Type is { } type
                    ? model.LookupSymbols(start, type, includeReducedExtensionMethods: true).Where(s => !s.IsStatic)
                    : [];
        }
        else
        {
            symbols = model.LookupSymbols(start);
        }
        var matches = symbols
            .Where(s => s.CanBeReferencedByName && s.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(s => s.Name)
            .Concat(prefix.Length > 0 ? Keywords.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)) : [])
            .Distinct()
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new CompletionList(matches, start, cursor);
    }

    public static string? Inspect(Script script, int cursor, CancellationToken cancellationToken)
    {
        var (model, tree) = Model(script);
        var root = tree.GetRoot(cancellationToken);
        var position = Math.Clamp(cursor, 0, Math.Max(0, root.FullSpan.End - 1));
        var token = root.FindToken(position);
        // A cursor right after a name ("Math.Sqrt|") inspects that name.
        if (!token.IsKind(SyntaxKind.IdentifierToken) && position > 0) token = root.FindToken(position - 1);
        if (token.Parent is not { } node) return null;
        var symbol = model.GetSymbolInfo(node, cancellationToken) is var info && info.Symbol is { } found ? found
            : info.CandidateSymbols.FirstOrDefault() ?? model.GetDeclaredSymbol(node, cancellationToken)
              ?? model.GetTypeInfo(node, cancellationToken).Type;
        if (symbol is null) return null;
        var signature = symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
        return Summary(symbol) is { Length: > 0 } summary ? signature + "\n\n" + summary : signature;
    }

    private static (SemanticModel Model, SyntaxTree Tree) Model(Script script)
    {
        var compilation = script.GetCompilation();
        var tree = compilation.SyntaxTrees.Last();
        return (compilation.GetSemanticModel(tree), tree);
    }

    private static string? Summary(ISymbol symbol)
    {
        var xml = symbol.GetDocumentationCommentXml(expandIncludes: true);
        if (string.IsNullOrWhiteSpace(xml)) return null;
        try
        {
            var summary = XElement.Parse(xml).Element("summary");
            if (summary is null) return null;
            // <see cref="T:X.Y"/> reads as "Y".
            foreach (var reference in summary.Descendants().Where(e => e.Name.LocalName is "see" or "paramref" or "typeparamref").ToList())
                reference.ReplaceWith((string?)reference.Attribute("cref") is { } cref ? cref[(cref.LastIndexOf('.') + 1)..] : (string?)reference.Attribute("name") ?? "");
            return string.Join(" ", summary.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    private static readonly string[] Keywords =
    [
        "abstract", "as", "async", "await", "base", "bool", "break", "byte", "case", "catch", "char", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "false", "finally", "float", "for", "foreach", "if",
        "in", "int", "interface", "is", "long", "namespace", "new", "null", "object", "out", "override", "params", "private",
        "protected", "public", "readonly", "record", "ref", "return", "sealed", "static", "string", "struct", "switch", "this",
        "throw", "true", "try", "typeof", "using", "var", "virtual", "void", "while", "yield",
    ];
}
