namespace MedSsl.Data;

/// <summary>
/// What the kit expects of one dataset on disk (<c>data-manifests/*.json</c>, described by
/// <c>data-manifests/schema.json</c>): its reader, files, columns, labels, how the case id is derived,
/// the source's splits, checksums, licence, and how to obtain it. Read with <see cref="ManifestParser"/>,
/// opened with <see cref="ManifestDatasets"/>.
/// </summary>
public sealed record DatasetManifest
{
    /// <summary>Where the manifest was read from, for error messages.</summary>
    public required string Source { get; init; }
    public required string Name { get; init; }
    public required string Title { get; init; }

    /// <summary>The reader: medmnist-npz, npz-arrays, ham10000, chexpert, nih-chestxray14 or imagefolder.</summary>
    public required string Format { get; init; }

    /// <summary>The environment variable that points at the data folder.</summary>
    public required string RootEnv { get; init; }

    /// <summary>The folder under the shared data directory, for the sets that ship with the kit.</summary>
    public string? RootShared { get; init; }

    /// <summary>Role → path relative to the root.</summary>
    public required IReadOnlyDictionary<string, string> Files { get; init; }

    public required string Layout { get; init; }
    public required int Channels { get; init; }

    /// <summary>[height, width] when every image has that size.</summary>
    public IReadOnlyList<int>? Size { get; init; }

    public required TaskKind Task { get; init; }
    public IReadOnlyList<string> Labels { get; init; } = Array.Empty<string>();
    public IReadOnlyDictionary<string, string> LabelDescriptions { get; init; } = new Dictionary<string, string>();

    /// <summary>The CSV (a role of <see cref="Files"/>) and the columns it must have.</summary>
    public (string File, IReadOnlyList<string> Columns)? Csv { get; init; }

    public NpzKeys? Npz { get; init; }

    /// <summary>A per-image CSV joined onto npz rows; its File is a role of <see cref="Files"/>.</summary>
    public CsvJoin? Join { get; init; }

    /// <summary>Harmonised metadata column → source column.</summary>
    public IReadOnlyDictionary<string, string> Columns { get; init; } = new Dictionary<string, string>();

    /// <summary>How the case and patient ids are derived, in words.</summary>
    public required string CaseId { get; init; }

    public required ManifestSplits Splits { get; init; }
    public CheXpertOptions? CheXpert { get; init; }

    /// <summary>Path relative to the root → "sha256:…".</summary>
    public IReadOnlyDictionary<string, string> Checksums { get; init; } = new Dictionary<string, string>();

    public required string Licence { get; init; }
    public required string Citation { get; init; }

    /// <summary>One paragraph: how to obtain the data and where to put it.</summary>
    public required string Obtain { get; init; }
}

/// <summary>The source's own split as a manifest states it.</summary>
public sealed record ManifestSplits
{
    public required string Description { get; init; }
    public IReadOnlyList<string> Names { get; init; } = Array.Empty<string>();

    /// <summary>Images per split, checked when the dataset is opened.</summary>
    public IReadOnlyDictionary<string, int> Sizes { get; init; } = new Dictionary<string, int>();

    /// <summary>Whether the source keeps every case within one split.</summary>
    public required bool CaseDisjoint { get; init; }

    /// <summary>imagefolder: split → sub-folder.</summary>
    public IReadOnlyDictionary<string, string> Folders { get; init; } = new Dictionary<string, string>();
}

/// <summary>One problem in a manifest: the JSON path (<c>$.splits.sizes.train</c>) and what is wrong there.</summary>
public sealed record ManifestError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}

/// <summary>A manifest that does not validate; the message names the file and every JSON path at fault.</summary>
public sealed class ManifestException : Exception
{
    public ManifestException(string file, IReadOnlyList<ManifestError> errors)
        : base(errors.Count == 1 ? $"{file}: {errors[0]}"
            : $"{file}: {errors.Count} problems:{string.Concat(errors.Select(e => $"\n  {e}"))}")
    {
        File = file;
        Errors = errors;
    }

    public string File { get; }
    public IReadOnlyList<ManifestError> Errors { get; }
}
