using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace MedSsl.Kernel.Engine;

/// <summary>
/// What every cell compiles against: the running .NET's assemblies (documented from the SDK's ref pack when
/// it is installed), the kit (MedSsl.Torch, MedSsl),
/// the default usings, and `#r`/`#load` resolved from the notebook's folder.
/// </summary>
public static class ScriptEnvironment
{
    /// <summary>Namespaces every cell sees, so a notebook can start with torch.randn(2, 3).</summary>
    public static readonly string[] Imports =
    [
        "System", "System.IO", "System.Linq", "System.Text", "System.Threading", "System.Threading.Tasks",
        "System.Collections.Generic", "MedSsl.Torch", "MedSsl.Torch.torch", "MedSsl.Display",
    ];

    static readonly Lazy<MetadataReference[]> references = new(LoadReferences);

    public static CSharpParseOptions ParseOptions { get; } =
        new(LanguageVersion.Latest, DocumentationMode.Parse, SourceCodeKind.Script);

    public static ScriptOptions Create(string baseDirectory) => Create(Path.GetFullPath(baseDirectory), 0);

    static ScriptOptions Create(string baseDirectory, int _) => ScriptOptions.Default
        .WithReferences(references.Value)
        .WithImports(Imports)
        .WithLanguageVersion(LanguageVersion.Latest)
        .WithEmitDebugInformation(true) // line numbers in runtime tracebacks
        .WithOptimizationLevel(OptimizationLevel.Release)
        .WithAllowUnsafe(true)
        .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(baseDirectory).WithSearchPaths(baseDirectory))
        .WithSourceResolver(new SourceFileResolver([baseDirectory], baseDirectory))
        .WithFileEncoding(System.Text.Encoding.UTF8);

    static MetadataReference[] LoadReferences()
    {
        // Scripting always adds the running System.Private.CoreLib, so cells compile against the runtime's own
        // (implementation) assemblies; reference assemblies would define System.Object twice.
        var runtimeDir = RuntimeEnvironment.GetRuntimeDirectory();
        var framework = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.StartsWith(runtimeDir, StringComparison.Ordinal) && IsManaged(p));
        var kit = new[] { typeof(MedSsl.Torch.Tensor).Assembly, typeof(MedSsl.Display.Formatter).Assembly, typeof(ScriptGlobals).Assembly }
            .Select(a => a.Location);
        var docs = RefPackDirectory();
        return framework.Concat(kit).Select(path => Reference(path, docs)).ToArray();
    }

    /// <summary>A reference with its XML docs: beside the dll (the kit), else the ref pack's file of the same name;
    /// CoreLib's public types are documented in the ref pack under the assemblies that expose them.</summary>
    static MetadataReference Reference(string path, string? refPack)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        string[] candidates = name == "System.Private.CoreLib" && refPack is not null
            ? CoreLibFacades.Select(f => Path.Combine(refPack, f + ".xml")).ToArray()
            : [Path.ChangeExtension(path, ".xml"), .. refPack is null ? Array.Empty<string>() : [Path.Combine(refPack, name + ".xml")]];
        var found = candidates.Where(File.Exists).ToArray();
        if (name != "System.Private.CoreLib") found = found.Take(1).ToArray();
        return MetadataReference.CreateFromFile(path, documentation: found.Length > 0 ? new XmlDocs(found) : null);
    }

    static readonly string[] CoreLibFacades =
        ["System.Runtime", "System.Collections", "System.Threading", "System.Memory", "System.Runtime.InteropServices"];

    /// <summary>dotnet/packs/Microsoft.NETCore.App.Ref/{newest same major.minor}/ref/net{major}.{minor}, if the SDK is there.</summary>
    static string? RefPackDirectory()
    {
        var runtimeDir = RuntimeEnvironment.GetRuntimeDirectory(); // {root}/shared/Microsoft.NETCore.App/{version}/
        var root = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", ".."));
        var version = Environment.Version;
        var tfm = $"net{version.Major}.{version.Minor}";
        var packs = Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref");
        if (!Directory.Exists(packs)) return null;
        return Directory.GetDirectories(packs)
            .Select(d => (dir: d, v: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
            .Where(x => x.v is not null && x.v.Major == version.Major && x.v.Minor == version.Minor)
            .OrderByDescending(x => x.v)
            .Select(x => Path.Combine(x.dir, "ref", tfm))
            .FirstOrDefault(Directory.Exists);
    }

    static bool IsManaged(string path)
    {
        try { AssemblyName.GetAssemblyName(path); return true; }
        catch (BadImageFormatException) { return false; }
    }
}
