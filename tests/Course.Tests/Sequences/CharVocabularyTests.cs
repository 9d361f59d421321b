using Course.Sequences;

namespace Course.Tests.Sequences;

public class CharVocabularyTests
{
    private static readonly CharVocabulary Vocabulary = CharVocabulary.FromWords(["kot", "über", "tak"]);

    [Fact]
    public void Characters_follow_the_two_special_tokens_in_ordinal_order()
    {
        Assert.Equal("abekortü", new string([.. Vocabulary.Characters]));
        Assert.Equal(2 + 8, Vocabulary.Count);
        Assert.Equal(2, Vocabulary.IndexOf('a'));
        Assert.Equal(9, Vocabulary.IndexOf('ü'));
    }

    [Fact]
    public void Encode_and_decode_round_trip_and_decoding_stops_at_the_boundary()
    {
        var indices = Vocabulary.Encode("über");
        Assert.Equal(new long[] { 9, 3, 4, 7 }, indices);
        Assert.Equal("über", Vocabulary.Decode(indices));
        Assert.Equal("tak", Vocabulary.Decode([.. Vocabulary.Encode("tak"), CharVocabulary.Boundary, 5, 5]));
        Assert.Equal("kot", Vocabulary.Decode([.. Vocabulary.Encode("kot"), CharVocabulary.Padding, CharVocabulary.Padding]));
    }

    [Fact]
    public void A_character_outside_the_vocabulary_is_named_with_its_word_and_position()
    {
        var error = Assert.Throws<ArgumentException>(() => Vocabulary.Encode("straße"));
        Assert.Contains("\"straße\"", error.Message);
        Assert.Contains("'s' (U+0073)", error.Message);
        Assert.Contains("position 0", error.Message);
        Assert.Contains("10 indices", error.Message);
        Assert.False(Vocabulary.Covers("straße"));
        Assert.True(Vocabulary.Covers("okret"));
    }

    [Fact]
    public void IndexOf_an_unknown_character_and_the_summary_name_the_vocabulary()
    {
        var error = Assert.Throws<ArgumentException>(() => Vocabulary.IndexOf('ß'));
        Assert.Contains("'ß' (U+00DF)", error.Message);
        Assert.Contains("10 indices", error.Message);
        Assert.Contains("U+0020", Assert.Throws<ArgumentException>(() => Vocabulary.Encode("ta k")).Message);
        Assert.Equal("CharVocabulary: 10 indices (0 padding, 1 boundary, 8 characters \"abekortü\")", Vocabulary.ToString());
    }

    [Fact]
    public void Empty_words_and_unknown_indices_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Vocabulary.Encode(""));
        Assert.Throws<ArgumentException>(() => CharVocabulary.FromWords(["ok", ""]));
        Assert.Throws<ArgumentException>(() => CharVocabulary.FromWords([]));
        Assert.Contains("Index 10", Assert.Throws<ArgumentException>(() => Vocabulary.Decode([2, 10])).Message);
    }
}
