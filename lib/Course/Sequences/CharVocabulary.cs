using System.Text;

namespace Course.Sequences;

/// <summary>
/// The characters of a word list as token indices, for character-level language models and classifiers.
/// Index 0 is padding (so a batch of words of unequal lengths can be right-padded, see <see cref="SequencePadding"/>),
/// index 1 marks a word's start and end (makemore's "."; a model learns to end a word by predicting it),
/// and the characters follow from index 2 in ordinal order, so the same words always give the same indices.
/// A character counts as one UTF-16 code unit (every letter of the course's word lists is one).
/// </summary>
public sealed class CharVocabulary
{
    /// <summary>Fills the positions after a sequence's end; never a character.</summary>
    public const long Padding = 0;

    /// <summary>A word's start and end for a character language model; never a character.</summary>
    public const long Boundary = 1;

    private const int FirstCharacter = 2;

    private readonly char[] _characters;
    private readonly Dictionary<char, long> _indices;

    private CharVocabulary(char[] characters)
    {
        _characters = characters;
        _indices = new Dictionary<char, long>(characters.Length);
        for (var i = 0; i < characters.Length; i++) _indices[characters[i]] = FirstCharacter + i;
    }

    /// <summary>
    /// Every character that occurs in <paramref name="words"/>. An empty word is refused (it has nothing to
    /// learn from and usually means a blank line got through).
    /// </summary>
    public static CharVocabulary FromWords(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var seen = new HashSet<char>();
        var count = 0;
        foreach (var word in words)
        {
            if (string.IsNullOrEmpty(word))
                throw new ArgumentException($"CharVocabulary.FromWords: word {count} is {(word is null ? "null" : "empty")}; every word needs at least one character.", nameof(words));
            foreach (var c in word) seen.Add(c);
            count++;
        }
        if (count == 0) throw new ArgumentException("CharVocabulary.FromWords: no words given, so there are no characters to index.", nameof(words));
        var characters = seen.ToArray();
        Array.Sort(characters, (a, b) => a.CompareTo(b));
        return new CharVocabulary(characters);
    }

    /// <summary>The number of indices, the two special tokens included: a model's embedding and output size.</summary>
    public int Count => FirstCharacter + _characters.Length;

    /// <summary>The characters in index order: <c>Characters[i]</c> has index <c>i + 2</c>.</summary>
    public IReadOnlyList<char> Characters => _characters;

    /// <summary>The index of <paramref name="c"/>; an <see cref="ArgumentException"/> if it is not in the vocabulary.</summary>
    public long IndexOf(char c) =>
        _indices.TryGetValue(c, out var index)
            ? index
            : throw new ArgumentException($"Character {Describe(c)} is not in the vocabulary ({Count} indices: padding, boundary and {Summary()}).", nameof(c));

    /// <summary>Whether every character of <paramref name="word"/> is in the vocabulary (false for an empty word).</summary>
    public bool Covers(string word) => !string.IsNullOrEmpty(word) && word.All(_indices.ContainsKey);

    /// <summary>
    /// The indices of <paramref name="word"/>'s characters, without the boundary token (a language model adds
    /// it where its inputs and targets need it). Throws, naming the word, the character and its position, if a
    /// character is not in the vocabulary, and for an empty word.
    /// </summary>
    public long[] Encode(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length == 0) throw new ArgumentException("Cannot encode an empty word: it has no characters.", nameof(word));
        var indices = new long[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            if (!_indices.TryGetValue(word[i], out indices[i]))
                throw new ArgumentException(
                    $"Word \"{word}\" has character {Describe(word[i])} at position {i}, which is not in the vocabulary ({Count} indices: padding, boundary and {Summary()}). " +
                    "Build the vocabulary from words that include it, or filter words with Covers.", nameof(word));
        }
        return indices;
    }

    /// <summary>
    /// The characters of <paramref name="indices"/>: padding is skipped and the first boundary ends the word, so
    /// a model's sampled continuation decodes as it stands. (Leave out the boundary a generation starts from.)
    /// </summary>
    public string Decode(IEnumerable<long> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var text = new StringBuilder();
        var position = 0;
        foreach (var index in indices)
        {
            if (index == Boundary) break;
            if (index != Padding)
            {
                if (index < FirstCharacter || index >= Count)
                    throw new ArgumentException($"Index {index} at position {position} is not in the vocabulary (indices 0 to {Count - 1}).", nameof(indices));
                text.Append(_characters[index - FirstCharacter]);
            }
            position++;
        }
        return text.ToString();
    }

    public override string ToString() => $"CharVocabulary: {Count} indices (0 padding, 1 boundary, {Summary()})";

    private string Summary()
    {
        const int Shown = 60;
        var shown = new string(_characters.Take(Shown).ToArray());
        return $"{_characters.Length} characters \"{shown}{(_characters.Length > Shown ? "…" : "")}\"";
    }

    private static string Describe(char c) =>
        char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c)
            ? $"U+{(int)c:X4}"
            : $"'{c}' (U+{(int)c:X4})";
}
