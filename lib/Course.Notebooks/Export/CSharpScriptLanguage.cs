using ColorCode;
using ColorCode.Common;

namespace Course.Notebooks.Export;

/// <summary>
/// ColorCode's C# with the notebook directives added: <c>#r</c>, <c>#i</c>, <c>#load</c> and the <c>#!</c> magic
/// commands (Execution/CellDirectives.cs) are not C# preprocessor lines, so ColorCode's own C# leaves them
/// uncoloured; here the whole line is marked as a preprocessor keyword.
/// </summary>
internal sealed class CSharpScriptLanguage : ILanguage
{
    private static readonly LanguageRule Directive = new(
        @"^[ \t]*(?:#(?:r|i|load)\b|#!).*?\r?$",
        new Dictionary<int, string> { [0] = ScopeName.PreprocessorKeyword });

    // After the rule: static fields are initialised in the order they are written, and the constructor reads it.
    public static readonly CSharpScriptLanguage Instance = new();

    private CSharpScriptLanguage() =>
        Rules = [Directive, .. Languages.CSharp.Rules];

    public string Id => "csharp-script";

    public string Name => "C# script";

    /// <summary>The same class as ColorCode's C#, so a page styles both alike.</summary>
    public string CssClassName => Languages.CSharp.CssClassName;

    public string? FirstLinePattern => null;

    public IList<LanguageRule> Rules { get; }

    public bool HasAlias(string lang) => false;
}
