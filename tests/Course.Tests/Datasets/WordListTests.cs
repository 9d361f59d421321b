using System.Text;
using Course.Datasets;
using Course.Sequences;

namespace Course.Tests.Datasets;

public sealed class WordListTests : IDisposable
{
    private readonly TempIdxFolder _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Each_committed_sample_has_4000_distinct_lowercase_words_of_one_language()
    {
        Assert.Equal(["english", "german", "french", "italian", "spanish", "dutch", "polish"], Data.WordLanguages);
        var all = new HashSet<string>();
        foreach (var language in Data.WordLanguages)
        {
            var words = Data.Words(language);
            Assert.Equal(4000, words.Count);
            Assert.Equal(4000, words.Distinct().Count());
            Assert.All(words, word => Assert.True(word.Length is >= 2 and <= 20 && word.All(char.IsLetter) && word == word.ToLowerInvariant(), $"{language}: \"{word}\""));
            var vocabulary = CharVocabulary.FromWords(words);
            Assert.All(words, word => Assert.True(vocabulary.Covers(word)));
            all.UnionWith(words);
        }
        Assert.Equal(7 * 4000, all.Count); // no word is in two samples
    }

    [Fact]
    public void Root_is_searched_first_by_language_name_then_by_Debian_name_skipping_blank_lines()
    {
        _files.Write("german.txt", Encoding.UTF8.GetBytes("Äpfel\n\n  straße \r\n"));
        Assert.Equal(["Äpfel", "straße"], Data.Words("German", _files.Path));
        _files.Write("polish", Encoding.UTF8.GetBytes("żółw\n"));
        Assert.Equal(["żółw"], Data.Words("polish", _files.Path));
        // Not in root: the committed sample.
        Assert.Equal(4000, Data.Words("dutch", _files.Path).Count);
        _files.Write("french.txt", Encoding.UTF8.GetBytes("\n \n"));
        Assert.Contains("no words", Assert.Throws<InvalidDataException>(() => Data.Words("french", _files.Path)).Message);
    }

    [Fact]
    public void An_unknown_language_lists_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => Data.Words("klingon"));
        Assert.Contains("\"klingon\"", error.Message);
        Assert.Contains("english, german, french, italian, spanish, dutch, polish", error.Message);
    }

    [Fact]
    public void A_missing_list_names_every_place_and_the_package()
    {
        var candidates = WordLists.Candidates("german", _files.Path);
        Assert.Equal(Path.Combine(_files.Path, "german.txt"), candidates[0]);
        Assert.Equal(Path.Combine(_files.Path, "ngerman"), candidates[1]);
        Assert.Equal("/usr/share/dict/ngerman", candidates[^1]);

        var error = Assert.Throws<FileNotFoundException>(() => WordLists.Find("german", candidates.Take(2)));
        Assert.Contains($"Looked in: {candidates[0]}, {candidates[1]}", error.Message);
        Assert.Contains("sudo apt-get install wngerman", error.Message);
    }
}
