using System.Reflection;
using System.Text.Json.Nodes;

namespace Course.Jupyter.Kernel;

/// <summary>What the kernel tells front ends about itself (kernel_info_reply) and how it is listed (kernelspec).</summary>
public static class KernelInfo
{
    /// <summary>The kernelspec name; the ".net-" prefix lets old Polyglot Notebooks installs recognise our notebooks.</summary>
    public const string KernelSpecName = ".net-csharp";
    public const string DisplayName = ".NET (C#)";
    public const string Language = "C#";
    public const string Implementation = "course-csharp";

    /// <summary>The C# version of the Roslyn scripting compiler the course uses (Microsoft.CodeAnalysis 5.x).</summary>
    public const string LanguageVersion = "14.0";

    public static string ImplementationVersion =>
        typeof(KernelInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "1.0.0";

    public static JsonObject LanguageInfo() => new()
    {
        ["name"] = Language,
        ["version"] = LanguageVersion,
        ["mimetype"] = "text/x-csharp",
        ["file_extension"] = ".cs",
        ["pygments_lexer"] = "csharp",
        ["codemirror_mode"] = "text/x-csharp",
    };

    public static JsonObject Reply() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = Protocol.JupyterMessage.ProtocolVersion,
        ["implementation"] = Implementation,
        ["implementation_version"] = ImplementationVersion,
        ["language_info"] = LanguageInfo(),
        ["banner"] = $"C# {LanguageVersion} on .NET {Environment.Version} (course kernel {ImplementationVersion})",
        ["help_links"] = new JsonArray(
            new JsonObject { ["text"] = "C# documentation", ["url"] = "https://learn.microsoft.com/dotnet/csharp/" },
            new JsonObject { ["text"] = ".NET API browser", ["url"] = "https://learn.microsoft.com/dotnet/api/" }),
    };
}
