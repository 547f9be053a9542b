using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace MedSsl.Tests.Data;

/// <summary>
/// The shared real data the image tests read (never committed): MEDSSL_DATA, or the first shared/data
/// folder above the test binaries. The DermaMNIST and NIH archives are extracted once per test run into a
/// temporary folder, deleted at exit. Sources are named "imagenette:", "dermamnist:", "nih:" (shared data)
/// or "png:"/"jpg:" (generated files committed under Golden/images).
/// </summary>
internal static class ImageTestData
{
    static readonly Lazy<string> root = new(FindRoot);
    static readonly Lazy<string> extracted = new(Extract);

    public static string Root => root.Value;

    public static string Path(string source)
    {
        var colon = source.IndexOf(':');
        var (kind, rel) = (source[..colon], source[(colon + 1)..]);
        return kind switch
        {
            "imagenette" => System.IO.Path.Combine(Root, "imagenette2", rel),
            "dermamnist" => System.IO.Path.Combine(extracted.Value, "derma", rel),
            "nih" => System.IO.Path.Combine(extracted.Value, "nih", rel),
            "png" or "jpg" => System.IO.Path.Combine(AppContext.BaseDirectory, "Golden", "images", rel),
            _ => throw new ArgumentException($"Unknown source kind in '{source}'."),
        };
    }

    public static byte[] Bytes(string source) => File.ReadAllBytes(Path(source));

    /// <summary>The first n DermaMNIST JPEGs (28x28 RGB) in name order.</summary>
    public static string[] DermaFiles(int n) =>
        Directory.GetFiles(System.IO.Path.Combine(extracted.Value, "derma", "images"), "*.jpg")
            .OrderBy(f => f, StringComparer.Ordinal).Take(n).ToArray();

    /// <summary>Imagenette JPEGs (224x224) of one class folder, in name order.</summary>
    public static string[] ImagenetteFiles(int n) =>
        Directory.GetFiles(System.IO.Path.Combine(Root, "imagenette2", "train", "n01440764"), "*.JPEG")
            .OrderBy(f => f, StringComparer.Ordinal).Take(n).ToArray();

    public static string Sha256(Tensor t) => Convert.ToHexString(SHA256.HashData(t.bytes())).ToLowerInvariant();

    static string FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("MEDSSL_DATA");
        if (!string.IsNullOrEmpty(env)) return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "imagenette2"))) return candidate;
        }
        throw new DirectoryNotFoundException(
            "The shared data folder (imagenette2, dermamnist-lesion, nih-cxr1000) was not found above the tests: set MEDSSL_DATA.");
    }

    static string Extract()
    {
        var dir = Directory.CreateTempSubdirectory("medssl-images-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(dir, recursive: true);
        using (var gz = new GZipStream(File.OpenRead(System.IO.Path.Combine(Root, "dermamnist-lesion", "raw", "dermamnist_jpegs.tar.gz")),
                                       CompressionMode.Decompress))
            TarFile.ExtractToDirectory(gz, Directory.CreateDirectory(System.IO.Path.Combine(dir, "derma")).FullName, overwriteFiles: false);
        using (var tar = File.OpenRead(System.IO.Path.Combine(Root, "nih-cxr1000", "nih1000_64_png.tar")))
            TarFile.ExtractToDirectory(tar, Directory.CreateDirectory(System.IO.Path.Combine(dir, "nih")).FullName, overwriteFiles: false);
        return dir;
    }
}
