using System.Globalization;
using MedSsl.Torch;

namespace MedSsl.Data;

/// <summary>
/// Datasets stored as NumPy archives. Two layouts: MedMNIST's, with one set of arrays per split
/// (<c>{split}_images</c>, <c>{split}_labels</c>, optional <c>{split}_lesion_ids</c>), and a single set of
/// arrays with per-row vectors (images, labels, patient ids, a split code), as the NIH1000 file.
/// Every other 1-D array with one value per row becomes a metadata column of its name.
/// </summary>
public static class NpzDatasets
{
    /// <summary>MedMNIST's split names, in file order.</summary>
    public static readonly IReadOnlyList<string> MedMnistSplits = new[] { "train", "val", "test" };

    /// <summary>
    /// Reads a MedMNIST-style archive: every split whose <c>{split}_images</c> exists, in train/val/test order.
    /// Metadata: <c>Split</c>, <c>Index</c> (the row's index in its split, or <c>{split}_source_index</c> for
    /// fixtures cut from a bigger file), <c>CaseId</c> from <c>{split}_lesion_ids</c> when present (else each
    /// image is its own case), and every other per-row array of the split.
    /// </summary>
    public static MedicalDataset ReadMedMnist(string path, IReadOnlyList<string> labelNames, TaskKind task,
                                              string? name = null, ReadOptions? options = null)
    {
        var issues = new RowIssues((options ?? ReadOptions.Default).BadRows);
        var arrays = Load(path);
        try
        {
            var parts = new List<MedicalDataset>();
            foreach (var split in MedMnistSplits)
            {
                if (!arrays.ContainsKey($"{split}_images")) continue;
                var vectors = arrays.Where(a => a.Key.StartsWith(split + "_", StringComparison.Ordinal))
                    .ToDictionary(a => a.Key[(split.Length + 1)..], a => a.Value);
                vectors.Remove("images");
                vectors.Remove("labels");
                var part = Part(path, $"{split}_images", $"{split}_labels", arrays, labelNames, task, vectors, issues, (meta, n) =>
                {
                    meta[MetadataColumns.Split] = Enumerable.Repeat(split, n).ToArray();
                    meta[MetadataColumns.Index] = meta.TryGetValue("source_index", out var source) ? source
                        : Enumerable.Range(0, n).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
                    meta[MetadataColumns.CaseId] = meta.TryGetValue("lesion_ids", out var lesions) ? lesions
                        : meta[MetadataColumns.Index].Select(i => $"{split}/{i}").ToArray();
                });
                parts.Add(part);
            }
            if (parts.Count == 0)
                throw new DatasetException(path, null, null,
                    $"no {{split}}_images array for any of {string.Join(", ", MedMnistSplits)}; the archive has: {string.Join(", ", arrays.Keys)}.");
            return Finish(MedicalDataset.Concat(name ?? Path.GetFileNameWithoutExtension(path), parts), issues);
        }
        finally
        {
            foreach (var t in arrays.Values) t.Dispose();
        }
    }

    /// <summary>
    /// Reads an archive of single arrays: <paramref name="keys"/> names the image and label arrays and,
    /// optionally, a case (patient) id vector and a split code vector with the names of its codes.
    /// Metadata: <c>Index</c> (the row in the file), <c>CaseId</c>/<c>PatientId</c>, <c>Split</c>, and every per-row array by its key.
    /// </summary>
    public static MedicalDataset ReadArrays(string path, NpzKeys keys, IReadOnlyList<string> labelNames, TaskKind task,
                                            string? name = null, ReadOptions? options = null)
    {
        var issues = new RowIssues((options ?? ReadOptions.Default).BadRows);
        var arrays = Load(path);
        try
        {
            var vectors = arrays.Where(a => a.Key != keys.Images && a.Key != keys.Labels).ToDictionary(a => a.Key, a => a.Value);
            var data = Part(path, keys.Images, keys.Labels, arrays, labelNames, task, vectors, issues, (meta, n) =>
            {
                meta[MetadataColumns.Index] = Enumerable.Range(0, n).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
                if (keys.CaseId != null) meta[MetadataColumns.CaseId] = Vector(meta, keys.CaseId, path);
                if (keys.Split != null) meta[MetadataColumns.Split] = SplitNames(Vector(meta, keys.Split, path), keys, path);
            });
            return Finish(data.Renamed(name ?? Path.GetFileNameWithoutExtension(path)), issues);
        }
        finally
        {
            foreach (var t in arrays.Values) t.Dispose();
        }
    }

    static Dictionary<string, Tensor> Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"NumPy archive not found: {path}", path);
        return np.load_npz(path);
    }

    // One block of rows: images, labels checked value by value, per-row vectors as metadata.
    static MedicalDataset Part(string path, string imageKey, string labelKey, Dictionary<string, Tensor> arrays,
        IReadOnlyList<string> labelNames, TaskKind task, Dictionary<string, Tensor> vectors, RowIssues issues,
        Action<Dictionary<string, string[]>, int> addColumns)
    {
        var images = ArrayImageSource.FromNumpy(Array(arrays, imageKey, path), $"{path}[{imageKey}]");
        int n = images.Count;
        var meta = new Dictionary<string, string[]>();
        foreach (var (key, t) in vectors)
            if (t.dim() == 1 && t.shape[0] == n && !t.is_floating_point()) meta[key] = Strings(t);
        addColumns(meta, n);
        var metadata = new MetadataTable(n, meta);
        var where = $"{path}[{labelKey}]";
        var labels = task == TaskKind.Unlabeled ? null : Array(arrays, labelKey, path);
        var (good, dataset) = task switch
        {
            TaskKind.Multiclass => Classes(labels!, n, labelNames, where, issues, images, metadata),
            TaskKind.Multilabel => Findings(labels!, n, labelNames, where, issues, images, metadata),
            _ => (Enumerable.Range(0, n).ToArray(), MedicalDataset.Unlabeled(path, images, metadata)),
        };
        return good.Length == n ? dataset : dataset.Subset(good);
    }

    static (int[], MedicalDataset) Classes(Tensor labels, int n, IReadOnlyList<string> names, string where,
        RowIssues issues, IImageSource images, MetadataTable metadata)
    {
        if (labels.is_floating_point() || !(labels.dim() == 1 || labels.dim() == 2 && labels.shape[1] == 1) || labels.shape[0] != n)
            throw new DatasetException(where, null, null,
                $"expected integer class labels [{n}] or [{n}, 1], got {labels.dtype.Name()} [{string.Join(", ", labels.shape)}].");
        var values = Longs(labels);
        var good = new List<int>();
        for (int i = 0; i < n; i++)
        {
            if (values[i] >= 0 && values[i] < names.Count) { good.Add(i); continue; }
            issues.Add(new DatasetException($"{where}[{i}]", null, null, $"class {values[i]} is not one of 0..{names.Count - 1} ({string.Join(", ", names)})."));
        }
        var targets = values.Select(v => v >= 0 && v < names.Count ? (int)v : -1).ToArray();
        return (good.ToArray(), MedicalDataset.Multiclass(where, images, names, targets, metadata));
    }

    static (int[], MedicalDataset) Findings(Tensor labels, int n, IReadOnlyList<string> names, string where,
        RowIssues issues, IImageSource images, MetadataTable metadata)
    {
        if (labels.dim() != 2 || labels.shape[0] != n || labels.shape[1] != names.Count)
            throw new DatasetException(where, null, null,
                $"expected multi-label labels [{n}, {names.Count}] ({string.Join(", ", names)}), got [{string.Join(", ", labels.shape)}].");
        using var asFloat = labels.to(ScalarType.Float32);
        var values = asFloat.data<float>();
        var good = new List<int>();
        for (int i = 0; i < n; i++)
        {
            int bad = Enumerable.Range(0, names.Count).FirstOrDefault(c => values[i * names.Count + c] is not (0f or 1f) && !float.IsNaN(values[i * names.Count + c]), -1);
            if (bad < 0) { good.Add(i); continue; }
            issues.Add(new DatasetException($"{where}[{i}]", null, names[bad], $"value {values[i * names.Count + bad]} is not 0, 1 or NaN."));
        }
        return (good.ToArray(), MedicalDataset.Multilabel(where, images, new LabelMatrix(n, names, values), metadata));
    }

    static string[] SplitNames(string[] codes, NpzKeys keys, string path)
    {
        if (keys.SplitNames == null) return codes;
        return codes.Select((c, i) => int.TryParse(c, out var k) && k >= 0 && k < keys.SplitNames.Count ? keys.SplitNames[k]
            : throw new DatasetException($"{path}[{keys.Split}][{i}]", null, null,
                $"split code {c} has no name (names: {string.Join(", ", keys.SplitNames)}).")).ToArray();
    }

    static Tensor Array(Dictionary<string, Tensor> arrays, string key, string path) =>
        arrays.TryGetValue(key, out var t) ? t
            : throw new DatasetException(path, null, key, $"the array is missing; the archive has: {string.Join(", ", arrays.Keys)}.");

    static string[] Vector(Dictionary<string, string[]> meta, string key, string path) =>
        meta.TryGetValue(key, out var v) ? v
            : throw new DatasetException(path, null, key, "no integer vector with one value per image under this key.");

    static long[] Longs(Tensor t)
    {
        using var l = t.to(ScalarType.Int64);
        return l.data<long>();
    }

    static string[] Strings(Tensor t) => Longs(t).Select(v => v.ToString(CultureInfo.InvariantCulture)).ToArray();

    static MedicalDataset Finish(MedicalDataset d, RowIssues issues) =>
        issues.Skipped.Count == 0 ? d : d.WithSkipped(issues.Skipped);
}

/// <summary>Array names of a single-array .npz (see <see cref="NpzDatasets.ReadArrays"/>).</summary>
public sealed record NpzKeys(string Images = "images", string Labels = "labels", string? CaseId = null,
                             string? Split = null, IReadOnlyList<string>? SplitNames = null);
