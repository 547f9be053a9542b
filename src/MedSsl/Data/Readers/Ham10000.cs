namespace MedSsl.Data;

/// <summary>
/// HAM10000 (ISIC 2018 task 3 training set): a folder of ISIC_*.jpg dermatoscopy images anywhere below the
/// root (the Harvard Dataverse and Kaggle releases split them into two part folders) and
/// <c>HAM10000_metadata.csv</c>. Seven classes (<see cref="LabelNames.Ham10000"/>); the case is the lesion
/// (<c>lesion_id</c>, 1–6 images each). HAM10000 has no patient ids, so the lesion is the patient unit too.
/// </summary>
public static class Ham10000
{
    public const string MetadataFile = "HAM10000_metadata.csv";

    /// <summary>Columns the reader needs; <c>dx_type</c>, <c>age</c>, <c>sex</c>, <c>localization</c> and
    /// <c>dataset</c> (acquisition source) are used when present.</summary>
    public static readonly IReadOnlyList<string> RequiredColumns = new[] { "lesion_id", "image_id", "dx" };

    public static MedicalDataset Read(string root, ReadOptions? options = null, string metadataFile = MetadataFile,
                                      string name = "ham10000")
    {
        options ??= ReadOptions.Default;
        ImageFiles.RequireDirectory(root, "HAM10000 root");
        var csv = CsvTable.Read(Path.Combine(root, metadataFile));
        csv.Require(RequiredColumns);
        int lesion = csv.Column("lesion_id"), image = csv.Column("image_id"), dx = csv.Column("dx");
        var optional = new[] { ("localization", MetadataColumns.BodySite), ("age", MetadataColumns.Age),
                               ("sex", MetadataColumns.Sex), ("dataset", MetadataColumns.Site) }
            .Select(p => (Index: csv.OptionalColumn(p.Item1), Harmonised: p.Item2)).Where(p => p.Index != null).ToArray();
        var files = ImageFiles.ByName(root);
        var issues = new RowIssues(options.BadRows);
        var kept = new KeptRows(csv, root);
        var targets = new List<int>();
        var classes = LabelNames.Ham10000.Select((name, k) => (name, k)).ToDictionary(p => p.name, p => p.k);
        foreach (var row in csv.Rows)
        {
            if (!csv.Complete(row, issues)) continue;
            if (!classes.TryGetValue(row[dx].Trim(), out var target))
            {
                issues.Add(new DatasetException(csv.File, row.Line, "dx",
                    $"unknown diagnosis '{row[dx]}' (expected one of {string.Join(", ", LabelNames.Ham10000)})."));
                continue;
            }
            var id = row[lesion].Trim();
            if (id.Length == 0) { issues.Add(new DatasetException(csv.File, row.Line, "lesion_id", "the lesion id is empty.")); continue; }
            if (!files.TryGetValue(row[image].Trim() + ".jpg", out var path))
            {
                issues.Add(new DatasetException(csv.File, row.Line, "image_id", $"no image file {row[image].Trim()}.jpg under {root}."));
                continue;
            }
            targets.Add(target);
            kept.Keep(row, path, optional.Select(p => (p.Harmonised, row[p.Index!.Value].Trim()))
                .Prepend((MetadataColumns.PatientId, id)).Prepend((MetadataColumns.CaseId, id)).ToArray());
        }
        var images = new FileImageSource(kept.Paths, 3, options.Decoder);
        return MedicalDataset.Multiclass(name, images, LabelNames.Ham10000, targets, kept.Metadata(), issues.Skipped);
    }
}
