using Course.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace Course.Tests.Native;

public sealed class TorchSharpLoaderTests : IDisposable
{
    // Not created: Plan must make it only when it writes the copy.
    private readonly string _copyFolder = Path.Combine(Path.GetTempPath(), $"loader-tests-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_copyFolder)) Directory.Delete(_copyFolder, recursive: true);
    }

    private static TorchSharpNativeFiles ShippedFiles() =>
        new(NativeLibraries.ShippedLibTorchSharp, Path.GetDirectoryName(NativeLibraries.ShippedLibTorchSharp)!);

    /// <summary>This system's libstdc++ as Debian 12 has it: without GCC 13's GLIBCXX_3.4.31 and 3.4.32.</summary>
    private static HashSet<string> Debian12Definitions()
    {
        var definitions = NativeLibraries.SystemDefinitions();
        definitions.ExceptWith(["GLIBCXX_3.4.31", "GLIBCXX_3.4.32"]);
        return definitions;
    }

    [Fact]
    public void Plan_leaves_a_system_that_does_not_need_it_alone()
    {
        var defines = new HashSet<string>(NativeLibraries.SystemDefinitions()) { "GLIBCXX_3.4.31", "GLIBCXX_3.4.32" };
        var report = TorchSharpLoader.Plan(ShippedFiles(), defines, NativeLibraries.SystemLibStdCxx, _copyFolder);
        Assert.Equal(LibStdCxxVerdict.LoadAsShipped, report.Verdict);
        Assert.Equal(NativeLibraries.ShippedLibTorchSharp, report.LibTorchSharp);
        Assert.Empty(report.Missing);
        Assert.False(Directory.Exists(_copyFolder), $"Plan wrote {_copyFolder} on a system that loads the library as shipped");
    }

    [Fact]
    public void Plan_writes_the_weakened_copy_for_Debian_12s_libstdcxx_and_only_rewrites_it_when_it_is_stale()
    {
        var report = TorchSharpLoader.Plan(ShippedFiles(), Debian12Definitions(), NativeLibraries.SystemLibStdCxx, _copyFolder);
        var copy = Path.Combine(_copyFolder, TorchSharpNativeFiles.LibTorchSharpFile);
        Assert.Equal(LibStdCxxVerdict.LoadWeakenedCopy, report.Verdict);
        Assert.Equal(copy, report.LibTorchSharp);
        Assert.Equal(["GLIBCXX_3.4.32"], report.Missing);
        Assert.Equal([copy], Directory.GetFiles(_copyFolder));
        AssertWeakened(copy);
        Assert.Contains("requires GLIBCXX_3.4.32 weakly", report.ToString());

        // Up to date: left as it is.
        var written = File.GetLastWriteTimeUtc(copy);
        TorchSharpLoader.Plan(ShippedFiles(), Debian12Definitions(), NativeLibraries.SystemLibStdCxx, _copyFolder);
        Assert.Equal(written, File.GetLastWriteTimeUtc(copy));

        // Not the original's length (a half-written or other version's copy): written again.
        File.WriteAllBytes(copy, [1, 2, 3]);
        TorchSharpLoader.Plan(ShippedFiles(), Debian12Definitions(), NativeLibraries.SystemLibStdCxx, _copyFolder);
        AssertWeakened(copy);
    }

    [Fact]
    public void Plan_refuses_a_libstdcxx_that_lacks_a_version_symbols_use_and_writes_nothing()
    {
        var defines = Debian12Definitions();
        defines.Remove("GLIBCXX_3.4.30");
        var error = Assert.Throws<TorchSharpLoadException>(() => TorchSharpLoader.Plan(ShippedFiles(), defines, "/old/libstdc++.so.6", _copyFolder));
        Assert.Contains("GLIBCXX_3.4.30", error.Message);
        Assert.Contains("/old/libstdc++.so.6 lacks", error.Message);
        Assert.False(Directory.Exists(_copyFolder));
    }

    [Fact]
    public void Prepare_on_this_system_loads_the_right_library_and_TorchSharp_then_computes_gradients()
    {
        var report = TorchSharpLoader.Prepare();
        var expected = NativeLibraries.SystemDefinitions().Contains("GLIBCXX_3.4.32") ? LibStdCxxVerdict.LoadAsShipped : LibStdCxxVerdict.LoadWeakenedCopy;
        if (NativeLibraries.IsDebian12) Assert.Equal(LibStdCxxVerdict.LoadWeakenedCopy, expected);
        Assert.Equal(expected, report.Verdict);
        Assert.Same(report, TorchSharpLoader.EnsureLoaded());
        if (report.Verdict == LibStdCxxVerdict.LoadWeakenedCopy)
        {
            AssertWeakened(report.LibTorchSharp);
            Assert.Contains(File.ReadLines("/proc/self/maps"), line => line.EndsWith(report.LibTorchSharp, StringComparison.Ordinal));
        }

        // A linear layer, y = x·wᵀ + b, and loss = mean((y - t)²): dloss/dw = 2/N · Σ (y - t)·x, dloss/db = 2/N · Σ (y - t).
        using var scope = NewDisposeScope();
        var layer = nn.Linear(3, 1);
        using (no_grad())
        {
            layer.weight!.copy_(tensor(new float[] { 0.5f, -1, 2 }).reshape(1, 3));
            layer.bias!.copy_(tensor(new float[] { 0.25f }));
        }
        float[,] x = { { 1, 2, 3 }, { -1, 0, 4 } };
        float[] t = [1, -2];
        var loss = nn.functional.mse_loss(layer.call(tensor(x)), tensor(t).reshape(2, 1));
        loss.backward();

        double[] w = [0.5, -1, 2];
        var residual = Enumerable.Range(0, 2).Select(n => Enumerable.Range(0, 3).Sum(k => x[n, k] * w[k]) + 0.25 - t[n]).ToArray();
        Assert.Equal(residual.Average(r => r * r), loss.item<float>(), 5);
        var weightGradient = layer.weight!.grad!.data<float>().ToArray();
        for (var k = 0; k < 3; k++)
            Assert.Equal(2.0 / 2 * Enumerable.Range(0, 2).Sum(n => residual[n] * x[n, k]), weightGradient[k], 4);
        Assert.Equal(2.0 / 2 * residual.Sum(), layer.bias!.grad!.item<float>(), 4);
    }

    private static void AssertWeakened(string library)
    {
        var marker = ElfVersions.Read(library).Requirements.Single(r => r.File == LibStdCxxCompatibility.LibStdCxx && r.Version == LibStdCxxCompatibility.MarkerVersion);
        Assert.True(marker.Weak, $"{library} still requires {marker.Version} strongly");
        Assert.Equal(new FileInfo(NativeLibraries.ShippedLibTorchSharp).Length, new FileInfo(library).Length);
    }
}
