namespace Course.Native;

/// <summary>What loading TorchSharp's native library needs on this system's libstdc++.</summary>
public enum LibStdCxxVerdict
{
    /// <summary>The system's libstdc++ has every version the library asks for: load it as shipped.</summary>
    LoadAsShipped,

    /// <summary>Only GCC 13's <see cref="LibStdCxxCompatibility.MarkerVersion"/> is missing: load a copy that asks for it weakly.</summary>
    LoadWeakenedCopy,

    /// <summary>Versions are missing that symbols really use: no edit can help, a newer libstdc++ is needed.</summary>
    Unsupported,
}

/// <summary>
/// Decides whether TorchSharp 0.107.0's <c>libLibTorchSharp.so</c> can load against the system's libstdc++.
/// It was built with GCC 13 and asks libstdc++ for GLIBCXX_3.4.32, which Debian 12 and Ubuntu 22.04 (GCC 12)
/// lack. The one symbol bound to that version, <c>std::ios_base_library_init()</c>, is a marker GCC 13's
/// <c>&lt;iostream&gt;</c> emits and no relocation uses, so a copy that requires the version weakly loads and
/// works. Any other missing version would be a real missing function: then the answer is a newer system.
/// </summary>
public static class LibStdCxxCompatibility
{
    public const string LibStdCxx = "libstdc++.so.6";
    public const string MarkerVersion = "GLIBCXX_3.4.32";

    public static (LibStdCxxVerdict Verdict, IReadOnlyList<string> Missing) Decide(
        IEnumerable<ElfVersions.Requirement> requirements, IReadOnlySet<string> libStdCxxDefines)
    {
        var missing = requirements
            .Where(r => r.File == LibStdCxx && !r.Weak && !libStdCxxDefines.Contains(r.Version))
            .Select(r => r.Version)
            .ToList();
        var verdict = missing.Count switch
        {
            0 => LibStdCxxVerdict.LoadAsShipped,
            1 when missing[0] == MarkerVersion => LibStdCxxVerdict.LoadWeakenedCopy,
            _ => LibStdCxxVerdict.Unsupported,
        };
        return (verdict, missing);
    }
}
