using System.Reflection;

namespace MedSsl.Data;

/// <summary>
/// The manifests in <c>data-manifests/</c>, compiled into the kit so they are found wherever it runs:
/// the small sets that ship in the shared data folder and the full-size ones read from user paths.
/// </summary>
public static class ManifestCatalog
{
    const string Prefix = "MedSsl.DataManifests.";
    static readonly Lazy<IReadOnlyList<DatasetManifest>> all = new(LoadAll);

    /// <summary>Every manifest, by name.</summary>
    public static IReadOnlyList<DatasetManifest> All => all.Value;

    /// <summary>The manifests whose data ship in the shared data folder.</summary>
    public static IEnumerable<DatasetManifest> Embedded => All.Where(m => m.RootShared != null);

    public static DatasetManifest Get(string name) =>
        All.FirstOrDefault(m => m.Name == name)
        ?? throw new KeyNotFoundException($"No dataset manifest named '{name}'; known: {string.Join(", ", All.Select(m => m.Name))}.");

    /// <summary>The text of data-manifests/schema.json.</summary>
    public static string Schema => Read("schema.json");

    static IReadOnlyList<DatasetManifest> LoadAll() =>
        typeof(ManifestCatalog).Assembly.GetManifestResourceNames()
            .Where(r => r.StartsWith(Prefix, StringComparison.Ordinal) && r.EndsWith(".json", StringComparison.Ordinal) && r != Prefix + "schema.json")
            .Select(r => ManifestParser.Parse(Read(r[Prefix.Length..]), $"data-manifests/{r[Prefix.Length..]}"))
            .OrderBy(m => m.Name, StringComparer.Ordinal).ToArray();

    static string Read(string file)
    {
        using var stream = typeof(ManifestCatalog).Assembly.GetManifestResourceStream(Prefix + file)
            ?? throw new FileNotFoundException($"data-manifests/{file} is not compiled into {typeof(ManifestCatalog).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
