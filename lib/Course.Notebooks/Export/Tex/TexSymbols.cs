using System.Collections.Frozen;

namespace Course.Notebooks.Export.Tex;

/// <summary>
/// What the TeX control words used in course notebooks stand for. Letters (Greek, ℓ, ∞...) become
/// <c>&lt;mi&gt;</c>, operators and relations <c>&lt;mo&gt;</c>, named functions upright <c>&lt;mi&gt;</c>.
/// </summary>
internal static class TexSymbols
{
    public static readonly FrozenDictionary<string, string> Identifiers = new Dictionary<string, string>
    {
        ["alpha"] = "α", ["beta"] = "β", ["gamma"] = "γ", ["delta"] = "δ", ["epsilon"] = "ϵ", ["varepsilon"] = "ε",
        ["zeta"] = "ζ", ["eta"] = "η", ["theta"] = "θ", ["vartheta"] = "ϑ", ["iota"] = "ι", ["kappa"] = "κ",
        ["lambda"] = "λ", ["mu"] = "μ", ["nu"] = "ν", ["xi"] = "ξ", ["pi"] = "π", ["rho"] = "ρ", ["sigma"] = "σ",
        ["tau"] = "τ", ["upsilon"] = "υ", ["phi"] = "ϕ", ["varphi"] = "φ", ["chi"] = "χ", ["psi"] = "ψ", ["omega"] = "ω",
        ["Gamma"] = "Γ", ["Delta"] = "Δ", ["Theta"] = "Θ", ["Lambda"] = "Λ", ["Xi"] = "Ξ", ["Pi"] = "Π", ["Sigma"] = "Σ",
        ["Upsilon"] = "Υ", ["Phi"] = "Φ", ["Psi"] = "Ψ", ["Omega"] = "Ω",
        ["ell"] = "ℓ", ["infty"] = "∞", ["partial"] = "∂", ["nabla"] = "∇", ["emptyset"] = "∅", ["varnothing"] = "∅",
        ["hbar"] = "ℏ", ["Re"] = "ℜ", ["Im"] = "ℑ",
    }.ToFrozenDictionary();

    public static readonly FrozenDictionary<string, string> Operators = new Dictionary<string, string>
    {
        ["cdot"] = "⋅", ["times"] = "×", ["div"] = "÷", ["pm"] = "±", ["mp"] = "∓", ["ast"] = "∗", ["star"] = "⋆",
        ["circ"] = "∘", ["bullet"] = "∙", ["odot"] = "⊙", ["otimes"] = "⊗", ["oplus"] = "⊕", ["setminus"] = "∖",
        ["cup"] = "∪", ["cap"] = "∩", ["land"] = "∧", ["wedge"] = "∧", ["lor"] = "∨", ["vee"] = "∨", ["neg"] = "¬", ["lnot"] = "¬",
        ["le"] = "≤", ["leq"] = "≤", ["ge"] = "≥", ["geq"] = "≥", ["ne"] = "≠", ["neq"] = "≠", ["ll"] = "≪", ["gg"] = "≫",
        ["approx"] = "≈", ["sim"] = "∼", ["simeq"] = "≃", ["cong"] = "≅", ["equiv"] = "≡", ["propto"] = "∝",
        ["in"] = "∈", ["notin"] = "∉", ["ni"] = "∋", ["subset"] = "⊂", ["subseteq"] = "⊆", ["supset"] = "⊃", ["supseteq"] = "⊇",
        ["to"] = "→", ["rightarrow"] = "→", ["leftarrow"] = "←", ["gets"] = "←", ["leftrightarrow"] = "↔", ["mapsto"] = "↦",
        ["Rightarrow"] = "⇒", ["Leftarrow"] = "⇐", ["Leftrightarrow"] = "⇔", ["implies"] = "⟹", ["iff"] = "⟺",
        ["forall"] = "∀", ["exists"] = "∃", ["mid"] = "|", ["parallel"] = "∥", ["perp"] = "⊥",
        ["top"] = "⊤", ["intercal"] = "⊺", ["prime"] = "′",
        ["ldots"] = "…", ["dots"] = "…", ["cdots"] = "⋯", ["vdots"] = "⋮", ["ddots"] = "⋱",
        ["colon"] = ":", ["vert"] = "|", ["Vert"] = "‖", ["lvert"] = "|", ["rvert"] = "|", ["lVert"] = "‖", ["rVert"] = "‖",
        ["langle"] = "⟨", ["rangle"] = "⟩", ["lfloor"] = "⌊", ["rfloor"] = "⌋", ["lceil"] = "⌈", ["rceil"] = "⌉",
        ["lbrace"] = "{", ["rbrace"] = "}", ["{"] = "{", ["}"] = "}", ["|"] = "‖",
        ["%"] = "%", ["#"] = "#", ["&"] = "&", ["_"] = "_", ["$"] = "$",
    }.ToFrozenDictionary();

    /// <summary>Operators written above/below their argument in display style (∑ᵢ, max over x).</summary>
    public static readonly FrozenDictionary<string, string> LargeOperators = new Dictionary<string, string>
    {
        ["sum"] = "∑", ["prod"] = "∏", ["coprod"] = "∐", ["bigcup"] = "⋃", ["bigcap"] = "⋂",
        ["lim"] = "lim", ["max"] = "max", ["min"] = "min", ["sup"] = "sup", ["inf"] = "inf",
        ["argmax"] = "arg max", ["argmin"] = "arg min", ["limsup"] = "lim sup", ["liminf"] = "lim inf",
    }.ToFrozenDictionary();

    /// <summary>Integrals take their limits as scripts even in display style.</summary>
    public static readonly FrozenDictionary<string, string> Integrals = new Dictionary<string, string>
    {
        ["int"] = "∫", ["iint"] = "∬", ["oint"] = "∮",
    }.ToFrozenDictionary();

    public static readonly FrozenSet<string> Functions = new[]
    {
        "log", "ln", "exp", "sin", "cos", "tan", "sinh", "cosh", "tanh", "arcsin", "arccos", "arctan",
        "det", "dim", "ker", "deg", "gcd", "Pr", "sec", "csc", "cot", "arg", "sgn",
    }.ToFrozenSet();

    /// <summary>Accents: the mark drawn over (or under) the argument.</summary>
    public static readonly FrozenDictionary<string, (string Mark, bool Under)> Accents = new Dictionary<string, (string, bool)>
    {
        ["hat"] = ("^", false), ["widehat"] = ("^", false), ["bar"] = ("‾", false), ["overline"] = ("‾", false),
        ["tilde"] = ("~", false), ["widetilde"] = ("~", false), ["vec"] = ("→", false), ["dot"] = ("˙", false),
        ["ddot"] = ("¨", false), ["check"] = ("ˇ", false), ["breve"] = ("˘", false), ["acute"] = ("´", false), ["grave"] = ("`", false),
        ["underline"] = ("_", true), ["overbrace"] = ("⏞", false), ["underbrace"] = ("⏟", true),
    }.ToFrozenDictionary();

    /// <summary>Horizontal spaces in em.</summary>
    public static readonly FrozenDictionary<string, double> Spaces = new Dictionary<string, double>
    {
        [","] = 0.167, [":"] = 0.222, [">"] = 0.222, [";"] = 0.278, [" "] = 0.25, ["quad"] = 1, ["qquad"] = 2, ["!"] = -0.167,
        ["enspace"] = 0.5, ["thinspace"] = 0.167,
    }.ToFrozenDictionary();

    /// <summary>Words that change how things look but not what they say; the translation leaves them out.</summary>
    public static readonly FrozenSet<string> Ignored = new[]
    {
        "displaystyle", "textstyle", "scriptstyle", "limits", "nolimits", "big", "Big", "bigg", "Bigg",
        "bigl", "bigr", "Bigl", "Bigr", "biggl", "biggr", "Biggl", "Biggr", "middle",
    }.ToFrozenSet();

    /// <summary>Letters of \mathbb and \mathcal; other letters fall back to the upright letter.</summary>
    public static readonly FrozenDictionary<char, string> DoubleStruck = new Dictionary<char, string>
    {
        ['R'] = "ℝ", ['N'] = "ℕ", ['Z'] = "ℤ", ['Q'] = "ℚ", ['C'] = "ℂ", ['E'] = "𝔼", ['P'] = "ℙ", ['1'] = "𝟙",
    }.ToFrozenDictionary();

    public static readonly FrozenDictionary<char, string> Calligraphic = new Dictionary<char, string>
    {
        ['A'] = "𝒜", ['B'] = "ℬ", ['C'] = "𝒞", ['D'] = "𝒟", ['E'] = "ℰ", ['F'] = "ℱ", ['G'] = "𝒢", ['H'] = "ℋ", ['I'] = "ℐ",
        ['L'] = "ℒ", ['M'] = "ℳ", ['N'] = "𝒩", ['O'] = "𝒪", ['P'] = "𝒫", ['R'] = "ℛ", ['S'] = "𝒮", ['T'] = "𝒯", ['X'] = "𝒳",
    }.ToFrozenDictionary();

    /// <summary>Matrix-like environments and the fences drawn around them.</summary>
    public static readonly FrozenDictionary<string, (string Open, string Close)> Environments = new Dictionary<string, (string, string)>
    {
        ["matrix"] = ("", ""), ["pmatrix"] = ("(", ")"), ["bmatrix"] = ("[", "]"), ["Bmatrix"] = ("{", "}"),
        ["vmatrix"] = ("|", "|"), ["Vmatrix"] = ("‖", "‖"), ["cases"] = ("{", ""), ["array"] = ("", ""),
        ["aligned"] = ("", ""), ["align"] = ("", ""), ["align*"] = ("", ""), ["gathered"] = ("", ""), ["split"] = ("", ""),
    }.ToFrozenDictionary();
}
