using Course.Native;

namespace Course.Tests.Native;

public class LibStdCxxCompatibilityTests
{
    private const string LibStdCxx = LibStdCxxCompatibility.LibStdCxx;

    // What libLibTorchSharp.so asks for, in short: GCC 13's marker, two older libstdc++ versions, and glibc.
    private static readonly ElfVersions.Requirement[] Requirements =
    [
        new(LibStdCxx, "GLIBCXX_3.4.32", false, 0),
        new(LibStdCxx, "GLIBCXX_3.4.30", false, 0),
        new(LibStdCxx, "CXXABI_1.3.13", false, 0),
        new("libc.so.6", "GLIBC_2.34", false, 0),
    ];

    private static readonly HashSet<string> Gcc12 = ["GLIBCXX_3.4", "GLIBCXX_3.4.29", "GLIBCXX_3.4.30", "CXXABI_1.3", "CXXABI_1.3.13"];

    [Fact]
    public void A_libstdcxx_with_every_version_loads_the_library_as_shipped()
    {
        var (verdict, missing) = LibStdCxxCompatibility.Decide(Requirements, new HashSet<string>(Gcc12) { "GLIBCXX_3.4.31", "GLIBCXX_3.4.32" });
        Assert.Equal(LibStdCxxVerdict.LoadAsShipped, verdict);
        Assert.Empty(missing);
    }

    [Fact]
    public void Only_GLIBCXX_3_4_32_missing_asks_for_the_weakened_copy()
    {
        var (verdict, missing) = LibStdCxxCompatibility.Decide(Requirements, Gcc12);
        Assert.Equal(LibStdCxxVerdict.LoadWeakenedCopy, verdict);
        Assert.Equal(["GLIBCXX_3.4.32"], missing);
    }

    [Theory]
    [InlineData("GLIBCXX_3.4.30")]
    [InlineData("CXXABI_1.3.13")]
    public void Another_missing_version_is_unsupported(string absent)
    {
        var older = Gcc12.Where(v => v != absent).ToHashSet();
        Assert.Equal((LibStdCxxVerdict.Unsupported, $"{absent}, GLIBCXX_3.4.32"), Sorted(LibStdCxxCompatibility.Decide(Requirements, older)));
        older.Add("GLIBCXX_3.4.32");
        Assert.Equal((LibStdCxxVerdict.Unsupported, absent), Sorted(LibStdCxxCompatibility.Decide(Requirements, older)));
    }

    [Fact]
    public void Weak_requirements_and_other_files_versions_are_not_asked_of_libstdcxx()
    {
        // The weakened copy itself (3.4.32 weak) loads as it is; glibc's GLIBC_2.34 is not libstdc++'s to define.
        var weakened = Requirements.Select(r => r.Version == "GLIBCXX_3.4.32" ? r with { Weak = true } : r);
        Assert.Equal(LibStdCxxVerdict.LoadAsShipped, LibStdCxxCompatibility.Decide(weakened, Gcc12).Verdict);
    }

    [Fact]
    public void The_real_library_on_the_real_libstdcxx()
    {
        var definitions = NativeLibraries.SystemDefinitions();
        var (verdict, missing) = LibStdCxxCompatibility.Decide(NativeLibraries.ReadShipped().Requirements, definitions);
        var expected = definitions.Contains("GLIBCXX_3.4.32") ? LibStdCxxVerdict.LoadAsShipped : LibStdCxxVerdict.LoadWeakenedCopy;
        if (NativeLibraries.IsDebian12) Assert.Equal(LibStdCxxVerdict.LoadWeakenedCopy, expected);
        Assert.Equal(expected, verdict);
        Assert.Equal(expected == LibStdCxxVerdict.LoadAsShipped ? [] : ["GLIBCXX_3.4.32"], missing);
    }

    private static (LibStdCxxVerdict, string) Sorted((LibStdCxxVerdict Verdict, IReadOnlyList<string> Missing) decision) =>
        (decision.Verdict, string.Join(", ", decision.Missing.Order(StringComparer.Ordinal)));
}
