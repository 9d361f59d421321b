using System.Text;

namespace Course.Notebooks.Export.Tex;

/// <summary>The formula uses TeX this translation does not know; the page then shows the TeX source.</summary>
internal sealed class TexNotSupportedException(string message) : Exception(message);

/// <summary>
/// Translates the TeX math of course notebooks into MathML Core, which browsers typeset by themselves: the
/// exported site shows real formulas offline and without JavaScript (no MathJax). It is a recursive-descent
/// parser over the part of TeX that formulas in notebooks use — letters, numbers, operators, scripts,
/// fractions, roots, accents, fonts, <c>\left...\right</c>, matrices and cases — and it refuses anything
/// else with <see cref="TexNotSupportedException"/> rather than guessing.
/// </summary>
internal sealed class TexToMathMl
{
    private const string Operators = "+-=<>,;:!()[]|/*?.";

    private readonly string _tex;
    private int _pos;
    private int _openLefts;
    private bool _upright;

    private TexToMathMl(string tex) => _tex = tex;

    /// <summary>The <c>&lt;math&gt;</c> element for <paramref name="tex"/>; the source rides along as an annotation.</summary>
    public static string Convert(string tex, bool display)
    {
        var parser = new TexToMathMl(tex);
        string body = parser.Row(RowEnd.Input);
        if (parser._pos < tex.Length)
            throw new TexNotSupportedException("\\right without \\left");

        var math = new StringBuilder(body.Length + tex.Length + 120);
        math.Append(display ? "<math display=\"block\">" : "<math>");
        math.Append("<semantics><mrow>").Append(body).Append("</mrow><annotation encoding=\"application/x-tex\">");
        Html.AppendEscaped(math, tex.Trim());
        return math.Append("</annotation></semantics></math>").ToString();
    }

    /// <summary>Where a row of atoms ends: the end of the formula, a closing brace, or a table cell.</summary>
    private enum RowEnd { Input, Brace, Cell }

    private string Row(RowEnd end)
    {
        var row = new StringBuilder();
        while (true)
        {
            SkipSpaces();
            if (_pos >= _tex.Length)
            {
                if (end == RowEnd.Brace)
                    throw new TexNotSupportedException("a { without its }");
                return row.ToString();
            }

            char c = _tex[_pos];
            if (c == '}')
            {
                if (end != RowEnd.Brace)
                    throw new TexNotSupportedException("a } without its {");
                _pos++;
                return row.ToString();
            }

            if (c == '&' || At("\\\\") || AtWord("end"))
            {
                if (end != RowEnd.Cell)
                    throw new TexNotSupportedException($"{(c == '&' ? "&" : AtWord("end") ? "\\end" : "\\\\")} outside a matrix or cases environment");
                return row.ToString();
            }

            if (AtWord("right"))
            {
                if (_openLefts == 0)
                    throw new TexNotSupportedException("\\right without \\left");
                return row.ToString();
            }

            row.Append(ScriptedAtom());
        }
    }

    /// <summary>An atom with its subscript, superscript and primes; large operators put them under and over.</summary>
    private string ScriptedAtom()
    {
        var (nucleus, limits, function) = ReadAtom();
        string? sub = null, sup = null;
        while (true)
        {
            SkipSpaces();
            if (AcceptWord("limits")) limits = true;
            else if (AcceptWord("nolimits")) limits = false;
            else if (sub is null && Accept('_')) sub = Argument();
            else if (sup is null && Accept('^')) sup = Argument();
            else if (Accept('\'')) sup = (sup ?? "") + "<mo>′</mo>";
            else break;
        }

        // log, exp, tanh...: TeX's thin space before an argument that is not parenthesised (after tanh^2 too).
        string space = function && !AtArgumentInParentheses() ? Space(0.167) : "";
        if (sub is null && sup is null)
            return nucleus + space;
        string tag = (limits, sub, sup) switch
        {
            (true, not null, not null) => "munderover",
            (true, not null, null) => "munder",
            (true, null, _) => "mover",
            (false, not null, not null) => "msubsup",
            (false, not null, null) => "msub",
            _ => "msup",
        };
        return $"<{tag}>{nucleus}{Wrap(sub)}{Wrap(sup)}</{tag}>{space}";

        static string Wrap(string? script) => script is null ? "" : $"<mrow>{script}</mrow>";
    }

    /// <summary>What one atom became: its MathML, whether scripts go under and over it (∑), whether it is a named function (log).</summary>
    private readonly record struct Atom(string MathMl, bool Limits = false, bool IsFunction = false);

    private Atom ReadAtom()
    {
        char c = _tex[_pos];
        if (c is '^' or '_')
            return new("<mrow></mrow>"); // a script with nothing before it, as in {}^2 or x_a_b
        if (c == '\\')
            return Command();
        if (c == '{')
        {
            _pos++;
            return new($"<mrow>{Row(RowEnd.Brace)}</mrow>");
        }

        if (char.IsAsciiDigit(c) || c == '.' && _pos + 1 < _tex.Length && char.IsAsciiDigit(_tex[_pos + 1]))
            return new(Number());
        _pos++;
        return new(Character(c));
    }

    private string Character(char c) => c switch
    {
        _ when char.IsLetter(c) => Identifier(c.ToString()),
        _ when char.IsAsciiDigit(c) => $"<mn>{c}</mn>",
        '-' => Operator("−"),
        '*' => Operator("∗"),
        '\'' => Operator("′"),
        '~' => Space(0.25),
        '(' or ')' or '[' or ']' or '|' => $"<mo stretchy=\"false\">{c}</mo>", // only \left and \right stretch, as in TeX
        _ when Operators.Contains(c) || char.IsSymbol(c) || char.IsPunctuation(c) => Operator(c.ToString()),
        _ => throw new TexNotSupportedException($"the character '{c}'"),
    };

    private string Number()
    {
        int start = _pos;
        bool point = false;
        while (_pos < _tex.Length && (char.IsAsciiDigit(_tex[_pos])
                                      || !point && _tex[_pos] == '.' && _pos + 1 < _tex.Length && char.IsAsciiDigit(_tex[_pos + 1])))
        {
            point |= _tex[_pos] == '.';
            _pos++;
        }

        return $"<mn>{_tex[start.._pos]}</mn>";
    }

    private Atom Command()
    {
        string word = ControlWord();
        if (TexSymbols.Spaces.TryGetValue(word, out double em)) return new(Space(em));
        if (TexSymbols.Ignored.Contains(word)) return new("");
        if (TexSymbols.Identifiers.TryGetValue(word, out string? letter)) return new(Identifier(letter));
        if (TexSymbols.Operators.TryGetValue(word, out string? symbol)) return new(Operator(symbol));
        if (TexSymbols.LargeOperators.TryGetValue(word, out string? large)) return new(LimitsOperator(large), Limits: true);
        if (TexSymbols.Integrals.TryGetValue(word, out string? integral)) return new(Operator(integral));
        if (TexSymbols.Functions.Contains(word)) return new($"<mi>{word}</mi>", IsFunction: true);
        if (TexSymbols.Accents.TryGetValue(word, out var accent))
        {
            string argument = Argument();
            return accent.Under
                ? new($"<munder accentunder=\"true\"><mrow>{argument}</mrow>{Operator(accent.Mark)}</munder>")
                : new($"<mover accent=\"true\"><mrow>{argument}</mrow>{Operator(accent.Mark)}</mover>");
        }

        return word switch
        {
            "frac" or "dfrac" or "tfrac" or "cfrac" => new($"<mfrac><mrow>{Argument()}</mrow><mrow>{Argument()}</mrow></mfrac>"),
            "binom" => new($"<mrow>{Operator("(")}<mfrac linethickness=\"0\"><mrow>{Argument()}</mrow><mrow>{Argument()}</mrow></mfrac>{Operator(")")}</mrow>"),
            "sqrt" => new(Root()),
            "operatorname" => OperatorName(),
            "text" or "textrm" or "textit" or "textbf" or "mbox" => new(Text()),
            "mathrm" or "mathsf" or "mathtt" => new($"<mrow>{Upright()}</mrow>"),
            "mathbf" => new($"<mrow style=\"font-weight:bold\">{Upright()}</mrow>"),
            "boldsymbol" or "bm" => new($"<mrow style=\"font-weight:bold\">{Argument()}</mrow>"),
            "mathit" => new($"<mrow>{Argument()}</mrow>"),
            "mathbb" => new($"<mrow>{Alphabet(TexSymbols.DoubleStruck)}</mrow>"),
            "mathcal" => new($"<mrow>{Alphabet(TexSymbols.Calligraphic)}</mrow>"),
            "overset" or "stackrel" => new(Over("mover")),
            "underset" => new(Over("munder")),
            "left" => new(LeftRight()),
            "begin" => new(Environment()),
            "not" when Accept('=') => new(Operator("≠")),
            _ => throw new TexNotSupportedException($"\\{word}"),
        };
    }

    /// <summary>A braced group or a single token: what follows ^, _, \frac and friends.</summary>
    private string Argument()
    {
        SkipSpaces();
        if (_pos >= _tex.Length)
            throw new TexNotSupportedException("an argument is missing at the end");
        if (Accept('{'))
            return Row(RowEnd.Brace);
        if (_tex[_pos] == '}')
            throw new TexNotSupportedException("an argument is missing before }");
        if (_tex[_pos] == '\\')
            return Command().MathMl;
        return Character(_tex[_pos++]);
    }

    private string Root()
    {
        SkipSpaces();
        if (!Accept('['))
            return $"<msqrt>{Argument()}</msqrt>";
        int close = _tex.IndexOf(']', _pos);
        if (close < 0)
            throw new TexNotSupportedException("\\sqrt[ without its ]");
        string index = new TexToMathMl(_tex[_pos..close]).Row(RowEnd.Input);
        _pos = close + 1;
        return $"<mroot><mrow>{Argument()}</mrow><mrow>{index}</mrow></mroot>";
    }

    private Atom OperatorName()
    {
        bool limits = Accept('*');
        string name = BracedText().Replace(@"\,", " ").Replace(@"\;", " ").Replace(@"\ ", " ").Replace(@"\!", "");
        return limits ? new(LimitsOperator(name), Limits: true) : new($"<mi>{Html.Escape(name)}</mi>");
    }

    private string Text() => $"<mtext>{Html.Escape(BracedText())}</mtext>";

    private string Upright()
    {
        bool outer = _upright;
        _upright = true;
        try
        {
            return Argument();
        }
        finally
        {
            _upright = outer;
        }
    }

    private string Alphabet(IReadOnlyDictionary<char, string> letters)
    {
        var row = new StringBuilder();
        foreach (char c in BracedText().Where(c => !char.IsWhiteSpace(c)))
            row.Append(letters.TryGetValue(c, out string? styled) ? $"<mi>{styled}</mi>" : $"<mi mathvariant=\"normal\">{Html.Escape(c.ToString())}</mi>");
        return row.ToString();
    }

    private string Over(string tag)
    {
        string script = Argument();
        string nucleus = Argument();
        return $"<{tag}><mrow>{nucleus}</mrow><mrow>{script}</mrow></{tag}>";
    }

    private string LeftRight()
    {
        string open = Delimiter();
        _openLefts++;
        string inner = Row(RowEnd.Input);
        _openLefts--;
        if (!AcceptWord("right"))
            throw new TexNotSupportedException("\\left without \\right");
        string close = Delimiter();
        return $"<mrow>{Fence(open, "prefix")}{inner}{Fence(close, "postfix")}</mrow>";
    }

    private string Delimiter()
    {
        SkipSpaces();
        if (_pos >= _tex.Length)
            throw new TexNotSupportedException("a delimiter is missing after \\left or \\right");
        if (_tex[_pos] != '\\')
        {
            char c = _tex[_pos++];
            return c == '.' ? "" : "()[]|/".Contains(c) ? c.ToString() : throw new TexNotSupportedException($"'{c}' as a delimiter");
        }

        string word = ControlWord();
        return TexSymbols.Operators.TryGetValue(word, out string? symbol) ? symbol : throw new TexNotSupportedException($"\\{word} as a delimiter");
    }

    private static string Fence(string delimiter, string form) =>
        delimiter.Length == 0 ? "" : $"<mo fence=\"true\" stretchy=\"true\" form=\"{form}\">{Html.Escape(delimiter)}</mo>";

    /// <summary>matrix, pmatrix, bmatrix, vmatrix, cases, aligned and array: rows split by \\, cells by &amp;.</summary>
    private string Environment()
    {
        string name = BracedText();
        if (!TexSymbols.Environments.TryGetValue(name, out var fences))
            throw new TexNotSupportedException($"the environment {name}");
        if (name == "array")
            BracedText(); // the column specification: the browser aligns columns well enough by itself

        string alignment = name switch
        {
            "cases" => " columnalign=\"left left\"",
            "aligned" or "align" or "align*" or "split" => " columnalign=\"right left right left\"",
            _ => "",
        };
        var table = new StringBuilder($"<mtable{alignment}>");
        while (true)
        {
            var cells = new List<string> { Row(RowEnd.Cell) };
            while (Accept('&'))
                cells.Add(Row(RowEnd.Cell));
            bool lastRow = !AcceptCommand("\\\\");
            if (!(lastRow && cells is [{ Length: 0 }]))
                table.Append("<mtr>").AppendJoin("", cells.Select(cell => $"<mtd>{cell}</mtd>")).Append("</mtr>");
            if (!lastRow)
                continue;
            if (!AcceptWord("end"))
                throw new TexNotSupportedException($"\\begin{{{name}}} without \\end{{{name}}}");
            string end = BracedText();
            if (end != name)
                throw new TexNotSupportedException($"\\begin{{{name}}} closed by \\end{{{end}}}");
            break;
        }

        table.Append("</mtable>");
        return $"<mrow>{Fence(fences.Open, "prefix")}{table}{Fence(fences.Close, "postfix")}</mrow>";
    }

    private bool AtArgumentInParentheses()
    {
        SkipSpaces();
        return _pos < _tex.Length && _tex[_pos] == '(' || AtWord("left");
    }

    private string Identifier(string text) =>
        _upright && text.Length == 1 ? $"<mi mathvariant=\"normal\">{Html.Escape(text)}</mi>" : $"<mi>{Html.Escape(text)}</mi>";

    private static string Operator(string text) => $"<mo>{Html.Escape(text)}</mo>";

    private static string LimitsOperator(string text) => $"<mo movablelimits=\"true\" form=\"prefix\">{Html.Escape(text)}</mo>";

    private static string Space(double em) => $"<mspace width=\"{em.ToString(System.Globalization.CultureInfo.InvariantCulture)}em\"></mspace>";

    // ---------------------------------------------------------------- reading

    /// <summary>After a backslash: a run of letters, or one other character (\, \{ \\).</summary>
    private string ControlWord()
    {
        if (_tex[_pos] == '\\')
            _pos++;
        if (_pos >= _tex.Length)
            throw new TexNotSupportedException("a lone \\ at the end");
        int start = _pos;
        if (!char.IsAsciiLetter(_tex[_pos]))
            return _tex[_pos++].ToString();
        while (_pos < _tex.Length && char.IsAsciiLetter(_tex[_pos]))
            _pos++;
        return _tex[start.._pos];
    }

    /// <summary>The raw text of a braced argument (balanced braces inside), or a single character.</summary>
    private string BracedText()
    {
        SkipSpaces();
        if (_pos >= _tex.Length)
            throw new TexNotSupportedException("an argument is missing at the end");
        if (!Accept('{'))
            return _tex[_pos++].ToString();
        int start = _pos, depth = 1;
        for (; _pos < _tex.Length; _pos++)
        {
            if (_tex[_pos] == '\\') _pos++;
            else if (_tex[_pos] == '{') depth++;
            else if (_tex[_pos] == '}' && --depth == 0) return _tex[start.._pos++];
        }

        throw new TexNotSupportedException("a { without its }");
    }

    private void SkipSpaces()
    {
        while (_pos < _tex.Length && char.IsWhiteSpace(_tex[_pos]))
            _pos++;
    }

    private bool Accept(char c)
    {
        SkipSpaces();
        if (_pos >= _tex.Length || _tex[_pos] != c)
            return false;
        _pos++;
        return true;
    }

    private bool At(string text) => string.CompareOrdinal(_tex, _pos, text, 0, text.Length) == 0;

    /// <summary>At \word, not followed by more letters (so \right does not match \rightarrow).</summary>
    private bool AtWord(string word) =>
        At("\\" + word) && (_pos + word.Length + 1 >= _tex.Length || !char.IsAsciiLetter(_tex[_pos + word.Length + 1]));

    private bool AcceptWord(string word)
    {
        SkipSpaces();
        if (!AtWord(word))
            return false;
        _pos += word.Length + 1;
        return true;
    }

    private bool AcceptCommand(string command)
    {
        SkipSpaces();
        if (!At(command))
            return false;
        _pos += command.Length;
        return true;
    }
}
