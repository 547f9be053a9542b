using System.Security.Cryptography;

namespace MedSsl.Data;

/// <summary>
/// Opens the dataset a manifest describes: finds its folder (an explicit root, the manifest's environment
/// variable, or the shared data folder), runs its reader, joins and harmonises metadata, and checks what the
/// manifest promises (CSV columns, class folders, split sizes). Any mismatch names the manifest and JSON path.
/// </summary>
public static class ManifestDatasets
{
    /// <summary>Opens a catalogued dataset by name (see <see cref="ManifestCatalog"/>).</summary>
    public static MedicalDataset Open(string name, string? root = null, ReadOptions? options = null) =>
        Open(ManifestCatalog.Get(name), root, options);

    public static MedicalDataset Open(DatasetManifest m, string? root = null, ReadOptions? options = null)
    {
        root = ResolveRoot(m, root);
        options ??= ReadOptions.Default;
        CheckCsvColumns(m, root);
        var dataset = Read(m, root, options);
        if (m.Join != null) dataset = (m.Join with { File = FilePath(m, root, m.Join.File) }).Apply(dataset);
        dataset = Harmonise(m, dataset);
        CheckSizes(m, root, dataset);
        return dataset;
    }

    /// <summary>The data folder: <paramref name="root"/> if given, else $<see cref="DatasetManifest.RootEnv"/>, else the
    /// shared data folder. Raises an error that says how to obtain the data when there is none.</summary>
    public static string ResolveRoot(DatasetManifest m, string? root = null)
    {
        string? from = root != null ? "--root" : null;
        if (root == null && Environment.GetEnvironmentVariable(m.RootEnv) is { Length: > 0 } env) (root, from) = (env, m.RootEnv);
        if (root == null && m.RootShared != null && DataPaths.SharedData() is { } shared)
            (root, from) = (Path.Combine(shared, m.RootShared), $"the shared data folder {shared}");
        if (root == null)
            throw new DirectoryNotFoundException(
                $"{m.Name}: no data folder. Set {m.RootEnv}=/path/to/{m.Name} or pass --root PATH. How to obtain it: {m.Obtain}");
        if (!Directory.Exists(root))
            throw new DirectoryNotFoundException($"{m.Source}: the data folder {root} (from {from}) does not exist. Expected layout: {m.Layout}");
        return root;
    }

    /// <summary>Each checksummed file that is present, with whether its SHA-256 matches.</summary>
    public static IReadOnlyList<(string File, bool Matches)> VerifyChecksums(DatasetManifest m, string root)
    {
        var result = new List<(string, bool)>();
        foreach (var (file, expected) in m.Checksums)
        {
            var path = Path.Combine(root, file);
            if (!File.Exists(path)) continue;
            using var stream = File.OpenRead(path);
            result.Add((file, "sha256:" + Convert.ToHexStringLower(SHA256.HashData(stream)) == expected));
        }
        return result;
    }

    static MedicalDataset Read(DatasetManifest m, string root, ReadOptions options) => m.Format switch
    {
        "medmnist-npz" => NpzDatasets.ReadMedMnist(FilePath(m, root, "npz"), m.Labels, m.Task, m.Name, options),
        "npz-arrays" => NpzDatasets.ReadArrays(FilePath(m, root, "npz"), m.Npz!, m.Labels, m.Task, m.Name, options),
        "ham10000" => Ham10000.Read(root, options, m.Files["metadata"], m.Name),
        "nih-chestxray14" => NihChestXray14.Read(root, options, m.Files["entries"], m.Name),
        "chexpert" => MedicalDataset.Concat(m.Name, m.Files.Keys.Where(k => k is "train" or "valid").Select(split =>
            CheXpert.Read(root, m.Files[split], split, (m.CheXpert ?? new CheXpertOptions()) with { Labels = m.Labels }, options, m.Name)).ToArray()),
        "imagefolder" => ImageFolders(m, root, options),
        _ => throw new ManifestException(m.Source, new[] { new ManifestError("$.format", $"no reader for '{m.Format}'.") }),
    };

    static MedicalDataset ImageFolders(DatasetManifest m, string root, ReadOptions options)
    {
        MedicalDataset One(string dir) => m.Task == TaskKind.Unlabeled
            ? ImageFolder.ReadUnlabeled(dir, m.Channels, options, m.Name) : CheckClasses(m, ImageFolder.Read(dir, m.Channels, options, m.Name), dir);
        if (m.Splits.Folders.Count == 0) return One(root);
        var parts = m.Splits.Folders.Select(f =>
        {
            var part = One(Path.Combine(root, f.Value));
            return part.WithMetadata(part.Metadata.With(MetadataColumns.Split, Enumerable.Repeat(f.Key, part.Count).ToArray()));
        }).ToArray();
        return MedicalDataset.Concat(m.Name, parts);
    }

    static MedicalDataset CheckClasses(DatasetManifest m, MedicalDataset d, string dir)
    {
        if (!d.LabelNames.SequenceEqual(m.Labels))
            throw new ManifestException(m.Source, new[] { new ManifestError("$.labels",
                $"lists [{string.Join(", ", m.Labels)}] but the class folders of {dir} are [{string.Join(", ", d.LabelNames)}].") });
        return d;
    }

    static void CheckCsvColumns(DatasetManifest m, string root)
    {
        if (m.Csv is not { } csv) return;
        CsvTable.ReadHeader(FilePath(m, root, csv.File)).Require(csv.Columns);
    }

    static MedicalDataset Harmonise(DatasetManifest m, MedicalDataset d)
    {
        var meta = d.Metadata;
        foreach (var (harmonised, source) in m.Columns)
        {
            if (!meta.Has(source))
                throw new ManifestException(m.Source, new[] { new ManifestError($"$.columns.{harmonised}",
                    $"source column '{source}' is not in the data; columns: {string.Join(", ", meta.Columns)}.") });
            meta = meta.With(harmonised, meta[source].ToArray());
        }
        return d.WithMetadata(meta);
    }

    static void CheckSizes(DatasetManifest m, string root, MedicalDataset d)
    {
        if (m.Splits.Sizes.Count == 0 || d.SkippedRows.Count > 0) return; // skipped rows change sizes on purpose
        var splits = d.Metadata.Has(MetadataColumns.Split) ? d.Metadata[MetadataColumns.Split] : Array.Empty<string>();
        var errors = m.Splits.Sizes.Where(s => splits.Count(x => x == s.Key) != s.Value)
            .Select(s => new ManifestError($"$.splits.sizes.{s.Key}",
                $"says {s.Value} images but {root} has {splits.Count(x => x == s.Key)} in split '{s.Key}'.")).ToArray();
        if (errors.Length > 0) throw new ManifestException(m.Source, errors);
    }

    static string FilePath(DatasetManifest m, string root, string role)
    {
        var path = Path.Combine(root, m.Files[role]);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{m.Source}: $.files.{role}: {path} does not exist. Expected layout: {m.Layout}", path);
        return path;
    }
}
