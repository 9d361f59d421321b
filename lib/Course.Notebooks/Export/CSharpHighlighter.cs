using System.Text;

namespace Course.Notebooks.Export;

/// <summary>
/// Colours C# for reading, not for compiling: one pass marks comments, strings, character literals,
/// numbers, keywords and notebook directives (<c>#r</c>, <c>#!time</c>) with CSS classes. Whatever it does
/// not recognise is plain escaped text, so odd code still shows exactly as written.
/// </summary>
internal static class CSharpHighlighter
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "async", "await", "base", "bool", "break", "byte", "case", "catch", "char", "checked",
        "class", "const", "continue", "decimal", "default", "delegate", "do", "double", "dynamic", "else", "enum",
        "event", "explicit", "extern", "false", "finally", "fixed", "float", "for", "foreach", "get", "goto", "if",
        "implicit", "in", "init", "int", "interface", "internal", "is", "lock", "long", "namespace", "new", "not",
        "null", "object", "operator", "out", "override", "params", "private", "protected", "public", "readonly",
        "record", "ref", "required", "return", "sbyte", "sealed", "set", "short", "sizeof", "stackalloc", "static",
        "string", "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked",
        "unsafe", "ushort", "using", "var", "virtual", "void", "volatile", "when", "where", "while", "with",
        "yield", "and", "or",
    };

    public static void Append(StringBuilder html, string code)
    {
        int i = 0;
        bool lineStart = true;
        while (i < code.Length)
        {
            char c = code[i];
            int end;
            string? cssClass;
            if (lineStart && c == '#')
            {
                (end, cssClass) = (LineEnd(code, i), "dir");
            }
            else if (c == '/' && At(code, i + 1) == '/')
            {
                (end, cssClass) = (LineEnd(code, i), "com");
            }
            else if (c == '/' && At(code, i + 1) == '*')
            {
                int close = code.IndexOf("*/", i + 2, StringComparison.Ordinal);
                (end, cssClass) = (close < 0 ? code.Length : close + 2, "com");
            }
            else if (StringEnd(code, i) is var stringEnd and > 0)
            {
                (end, cssClass) = (stringEnd, "str");
            }
            else if (char.IsAsciiDigit(c))
            {
                end = i + 1;
                bool hex = c == '0' && At(code, i + 1) is 'x' or 'X';
                while (end < code.Length && (char.IsAsciiLetterOrDigit(code[end]) || code[end] == '_'
                       || (code[end] == '.' && char.IsAsciiDigit(At(code, end + 1)))
                       || (!hex && code[end] is '+' or '-' && code[end - 1] is 'e' or 'E' && char.IsAsciiDigit(At(code, end + 1)))))
                    end++;
                cssClass = "num";
            }
            else if (char.IsLetter(c) || c == '_')
            {
                end = i + 1;
                while (end < code.Length && (char.IsLetterOrDigit(code[end]) || code[end] == '_'))
                    end++;
                bool memberAccess = i > 0 && code[i - 1] == '.';
                cssClass = !memberAccess && Keywords.Contains(code[i..end]) ? "kw" : null;
            }
            else
            {
                (end, cssClass) = (i + 1, null);
            }

            if (cssClass is null)
            {
                Html.AppendEscaped(html, code.AsSpan(i, end - i));
            }
            else
            {
                html.Append("<span class=\"").Append(cssClass).Append("\">");
                Html.AppendEscaped(html, code.AsSpan(i, end - i));
                html.Append("</span>");
            }

            for (int j = i; j < end; j++)
            {
                if (code[j] == '\n')
                    lineStart = true;
                else if (!char.IsWhiteSpace(code[j]))
                    lineStart = false;
            }

            i = end;
        }
    }

    /// <summary>The end of a string or character literal starting at <paramref name="i"/>, or 0 if none starts there.</summary>
    private static int StringEnd(string code, int i)
    {
        int quote = i;
        bool verbatim = false;
        while (quote < code.Length && quote - i < 3 && code[quote] is '$' or '@')
        {
            verbatim |= code[quote] == '@';
            quote++;
        }

        if (At(code, quote) == '\'' && quote == i)
        {
            for (int j = i + 1; j < code.Length && code[j] != '\n'; j++)
            {
                if (code[j] == '\\')
                    j++;
                else if (code[j] == '\'')
                    return j + 1;
            }

            return 0;
        }

        if (At(code, quote) != '"')
            return 0;

        int quotes = 0;
        while (At(code, quote + quotes) == '"')
            quotes++;
        if (quotes >= 3)
        {
            // A raw string literal ends at the same number of quotes.
            int close = code.IndexOf(new string('"', quotes), quote + quotes, StringComparison.Ordinal);
            return close < 0 ? code.Length : close + quotes;
        }

        if (quotes == 2)
            return quote + 2; // ""

        for (int j = quote + 1; j < code.Length; j++)
        {
            char c = code[j];
            if (verbatim)
            {
                if (c == '"' && At(code, j + 1) == '"')
                    j++;
                else if (c == '"')
                    return j + 1;
            }
            else if (c == '\\')
            {
                j++;
            }
            else if (c == '"')
            {
                return j + 1;
            }
            else if (c == '\n')
            {
                return j; // an unterminated string ends with its line
            }
        }

        return code.Length;
    }

    private static int LineEnd(string code, int i)
    {
        int end = code.IndexOf('\n', i);
        return end < 0 ? code.Length : end;
    }

    private static char At(string code, int i) => i < code.Length ? code[i] : '\0';
}
