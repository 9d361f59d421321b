using Course.Torch.Serialization;
using static Course.Torch.torch;

namespace Course.Torch.Tests.Nn;

public class StateDictFormatTests
{
    internal static Dictionary<string, Tensor> Read(byte[] bytes) => StateDictFormat.Read(new MemoryStream(bytes));

    private static byte[] Write(Dictionary<string, Tensor> entries)
    {
        var stream = new MemoryStream();
        StateDictFormat.Write(stream, entries);
        return stream.ToArray();
    }

    /// <summary>{"w": float32 [1, -2], "n": int64 scalar 5}.</summary>
    private static readonly byte[] TwoEntries =
    [
        0x02,
        0x01, (byte)'w', 0x06, 0x01, 0x02, 0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0xC0,
        0x01, (byte)'n', 0x04, 0x00, 0x05, 0, 0, 0, 0, 0, 0, 0,
    ];

    private static string ErrorOf(byte[] bytes) => Assert.Throws<InvalidDataException>(() => Read(bytes)).Message;

    [Fact]
    public void Reads_a_hand_assembled_two_entry_file()
    {
        var dict = Read(TwoEntries);
        Assert.Equal(["w", "n"], dict.Keys);
        Assert.Equal(float32, dict["w"].dtype);
        Assert.Equal([1f, -2f], dict["w"].data<float>().ToArray());
        Assert.Equal(int64, dict["n"].dtype);
        Assert.Empty(dict["n"].shape);
        Assert.Equal(5L, dict["n"].item<long>());
    }

    [Fact]
    public void Writes_exactly_the_same_bytes()
    {
        var entries = new Dictionary<string, Tensor>
        {
            ["w"] = tensor(new[] { 1f, -2f }),
            ["n"] = full([], 5, int64),
        };
        Assert.Equal(TwoEntries, Write(entries));
    }

    [Fact]
    public void Round_trips_every_dtype_multi_byte_numbers_and_strided_tensors()
    {
        var entries = new Dictionary<string, Tensor>
        {
            ["doubles"] = tensor(new[] { 1.5, -0.25, double.MaxValue }),
            ["bools"] = tensor(new[] { true, false, true }),
            ["long.dim"] = zeros(300, dtype: int64),
            ["transposed"] = arange(6).reshape(2, 3).to(float32).t(),
            ["empty"] = zeros(0, 4),
            ["schlüssel"] = ones(1),
        };
        var bytes = Write(entries);
        var read = Read(bytes);
        Assert.Equal(entries.Keys, read.Keys);
        foreach (var (key, original) in entries)
        {
            Assert.Equal(original.dtype, read[key].dtype);
            Assert.Equal(original.shape, read[key].shape);
            Assert.Equal(original.to(float64).data<double>().ToArray(), read[key].to(float64).data<double>().ToArray());
        }
        Assert.Equal([0f, 3f, 1f, 4f, 2f, 5f], read["transposed"].data<float>().ToArray());
        // 300 needs two LEB128 bytes: 0xAC 0x02.
        byte[] header = [0x08, .."long.dim"u8, 0x04, 0x01, 0xAC, 0x02];
        Assert.True(bytes.AsSpan().IndexOf(header) > 0);
    }

    [Fact]
    public void A_file_truncated_anywhere_gives_a_clean_error()
    {
        var file = Write(new Dictionary<string, Tensor>
        {
            ["fc1.weight"] = ones(2, 3),
            ["fc1.bias"] = zeros(2, dtype: float64),
            ["mask"] = tensor(new[] { true, false }),
        });
        for (var length = 0; length < file.Length; length++)
        {
            var error = Assert.Throws<InvalidDataException>(() => Read(file[..length]));
            Assert.Contains("ended while reading", error.Message);
        }
        Assert.Contains("ended while reading entry 'fc1.weight': its 2x3 Float32 values need 24 bytes but only 10 remain",
            ErrorOf(file[..(1 + 1 + 10 + 1 + 1 + 2 + 10)]));
        Assert.Contains("ended while reading the number of entries", ErrorOf([]));
        Assert.Contains("entry 'fc1.bias'", ErrorOf(file[..(file.Length - 14)])); // "mask" takes the last 10 bytes
    }

    [Fact]
    public void Overlong_and_overflowing_numbers_are_rejected()
    {
        Assert.Contains("not a valid number", ErrorOf([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]));
        Assert.Contains("not a valid number", ErrorOf([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]));
        // 2^63 does not fit a long either.
        Assert.Contains("the number of entries is not a valid number", ErrorOf([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01]));
    }

    [Fact]
    public void Absurd_sizes_are_refused_before_allocating()
    {
        // A count of 2^62 entries in a 3-byte file: the loop stops at the end of the data.
        Assert.Contains("entry 1 of 4611686018427387904", ErrorOf([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x40]));
        // A key of 2^32 bytes.
        Assert.Contains("its key is 4294967296 bytes long but only 1 bytes remain", ErrorOf([0x01, 0x80, 0x80, 0x80, 0x80, 0x10, 0x61]));
        // Rank 200.
        Assert.Contains("claims 200 dimensions", ErrorOf([0x01, 0x01, 0x61, 0x06, 0xC8, 0x01]));
        // Shape 2^40 x 2^40: more elements than a long can count.
        Assert.Contains("more elements than any tensor can hold",
            ErrorOf([0x01, 0x01, 0x61, 0x06, 0x02, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20]));
        // A million float32 values in a file that holds four bytes of data.
        Assert.Contains("entry 'a': its 1000000 Float32 values need 4000000 bytes but only 4 remain",
            ErrorOf([0x01, 0x01, 0x61, 0x06, 0x01, 0xC0, 0x84, 0x3D, 0, 0, 0, 0]));
    }

    [Fact]
    public void Unsupported_dtypes_name_the_code_the_type_and_the_key()
    {
        var error = ErrorOf([0x01, 0x03, .."fc1"u8, 0x05, 0x01, 0x01, 0x00, 0x3C]);
        Assert.Contains("entry 'fc1' has element type code 5 (float16)", error);
        Assert.Contains("6 (float32)", error);
        Assert.Contains("code 4711", ErrorOf([0x01, 0x01, 0x61, 0xE7, 0x24, 0x00]));
    }

    [Fact]
    public void Bad_keys_duplicates_and_bad_bools_are_rejected()
    {
        Assert.Contains("not valid UTF-8", ErrorOf([0x01, 0x02, 0xC3, 0x28, 0x06, 0x00, 0, 0, 0, 0]));
        Assert.Contains("'a' appears twice", ErrorOf([0x02, 0x01, 0x61, 0x04, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0x61, 0x04, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]));
        Assert.Contains("holds the byte 2", ErrorOf([0x01, 0x01, 0x61, 0x0B, 0x01, 0x02, 0x01, 0x02]));
    }

    [Fact]
    public void Random_damage_gives_either_a_valid_dictionary_or_an_InvalidDataException()
    {
        var file = Write(new Dictionary<string, Tensor>
        {
            ["weight"] = ones(3, 2),
            ["bias"] = zeros(3, dtype: float64),
            ["steps"] = zeros(1, dtype: int64),
        });
        var random = new Random(12345);
        for (var trial = 0; trial < 3000; trial++)
        {
            var damaged = (byte[])file.Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
                damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
            try
            {
                Read(damaged);
            }
            catch (InvalidDataException)
            {
            }
        }
    }

    [Fact]
    public void A_stream_that_cannot_seek_is_read_too()
    {
        var dict = StateDictFormat.Read(new ForwardOnlyStream(TwoEntries));
        Assert.Equal(["w", "n"], dict.Keys);
    }

    private sealed class ForwardOnlyStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    }
}
