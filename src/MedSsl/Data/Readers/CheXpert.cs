using System.Globalization;
using System.Text.RegularExpressions;

namespace MedSsl.Data;

/// <summary>How CheXpert's uncertain labels (-1) become training targets (Irvin et al. 2019).</summary>
public enum Uncertainty
{
    /// <summary>U-Ignore: uncertain → NaN, left out of the loss and the metrics.</summary>
    Ignore,

    /// <summary>U-Zeros: uncertain → 0.</summary>
    Zeros,

    /// <summary>U-Ones: uncertain → 1.</summary>
    Ones,
}

/// <summary>Which chest X-ray projections to keep.</summary>
public enum ViewFilter { All, Frontal, Lateral }

/// <summary>CheXpert-specific reading choices.</summary>
public sealed record CheXpertOptions
{
    /// <summary>Label columns to read; by default the five competition pathologies the paper reports.</summary>
    public IReadOnlyList<string> Labels { get; init; } = LabelNames.CheXpertCompetition;

    public Uncertainty Uncertainty { get; init; } = Uncertainty.Ignore;

    public ViewFilter Views { get; init; } = ViewFilter.All;

    /// <summary>Blank means "not mentioned in the report": NaN by default, 0 when true (a common training choice).</summary>
    public bool BlankIsNegative { get; init; }
}

/// <summary>
/// CheXpert (Stanford, 2019): <c>train.csv</c> / <c>valid.csv</c> with a <c>Path</c> column such as
/// <c>CheXpert-v1.0-small/train/patient00001/study1/view1_frontal.jpg</c>, <c>Frontal/Lateral</c>, <c>AP/PA</c>,
/// <c>Sex</c>, <c>Age</c> and one column per observation holding 1, 0, -1 (uncertain) or blank. The patient id
/// comes from the path; the case is the patient (studies of one patient are never split apart).
/// </summary>
public static class CheXpert
{
    static readonly Regex PathPattern = new(@"(?:^|/)(patient\d+)/(study\d+)/(view\d+)_(frontal|lateral)\.[A-Za-z]+$", RegexOptions.Compiled);

    /// <summary>Reads one CSV of the release. <paramref name="root"/> is the folder holding the CSV; image
    /// paths in the CSV may include that folder's own name (as the release writes them) or not.</summary>
    public static MedicalDataset Read(string root, string csvFile = "train.csv", string? split = null,
                                      CheXpertOptions? chexpert = null, ReadOptions? options = null, string name = "chexpert")
    {
        chexpert ??= new CheXpertOptions();
        options ??= ReadOptions.Default;
        ImageFiles.RequireDirectory(root, "CheXpert root");
        var csv = CsvTable.Read(Path.Combine(root, csvFile));
        csv.Require(chexpert.Labels.Prepend("Frontal/Lateral").Prepend("Path"));
        int pathColumn = csv.Column("Path"), viewColumn = csv.Column("Frontal/Lateral");
        int? apPa = csv.OptionalColumn("AP/PA"), sex = csv.OptionalColumn("Sex"), age = csv.OptionalColumn("Age");
        var labelColumns = chexpert.Labels.Select(csv.Column).ToArray();
        var issues = new RowIssues(options.BadRows);
        var kept = new KeptRows(csv, root);
        var labels = new List<float>();
        var resolve = Resolver(root, csv);
        foreach (var row in csv.Rows)
        {
            if (!csv.Complete(row, issues)) continue;
            var relative = row[pathColumn].Trim();
            var match = PathPattern.Match(relative.Replace('\\', '/'));
            if (!match.Success)
            {
                issues.Add(new DatasetException(csv.File, row.Line, "Path", $"'{relative}' is not .../patientN/studyN/viewN_frontal|lateral.jpg."));
                continue;
            }
            var frontal = row[viewColumn].Trim();
            if (frontal is not ("Frontal" or "Lateral"))
            {
                issues.Add(new DatasetException(csv.File, row.Line, "Frontal/Lateral", $"'{frontal}' is neither Frontal nor Lateral."));
                continue;
            }
            if (chexpert.Views == ViewFilter.Frontal && frontal != "Frontal" || chexpert.Views == ViewFilter.Lateral && frontal != "Lateral") continue;
            var values = ParseLabels(row, labelColumns, chexpert, csv, issues);
            if (values == null) continue;
            var path = resolve(relative);
            if (options.CheckFiles && !File.Exists(path))
            {
                issues.Add(new DatasetException(csv.File, row.Line, "Path", $"image file not found: {path}"));
                continue;
            }
            labels.AddRange(values);
            string patient = match.Groups[1].Value, view = frontal == "Lateral" ? "Lateral" : Cell(row, apPa) is { Length: > 0 } p ? p : "Frontal";
            kept.Keep(row, path, (MetadataColumns.CaseId, patient), (MetadataColumns.PatientId, patient),
                ("StudyId", $"{patient}/{match.Groups[2].Value}"), (MetadataColumns.View, view),
                (MetadataColumns.Sex, Cell(row, sex)), (MetadataColumns.Age, Cell(row, age)),
                (MetadataColumns.Split, split ?? Path.GetFileNameWithoutExtension(csvFile)));
        }
        var matrix = new LabelMatrix(kept.Count, chexpert.Labels, labels.ToArray());
        return MedicalDataset.Multilabel(name, new FileImageSource(kept.Paths, 1, options.Decoder), matrix, kept.Metadata(), issues.Skipped);
    }

    static float[]? ParseLabels(CsvRow row, int[] columns, CheXpertOptions o, CsvTable csv, RowIssues issues)
    {
        var values = new float[columns.Length];
        for (int k = 0; k < columns.Length; k++)
        {
            var text = row[columns[k]].Trim();
            if (text.Length == 0) { values[k] = o.BlankIsNegative ? 0 : float.NaN; continue; }
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v is not (1 or 0 or -1))
            {
                issues.Add(new DatasetException(csv.File, row.Line, o.Labels[k], $"unknown label value '{text}' (expected 1, 0, -1 or blank)."));
                return null;
            }
            values[k] = v != -1 ? (float)v : o.Uncertainty switch { Uncertainty.Zeros => 0, Uncertainty.Ones => 1, _ => float.NaN };
        }
        return values;
    }

    // The release writes paths as "CheXpert-v1.0-small/train/...", relative to the folder *above* the CSV.
    // Decide once, from the first row, whether paths are relative to the root or to its parent.
    static Func<string, string> Resolver(string root, CsvTable csv)
    {
        var first = csv.Rows.FirstOrDefault()?.Fields.ElementAtOrDefault(csv.Column("Path"))?.Trim().Replace('\\', '/') ?? "";
        var top = first.Split('/')[0];
        bool underParent = top.Length > 0 && !Directory.Exists(Path.Combine(root, top)) && top == Path.GetFileName(Path.GetFullPath(root).TrimEnd('/'));
        var baseDir = underParent ? Path.GetDirectoryName(Path.GetFullPath(root).TrimEnd('/'))! : root;
        return relative => Path.Combine(baseDir, relative);
    }

    static string Cell(CsvRow row, int? column) => column is { } c ? row[c].Trim() : "";
}
