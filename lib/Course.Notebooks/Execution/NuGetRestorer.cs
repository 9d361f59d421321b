using System.Diagnostics;
using System.Security;
using System.Text.RegularExpressions;

namespace Course.Notebooks.Execution;

/// <summary>
/// Restores <c>#r "nuget: ..."</c> packages with the dotnet CLI: a throwaway project that references the
/// package is published into a cache folder (one per package and version), and the published assemblies
/// are referenced by the cell. The dotnet CLI uses the machine's NuGet configuration and package cache,
/// so this works wherever <c>dotnet restore</c> does.
/// </summary>
internal sealed partial class NuGetRestorer(string cacheDirectory)
{
    private const string ProjectName = "NotebookPackageRestore";
    private readonly List<string> sources = [];

    /// <summary>Adds a package source (URL or folder) for the restores that follow, as <c>#i "nuget: source"</c>.</summary>
    public void AddSource(string source)
    {
        if (!sources.Contains(source)) sources.Add(source);
    }

    /// <summary>The package's assemblies, restoring it first unless cached; throws <see cref="PackageRestoreException"/>.</summary>
    public async Task<IReadOnlyList<string>> RestoreAsync(PackageReference package, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(cacheDirectory, package.Id.ToLowerInvariant(), package.Version ?? "latest");
        var output = Path.Combine(folder, "lib");
        var done = Path.Combine(folder, "restored");
        // A named version never changes, so its restore is kept; "latest" is looked up again each session.
        if (package.Version is not null && File.Exists(done)) return Assemblies(output);

        Directory.CreateDirectory(folder);
        var project = Path.Combine(folder, ProjectName + ".csproj");
        await File.WriteAllTextAsync(project, ProjectText(package), cancellationToken);
        var (exitCode, log) = await RunDotnetAsync(
            ["publish", project, "-c", "Release", "-o", output, "--nologo", "-v", "quiet", "-p:UseSharedCompilation=false"], folder, cancellationToken);
        if (exitCode != 0)
        {
            var errors = ErrorLine().Matches(log).Select(m => m.Groups["message"].Value.Trim()).Distinct().ToList();
            throw new PackageRestoreException(
                $"Could not restore NuGet package {package.Id}{(package.Version is null ? "" : " " + package.Version)}: " +
                (errors.Count > 0 ? string.Join(" ", errors) : log.Trim()));
        }
        await File.WriteAllTextAsync(done, DateTime.UtcNow.ToString("O"), cancellationToken);
        return Assemblies(output);
    }

    private string ProjectText(PackageReference package) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net{Environment.Version.Major}.0</TargetFramework>
            <ImplicitUsings>disable</ImplicitUsings>
            <RestoreAdditionalProjectSources>{SecurityElement.Escape(string.Join(';', sources))}</RestoreAdditionalProjectSources>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="{SecurityElement.Escape(package.Id)}" Version="{SecurityElement.Escape(package.Version ?? "*")}" />
          </ItemGroup>
        </Project>
        """;

    private static IReadOnlyList<string> Assemblies(string folder) =>
        Directory.GetFiles(folder, "*.dll").Where(f => Path.GetFileNameWithoutExtension(f) != ProjectName).Order().ToList();

    private static async Task<(int ExitCode, string Log)> RunDotnetAsync(IEnumerable<string> arguments, string workingDirectory,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // Build servers would outlive the cell and keep the test host's output pipes open.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start) ?? throw new PackageRestoreException("Could not start the dotnet CLI.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"error (?<message>NU\d+:[^\r\n\[]*)")]
    private static partial Regex ErrorLine();
}

/// <summary>A <c>#r "nuget: ..."</c> package that could not be restored.</summary>
internal sealed class PackageRestoreException(string message) : Exception(message);
