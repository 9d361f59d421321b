using static TorchSharp.torch;

namespace Course.Sequences;

/// <summary>
/// Batches of sequences of unequal lengths, as a recurrent network takes them: right-padded into one int64
/// tensor [B, T], with each row's true length recovered for
/// <c>torch.nn.utils.rnn.pack_padded_sequence(input, lengths, batch_first: true, enforce_sorted: false)</c>
/// (so the network never reads the padding) and a mask for losses that must ignore it.
/// </summary>
public static class SequencePadding
{
    /// <summary>
    /// The sequences as rows of an int64 tensor [B, T], each followed by <paramref name="padValue"/> up to
    /// T = <paramref name="length"/>, or the longest sequence's length when it is null. A sequence may not be
    /// empty, nor hold the pad value itself: its padding would then be indistinguishable from its tokens.
    /// </summary>
    public static Tensor Pad(IReadOnlyList<long[]> sequences, long padValue = CharVocabulary.Padding, int? length = null)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        if (sequences.Count == 0) throw new ArgumentException("Pad: no sequences given; a batch needs at least one.", nameof(sequences));
        if (length is <= 0) throw new ArgumentOutOfRangeException(nameof(length), $"Pad: length must be positive, got {length}.");
        var longest = 0;
        for (var i = 0; i < sequences.Count; i++)
        {
            var sequence = sequences[i] ?? throw new ArgumentException($"Pad: sequence {i} is null.", nameof(sequences));
            if (sequence.Length == 0)
                throw new ArgumentException($"Pad: sequence {i} is empty; every row needs at least one real token (packing refuses length 0).", nameof(sequences));
            var at = Array.IndexOf(sequence, padValue);
            if (at >= 0)
                throw new ArgumentException($"Pad: sequence {i} holds the pad value {padValue} at position {at}; its padding could not be told from its tokens.", nameof(sequences));
            if (length is { } limit && sequence.Length > limit)
                throw new ArgumentException($"Pad: sequence {i} has {sequence.Length} tokens, more than length {limit}; pass a larger length or shorten it.", nameof(sequences));
            longest = Math.Max(longest, sequence.Length);
        }

        var width = length ?? longest;
        var values = new long[sequences.Count * width];
        Array.Fill(values, padValue);
        for (var i = 0; i < sequences.Count; i++) sequences[i].CopyTo(values, i * width);
        return tensor(values, [sequences.Count, width]);
    }

    /// <summary>
    /// Each row's length, int64 [B], on the CPU as <c>pack_padded_sequence</c> wants it: the positions before
    /// the trailing padding. Refuses a row that is all padding or has a token after padding (not right-padded).
    /// </summary>
    public static Tensor Lengths(Tensor padded, long padValue = CharVocabulary.Padding)
    {
        ArgumentNullException.ThrowIfNull(padded);
        if (padded.dim() != 2 || padded.dtype != ScalarType.Int64)
            throw new ArgumentException($"Lengths: expected an int64 tensor [B, T] of token indices, got {padded.dtype} [{string.Join(", ", padded.shape)}].", nameof(padded));
        var (rows, width) = ((int)padded.shape[0], (int)padded.shape[1]);
        var values = padded.cpu().data<long>().ToArray();
        var lengths = new long[rows];
        for (var r = 0; r < rows; r++)
        {
            var row = values.AsSpan(r * width, width);
            var firstPad = row.IndexOf(padValue);
            var length = firstPad < 0 ? width : firstPad;
            if (length == 0)
                throw new ArgumentException($"Lengths: row {r} starts with padding ({padValue}); every row needs at least one real token.", nameof(padded));
            var after = row[length..].IndexOfAnyExcept(padValue);
            if (after >= 0)
                throw new ArgumentException(
                    $"Lengths: row {r} has padding ({padValue}) at position {length} followed by token {row[length + after]} at position {length + after}; rows must be right-padded.", nameof(padded));
            lengths[r] = length;
        }
        return tensor(lengths);
    }

    /// <summary>
    /// A bool mask [B, <paramref name="maxLength"/>], true on each row's first <c>lengths[b]</c> positions (the real
    /// tokens) and false on the padding, on the device of <paramref name="lengths"/>.
    /// </summary>
    public static Tensor Mask(Tensor lengths, long maxLength)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        if (lengths.dim() != 1 || lengths.dtype != ScalarType.Int64)
            throw new ArgumentException($"Mask: expected int64 lengths [B], got {lengths.dtype} [{string.Join(", ", lengths.shape)}].", nameof(lengths));
        if (maxLength <= 0) throw new ArgumentOutOfRangeException(nameof(maxLength), $"Mask: maxLength must be positive, got {maxLength}.");
        var values = lengths.cpu().data<long>().ToArray();
        for (var b = 0; b < values.Length; b++)
            if (values[b] < 0 || values[b] > maxLength)
                throw new ArgumentException($"Mask: length {values[b]} of row {b} is outside 0 to maxLength {maxLength}.", nameof(lengths));
        using var positions = arange(maxLength, dtype: ScalarType.Int64, device: lengths.device);
        return positions.unsqueeze(0) < lengths.unsqueeze(1);
    }
}
