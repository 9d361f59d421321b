using Course.Native;

namespace Course.Tests.Native;

public sealed class ElfVersionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("elf-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_shipped_library_requires_GLIBCXX_3_4_32_of_libstdcxx_strongly()
    {
        var shipped = NativeLibraries.ReadShipped();
        var libStdCxx = shipped.Of(LibStdCxxCompatibility.LibStdCxx).ToList();
        Assert.Contains(libStdCxx, r => r.Version == "GLIBCXX_3.4.32" && !r.Weak);
        // Its other libstdc++ needs are GCC 12's or older (what readelf -V lists), none of them weak.
        Assert.Contains(libStdCxx, r => r.Version == "GLIBCXX_3.4.30");
        Assert.Contains(libStdCxx, r => r.Version == "CXXABI_1.3.13");
        Assert.All(libStdCxx, r => Assert.False(r.Weak, $"{r.Version} is weak"));
        Assert.Equal(libStdCxx.Count, libStdCxx.Select(r => r.Version).Distinct().Count());
        // Other needed files are read too: glibc's versions.
        Assert.Contains(shipped.Requirements, r => r.File == "libc.so.6" && r.Version.StartsWith("GLIBC_2.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_system_libstdcxx_definitions_are_read()
    {
        var definitions = NativeLibraries.SystemDefinitions();
        Assert.Contains("GLIBCXX_3.4", definitions);
        Assert.Contains("CXXABI_1.3", definitions);
        Assert.Contains("GLIBCXX_3.4.30", definitions);
        if (NativeLibraries.IsDebian12)
        {
            Assert.DoesNotContain("GLIBCXX_3.4.31", definitions);
            Assert.DoesNotContain("GLIBCXX_3.4.32", definitions);
        }
    }

    [Fact]
    public void A_weakened_copy_differs_in_that_one_requirement_flag_and_nowhere_else()
    {
        var shipped = NativeLibraries.ReadShipped();
        var copy = Path.Combine(_folder, "libLibTorchSharp.so");
        shipped.WriteWithWeakRequirement(LibStdCxxCompatibility.LibStdCxx, LibStdCxxCompatibility.MarkerVersion, copy);

        var original = File.ReadAllBytes(NativeLibraries.ShippedLibTorchSharp);
        var written = File.ReadAllBytes(copy);
        Assert.Equal(original.Length, written.Length);
        var differing = Enumerable.Range(0, original.Length).Where(i => original[i] != written[i]).ToList();
        var marker = shipped.Requirements.Single(r => r.File == LibStdCxxCompatibility.LibStdCxx && r.Version == LibStdCxxCompatibility.MarkerVersion);
        Assert.Equal([marker.FlagsOffset], differing); // vna_flags' low byte: VER_FLG_WEAK (0x2) set
        Assert.Equal(original[marker.FlagsOffset] | 0x2, written[marker.FlagsOffset]);

        var weakened = ElfVersions.Read(copy);
        Assert.Equal(
            shipped.Requirements.Select(r => r with { Weak = r.Weak || r == marker }),
            weakened.Requirements);
        Assert.False(Directory.GetFiles(_folder).Any(f => f.Contains(".tmp-")), "the temporary file was left behind");
    }

    [Fact]
    public void Only_a_version_the_library_requires_can_be_weakened()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            NativeLibraries.ReadShipped().WriteWithWeakRequirement(LibStdCxxCompatibility.LibStdCxx, "GLIBCXX_9.9", Path.Combine(_folder, "x.so")));
        Assert.Contains("does not require GLIBCXX_9.9 of libstdc++.so.6", error.Message);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(63)]
    [InlineData(4096)]
    [InlineData(-1)] // all but the last byte: the section headers at the end are cut
    public void A_truncated_library_is_refused_naming_the_file(int keep)
    {
        var original = File.ReadAllBytes(NativeLibraries.ShippedLibTorchSharp);
        var truncated = Path.Combine(_folder, "truncated.so");
        File.WriteAllBytes(truncated, original[..(keep < 0 ? original.Length + keep : keep)]);
        Assert.Contains(truncated, Assert.Throws<InvalidDataException>(() => ElfVersions.Read(truncated)).Message);
    }

    [Fact]
    public void A_file_that_is_not_ELF_or_not_64_bit_little_endian_is_refused_naming_the_file()
    {
        var text = Path.Combine(_folder, "notes.so");
        File.WriteAllText(text, new string('x', 200));
        Assert.Equal($"{text} is not an ELF file.", Assert.Throws<InvalidDataException>(() => ElfVersions.Read(text)).Message);

        var bytes = File.ReadAllBytes(NativeLibraries.ShippedLibTorchSharp);
        bytes[4] = 1; // ELFCLASS32
        var thirtyTwoBit = Path.Combine(_folder, "elf32.so");
        File.WriteAllBytes(thirtyTwoBit, bytes);
        Assert.Equal($"{thirtyTwoBit} is not a 64-bit little-endian ELF file.", Assert.Throws<InvalidDataException>(() => ElfVersions.Read(thirtyTwoBit)).Message);
    }

    [Fact]
    public void A_requirement_naming_a_string_past_the_end_is_refused_naming_the_file()
    {
        var shipped = NativeLibraries.ReadShipped();
        var marker = shipped.Requirements.Single(r => r.Version == LibStdCxxCompatibility.MarkerVersion);
        var bytes = File.ReadAllBytes(NativeLibraries.ShippedLibTorchSharp);
        // vna_name, 4 bytes after vna_flags: an offset into the string table far beyond the file.
        BitConverter.GetBytes(0x7fff0000u).CopyTo(bytes, marker.FlagsOffset + 4);
        var corrupt = Path.Combine(_folder, "corrupt.so");
        File.WriteAllBytes(corrupt, bytes);
        Assert.Contains(corrupt, Assert.Throws<InvalidDataException>(() => ElfVersions.Read(corrupt)).Message);
    }
}
