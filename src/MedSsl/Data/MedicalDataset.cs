using MedSsl.Torch;

namespace MedSsl.Data;

/// <summary>
/// A medical image dataset in TorchXRayVision's contract: images by row, a label matrix [N, L] with
/// named columns, and a metadata table aligned row by row that always has <see cref="MetadataColumns.CaseId"/>
/// and <see cref="MetadataColumns.PatientId"/>. Immutable: subsetting, filtering and relabelling return new
/// datasets that stay aligned.
/// <para>
/// Multiclass labels live in <see cref="Targets"/> (class index per row, -1 for unknown); the label matrix
/// is their one-hot form (a NaN row for -1), so multiclass and multilabel code read labels the same way.
/// Multilabel matrices hold 1, 0 or NaN (not labelled, or uncertain under U-Ignore).
/// </para>
/// </summary>
public sealed partial class MedicalDataset
{
    readonly int[]? targets;
    Dictionary<string, IReadOnlyList<int>>? cases;

    MedicalDataset(string name, IImageSource images, TaskKind task, LabelMatrix labels, int[]? targets,
                   MetadataTable metadata, IReadOnlyList<DatasetException>? skipped)
    {
        if (images.Count != labels.Rows || images.Count != metadata.RowCount)
            throw new ArgumentException(
                $"{name}: {images.Count} images, {labels.Rows} label rows and {metadata.RowCount} metadata rows must be equal.");
        Name = name;
        Images = images;
        Task = task;
        Labels = labels;
        this.targets = targets;
        Metadata = WithIdColumns(metadata, images);
        SkippedRows = skipped ?? Array.Empty<DatasetException>();
    }

    /// <summary>A one-class-per-image dataset; a target of -1 marks an image with unknown class.</summary>
    public static MedicalDataset Multiclass(string name, IImageSource images, IReadOnlyList<string> classes,
        IReadOnlyList<int> targets, MetadataTable metadata, IReadOnlyList<DatasetException>? skipped = null)
    {
        for (int i = 0; i < targets.Count; i++)
            if (targets[i] < -1 || targets[i] >= classes.Count)
                throw new ArgumentOutOfRangeException(nameof(targets), $"{name}: row {i} has class {targets[i]}; classes are 0..{classes.Count - 1}.");
        return new(name, images, TaskKind.Multiclass, LabelMatrix.OneHot(classes, targets), targets.ToArray(), metadata, skipped);
    }

    /// <summary>A multi-label dataset (1 positive, 0 negative, NaN unknown).</summary>
    public static MedicalDataset Multilabel(string name, IImageSource images, LabelMatrix labels, MetadataTable metadata,
        IReadOnlyList<DatasetException>? skipped = null) =>
        new(name, images, TaskKind.Multilabel, labels, null, metadata, skipped);

    /// <summary>Images without labels, for self-supervised pretraining.</summary>
    public static MedicalDataset Unlabeled(string name, IImageSource images, MetadataTable metadata,
        IReadOnlyList<DatasetException>? skipped = null) =>
        new(name, images, TaskKind.Unlabeled, LabelMatrix.None(images.Count), null, metadata, skipped);

    public string Name { get; }

    /// <summary>The images, decoded on demand (uint8 [C, H, W] per row).</summary>
    public IImageSource Images { get; }

    public TaskKind Task { get; }

    /// <summary>Labels [N, L]: one-hot for multiclass, 1/0/NaN for multilabel, no columns when unlabeled.</summary>
    public LabelMatrix Labels { get; }

    /// <summary>The label (class or finding) names, the columns of <see cref="Labels"/>.</summary>
    public IReadOnlyList<string> LabelNames => Labels.Names;

    /// <summary>Class index per row (-1 unknown) for multiclass datasets; null otherwise.</summary>
    public IReadOnlyList<int>? Targets => targets;

    /// <summary>Per-row metadata: the harmonised columns (<see cref="MetadataColumns"/>) and the source's own.</summary>
    public MetadataTable Metadata { get; }

    /// <summary>Rows the reader left out under <see cref="BadRows.Skip"/>, each with the reason.</summary>
    public IReadOnlyList<DatasetException> SkippedRows { get; }

    public int Count => Images.Count;

    /// <summary>The case id of every row.</summary>
    public IReadOnlyList<string> CaseIds => Metadata[MetadataColumns.CaseId];

    /// <summary>Case id → its rows (MICLe's bags of 1..k images), cases in order of first appearance.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<int>> Cases => cases ??= GroupRows(CaseIds);

    /// <summary>The labels as a float32 tensor [N, L] owned by the caller.</summary>
    public Tensor LabelsTensor() => Labels.ToTensor();

    /// <summary>The class indices as an int64 tensor [N] owned by the caller (multiclass only).</summary>
    public Tensor TargetsTensor() =>
        targets is null ? throw new InvalidOperationException($"{Name} is {Task}: it has no class indices; use LabelsTensor().")
                        : torch.tensor(targets.Select(t => (long)t).ToArray(), targets.Length);

    /// <summary>The given rows, in the given order, with images, labels and metadata kept aligned.</summary>
    public MedicalDataset Subset(IReadOnlyList<int> rows, string? name = null) =>
        new(name ?? Name, RowMappedImageSource.Select(Images, rows), Task, Labels.Select(rows),
            targets is null ? null : rows.Select(r => targets[r]).ToArray(), Metadata.Select(rows), SkippedRows);

    /// <summary>The rows for which <paramref name="keep"/> is true.</summary>
    public MedicalDataset Where(Func<int, bool> keep, string? name = null) =>
        Subset(Enumerable.Range(0, Count).Where(keep).ToArray(), name);

    /// <summary>The rows whose metadata <paramref name="column"/> is one of <paramref name="values"/> (e.g. View = "PA").</summary>
    public MedicalDataset WhereMetadata(string column, params string[] values)
    {
        var cells = Metadata[column];
        return Where(r => values.Contains(cells[r], StringComparer.Ordinal));
    }

    /// <summary>The rows of one source split (<see cref="MetadataColumns.Split"/>), e.g. "train".</summary>
    public MedicalDataset SourceSplit(string split) =>
        WhereMetadata(MetadataColumns.Split, split).Renamed($"{Name}/{split}");

    /// <summary>The same images and labels with another metadata table (same row count, e.g. after a join).</summary>
    public MedicalDataset WithMetadata(MetadataTable metadata) => new(Name, Images, Task, Labels, targets, metadata, SkippedRows);

    internal MedicalDataset WithSkipped(IReadOnlyList<DatasetException> skipped) =>
        new(Name, Images, Task, Labels, targets, Metadata, SkippedRows.Concat(skipped).ToArray());

    /// <summary>The same data under another name.</summary>
    public MedicalDataset Renamed(string name) => new(name, Images, Task, Labels, targets, Metadata, SkippedRows);

    public override string ToString() =>
        $"{Name}: {Count} images, {Cases.Count} cases, {Task} [{string.Join(", ", LabelNames)}]";

    // Every row belongs to a case and a patient: a source without ids makes each image its own case, named
    // by where the image comes from; a case stands for its patient where patients are unknown.
    static MetadataTable WithIdColumns(MetadataTable m, IImageSource images)
    {
        if (!m.Has(MetadataColumns.CaseId))
            m = m.With(MetadataColumns.CaseId, m.Has(MetadataColumns.PatientId)
                ? m[MetadataColumns.PatientId].ToArray()
                : Enumerable.Range(0, m.RowCount).Select(images.Describe).ToArray());
        if (!m.Has(MetadataColumns.PatientId)) m = m.With(MetadataColumns.PatientId, m[MetadataColumns.CaseId].ToArray());
        var ids = m[MetadataColumns.CaseId];
        for (int i = 0; i < ids.Count; i++)
            if (string.IsNullOrWhiteSpace(ids[i])) throw new ArgumentException($"Metadata row {i} has an empty {MetadataColumns.CaseId}.");
        return m;
    }

    static Dictionary<string, IReadOnlyList<int>> GroupRows(IReadOnlyList<string> keys)
    {
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < keys.Count; i++)
        {
            if (!groups.TryGetValue(keys[i], out var rows)) groups[keys[i]] = rows = new List<int>();
            rows.Add(i);
        }
        return groups.ToDictionary(g => g.Key, g => (IReadOnlyList<int>)g.Value.ToArray(), StringComparer.Ordinal);
    }
}
