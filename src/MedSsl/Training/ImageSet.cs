using System.Security.Cryptography;
using MedSsl.Data;
using MedSsl.Torch;

namespace MedSsl.Training;

/// <summary>
/// A dataset held in memory for training: uint8 images [N, C, H, W], labels (int64 classes [N], -1 unknown, or
/// float [N, L] with NaN), and the case of every row. MedMNIST-size sets (28–64 px) fit easily; the training
/// loop then gathers batches with index_select instead of decoding files. Owns its tensors.
/// </summary>
public sealed class ImageSet : IDisposable
{
    public ImageSet(string name, Tensor images, Tensor? labels, TaskKind task, int num_classes, IReadOnlyList<string> case_ids)
    {
        if (images.dim() != 4 || images.dtype != ScalarType.Byte)
            throw new ArgumentException($"{name}: expected uint8 images [N, C, H, W], got {images.dtype} [{string.Join(", ", images.shape)}].");
        if (case_ids.Count != images.shape[0] || (labels is not null && labels.shape[0] != images.shape[0]))
            throw new ArgumentException($"{name}: {images.shape[0]} images, {labels?.shape[0]} label rows and {case_ids.Count} case ids must be equal.");
        (this.name, this.images, this.labels, this.task, this.num_classes) = (name, images, labels, task, num_classes);
        this.case_ids = case_ids.ToArray();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        case_of_row = this.case_ids.Select(c => index.TryGetValue(c, out var i) ? i : index[c] = index.Count).ToArray();
    }

    /// <summary>Every image of <paramref name="dataset"/> decoded once (all must share one size).</summary>
    public static ImageSet From(MedicalDataset dataset)
    {
        using var scope = torch.NewDisposeScope();
        var rows = new Tensor[dataset.Count];
        for (int r = 0; r < rows.Length; r++)
        {
            rows[r] = dataset.Images.Load(r);
            if (r > 0 && !rows[r].shape.SequenceEqual(rows[0].shape))
                throw new InvalidDataException($"{dataset.Name}: {dataset.Images.Describe(r)} is [{string.Join(", ", rows[r].shape)}] but " +
                    $"{dataset.Images.Describe(0)} is [{string.Join(", ", rows[0].shape)}]; build a resized cache first (ImageCache).");
        }
        var images = rows.Length > 0 ? torch.stack(rows) : torch.zeros(new long[] { 0, dataset.Images.Channels, 1, 1 }, ScalarType.Byte);
        Tensor? labels = dataset.Task switch
        {
            TaskKind.Multiclass => dataset.TargetsTensor(),
            TaskKind.Multilabel => dataset.LabelsTensor(),
            _ => null,
        };
        var set = new ImageSet(dataset.Name, images.MoveToOuterDisposeScope(), labels?.MoveToOuterDisposeScope(), dataset.Task,
                               dataset.LabelNames.Count, dataset.CaseIds);
        return set;
    }

    public string name { get; }
    public Tensor images { get; }

    /// <summary>int64 classes [N] (multiclass), float [N, L] (multilabel) or null (unlabeled).</summary>
    public Tensor? labels { get; }
    public TaskKind task { get; }
    public int num_classes { get; }
    public IReadOnlyList<string> case_ids { get; }

    /// <summary>The case of every row as a dense index 0..cases−1 (what the samplers take).</summary>
    public IReadOnlyList<int> case_of_row { get; }

    public int Count => (int)images.shape[0];
    public int case_count => case_of_row.Count == 0 ? 0 : case_of_row.Max() + 1;

    /// <summary>The given rows as a new set.</summary>
    public ImageSet Subset(IReadOnlyList<int> rows, string? newName = null)
    {
        using var idx = torch.tensor(rows.Select(r => (long)r).ToArray(), rows.Count);
        return new ImageSet(newName ?? name, images.index_select(0, idx), labels?.index_select(0, idx), task, num_classes,
                            rows.Select(r => case_ids[r]).ToArray());
    }

    /// <summary>The same images without labels (pretraining data).</summary>
    public ImageSet Unlabeled() => new(name, images.alias(), null, TaskKind.Unlabeled, 0, case_ids);

    /// <summary>SHA-256 of pixels, labels and case ids: a checkpoint records it so a resume on other data is refused.</summary>
    public string content_hash()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(images.contiguous().bytes());
        if (labels is not null) sha.AppendData(labels.contiguous().bytes());
        foreach (var c in case_ids) sha.AppendData(System.Text.Encoding.UTF8.GetBytes(c + "\n"));
        return "sha256:" + Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }

    public override string ToString() => $"{name}: {Count} images, {case_count} cases";

    public void Dispose()
    {
        images.Dispose();
        labels?.Dispose();
    }
}
