using System.Globalization;

namespace MedSsl.Data;

/// <summary>
/// NIH ChestX-ray14 (Wang et al. 2017): <c>Data_Entry_2017.csv</c> and 112,120 PNGs anywhere below the root
/// (the release ships them in <c>images_001/images/</c> … <c>images_012/images/</c>). <c>Finding Labels</c>
/// holds findings joined by '|' or "No Finding" (all fourteen negative); labels are definite (no NaN).
/// The case is the patient (<c>Patient ID</c>). When <c>train_val_list.txt</c> and <c>test_list.txt</c> are
/// in the root, <see cref="MetadataColumns.Split"/> holds the official patient-disjoint split.
/// </summary>
public static class NihChestXray14
{
    public const string EntryFile = "Data_Entry_2017.csv";

    // Finding → column; the CSV writes "Pleural_Thickening", some copies "Pleural Thickening".
    static readonly Dictionary<string, int> Columns = LabelNames.Nih14.Select((name, k) => (name, k))
        .SelectMany(p => new[] { (p.name, p.k), (p.name.Replace('_', ' '), p.k) }).DistinctBy(p => p.Item1)
        .ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);

    /// <summary>Columns the reader needs; <c>View Position</c>, <c>Patient Age</c>, <c>Patient Gender</c> are used when present.</summary>
    public static readonly IReadOnlyList<string> RequiredColumns = new[] { "Image Index", "Finding Labels", "Patient ID" };

    public static MedicalDataset Read(string root, ReadOptions? options = null, string entryFile = EntryFile,
                                      string name = "nih-chestxray14")
    {
        options ??= ReadOptions.Default;
        ImageFiles.RequireDirectory(root, "NIH ChestX-ray14 root");
        var csv = CsvTable.Read(Path.Combine(root, entryFile));
        csv.Require(RequiredColumns);
        int image = csv.Column("Image Index"), findings = csv.Column("Finding Labels"), patient = csv.Column("Patient ID");
        int? view = csv.OptionalColumn("View Position"), age = csv.OptionalColumn("Patient Age"), sex = csv.OptionalColumn("Patient Gender");
        var files = ImageFiles.ByName(root);
        var splits = OfficialSplit(root);
        var issues = new RowIssues(options.BadRows);
        var kept = new KeptRows(csv, root);
        var labels = new List<float>();
        foreach (var row in csv.Rows)
        {
            if (!csv.Complete(row, issues)) continue;
            var values = ParseFindings(row, findings, csv, issues);
            if (values == null) continue;
            var id = row[patient].Trim();
            if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                issues.Add(new DatasetException(csv.File, row.Line, "Patient ID", $"'{id}' is not a patient number."));
                continue;
            }
            var file = row[image].Trim();
            if (!files.TryGetValue(file, out var path))
            {
                issues.Add(new DatasetException(csv.File, row.Line, "Image Index", $"no image file {file} under {root}."));
                continue;
            }
            labels.AddRange(values);
            kept.Keep(row, path, (MetadataColumns.CaseId, id), (MetadataColumns.PatientId, id),
                (MetadataColumns.View, Cell(row, view)), (MetadataColumns.Age, Cell(row, age)), (MetadataColumns.Sex, Cell(row, sex)),
                (MetadataColumns.Split, splits.TryGetValue(file, out var s) ? s : ""));
        }
        var matrix = new LabelMatrix(kept.Count, LabelNames.Nih14, labels.ToArray());
        return MedicalDataset.Multilabel(name, new FileImageSource(kept.Paths, 1, options.Decoder), matrix, kept.Metadata(), issues.Skipped);
    }

    /// <summary>The fourteen 0/1 values of a "Finding Labels" cell, or null (reported) when a token is unknown.</summary>
    static float[]? ParseFindings(CsvRow row, int column, CsvTable csv, RowIssues issues)
    {
        var values = new float[LabelNames.Nih14.Count];
        var cell = row[column].Trim();
        if (cell == "No Finding") return values;
        foreach (var token in cell.Split('|', StringSplitOptions.TrimEntries))
        {
            if (!Columns.TryGetValue(token, out var k))
            {
                issues.Add(new DatasetException(csv.File, row.Line, "Finding Labels",
                    $"unknown finding '{token}' (expected 'No Finding' or findings joined by '|': {string.Join(", ", LabelNames.Nih14)})."));
                return null;
            }
            values[k] = 1;
        }
        return values;
    }

    static Dictionary<string, string> OfficialSplit(string root)
    {
        var split = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, name) in new[] { ("train_val_list.txt", "train_val"), ("test_list.txt", "test") })
        {
            var path = Path.Combine(root, file);
            if (!File.Exists(path)) continue;
            foreach (var line in File.ReadLines(path))
                if (line.Trim().Length > 0) split[line.Trim()] = name;
        }
        return split;
    }

    static string Cell(CsvRow row, int? column) => column is { } c ? row[c].Trim() : "";
}
