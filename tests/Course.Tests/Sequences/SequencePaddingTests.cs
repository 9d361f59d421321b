using Course.Sequences;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Tests.Sequences;

public class SequencePaddingTests
{
    private static readonly long[][] Words = [[5, 6, 7], [8], [9, 10]];

    [Fact]
    public void Pad_right_pads_to_the_longest_and_lengths_and_mask_recover_the_rows()
    {
        var padded = Pad(Words);
        Assert.Equal(new long[] { 3, 3 }, padded.shape);
        Assert.Equal(new long[] { 5, 6, 7, 8, 0, 0, 9, 10, 0 }, padded.data<long>().ToArray());
        var lengths = SequencePadding.Lengths(padded);
        Assert.Equal(new long[] { 3, 1, 2 }, lengths.data<long>().ToArray());
        Assert.Equal(new[] { true, true, true, true, false, false, true, true, false },
            SequencePadding.Mask(lengths, 3).data<bool>().ToArray());
        Assert.Equal(new long[] { 3, 5 }, Pad(Words, length: 5).shape);
    }

    private static Tensor Pad(long[][] words, int? length = null) => SequencePadding.Pad(words, length: length);

    [Fact]
    public void Bad_batches_are_refused_with_the_row_named()
    {
        Assert.Throws<ArgumentException>(() => SequencePadding.Pad([]));
        Assert.Contains("sequence 1 is empty", Assert.Throws<ArgumentException>(() => SequencePadding.Pad([[1], []])).Message);
        Assert.Contains("sequence 0 has 3 tokens", Assert.Throws<ArgumentException>(() => Pad(Words, length: 2)).Message);
        Assert.Contains("pad value 0", Assert.Throws<ArgumentException>(() => SequencePadding.Pad([[4, 0, 4]])).Message);
        Assert.Contains("row 0 starts with padding", Assert.Throws<ArgumentException>(() => SequencePadding.Lengths(tensor(new long[,] { { 0, 3 } }))).Message);
        Assert.Contains("right-padded", Assert.Throws<ArgumentException>(() => SequencePadding.Lengths(tensor(new long[,] { { 2, 0, 3 } }))).Message);
        Assert.Contains("outside 0 to maxLength 2", Assert.Throws<ArgumentException>(() => SequencePadding.Mask(tensor(new long[] { 3 }), 2)).Message);
    }

    [Fact]
    public void A_packed_padded_batch_gives_each_row_the_final_state_it_has_alone()
    {
        manual_seed(3);
        var embedding = nn.Embedding(11, 4);
        var lstm = nn.LSTM(4, 5, batchFirst: true);
        var padded = Pad(Words);
        using var packed = nn.utils.rnn.pack_padded_sequence(embedding.call(padded), SequencePadding.Lengths(padded), batch_first: true, enforce_sorted: false);
        var (_, batchHidden, _) = lstm.call(packed);

        for (var row = 0; row < Words.Length; row++)
        {
            var alone = embedding.call(tensor(Words[row]).unsqueeze(0));
            var (_, hidden, _) = lstm.call(alone);
            var difference = (batchHidden[0, row] - hidden[0, 0]).abs().max().item<float>();
            Assert.True(difference < 1e-6, $"row {row}: max difference {difference}");
        }
    }
}
