using System.Text.Json;

namespace MedSsl.Data;

/// <summary>
/// Reads and validates a dataset manifest by hand (no schema library): every field of
/// <c>data-manifests/schema.json</c>, plus the rules that span fields. All problems are reported at once
/// in a <see cref="ManifestException"/> naming the file and each JSON path.
/// </summary>
public static class ManifestParser
{
    public static readonly IReadOnlyList<string> Formats = new[] { "medmnist-npz", "npz-arrays", "ham10000", "chexpert", "nih-chestxray14", "imagefolder" };

    /// <summary>The fields each object may have, by JSON path; tests hold schema.json to the same table.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Fields = new Dictionary<string, string[]>
    {
        ["$"] = new[] { "$schema", "name", "title", "format", "root", "files", "layout", "image", "task", "labels", "label_descriptions",
                        "csv", "npz", "join", "columns", "case_id", "splits", "chexpert", "checksums", "licence", "citation", "obtain" },
        ["$.root"] = new[] { "env", "shared" },
        ["$.image"] = new[] { "channels", "size" },
        ["$.csv"] = new[] { "file", "columns" },
        ["$.npz"] = new[] { "images", "labels", "case_id", "split", "split_names" },
        ["$.join"] = new[] { "file", "keys", "agree", "label" },
        ["$.splits"] = new[] { "source", "names", "sizes", "case_disjoint", "folders" },
        ["$.chexpert"] = new[] { "uncertainty", "views", "blank_is_negative" },
    };

    /// <summary>Required fields by JSON path (as in schema.json).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Required = new Dictionary<string, string[]>
    {
        ["$"] = new[] { "name", "title", "format", "root", "files", "layout", "image", "task", "case_id", "splits", "licence", "citation", "obtain" },
        ["$.root"] = new[] { "env" },
        ["$.image"] = new[] { "channels" },
        ["$.csv"] = new[] { "file", "columns" },
        ["$.npz"] = new[] { "images", "labels" },
        ["$.join"] = new[] { "file", "keys" },
        ["$.splits"] = new[] { "source", "case_disjoint" },
        ["$.chexpert"] = Array.Empty<string>(),
    };

    static readonly string[] Harmonised = { MetadataColumns.PatientId, MetadataColumns.CaseId, MetadataColumns.Split, MetadataColumns.View,
                                            MetadataColumns.BodySite, MetadataColumns.Site, MetadataColumns.Age, MetadataColumns.Sex };

    // The file roles each reader needs.
    static readonly Dictionary<string, string[]> Roles = new()
    {
        ["medmnist-npz"] = new[] { "npz" }, ["npz-arrays"] = new[] { "npz" }, ["ham10000"] = new[] { "metadata" },
        ["chexpert"] = new[] { "train" }, ["nih-chestxray14"] = new[] { "entries" }, ["imagefolder"] = Array.Empty<string>(),
    };

    /// <summary>Reads a manifest file.</summary>
    public static DatasetManifest Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Manifest not found: {path}", path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses manifest text; <paramref name="source"/> names it in errors.</summary>
    public static DatasetManifest Parse(string json, string source)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }); }
        catch (JsonException e)
        {
            throw new ManifestException(source, new[] { new ManifestError($"line {e.LineNumber + 1}", $"not valid JSON: {e.Message}") });
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new ManifestException(source, new[] { new ManifestError("$", "expected a JSON object.") });
            var errors = new List<ManifestError>();
            var manifest = Read(new JsonFields(doc.RootElement, "$", errors, Fields["$"]), source);
            if (errors.Count > 0 || manifest == null) throw new ManifestException(source, errors);
            return manifest;
        }
    }

    static DatasetManifest? Read(JsonFields m, string source)
    {
        var name = m.String("name", true, pattern: "^[a-z0-9][a-z0-9-]*$");
        var format = m.String("format", true, oneOf: Formats);
        var task = m.String("task", true, oneOf: new[] { "multiclass", "multilabel", "unlabeled" });
        var root = m.Object("root", true, Fields["$.root"]);
        var (env, shared) = (root?.String("env", true, pattern: "^MEDSSL_[A-Z0-9_]+$"), root?.String("shared", false));
        var files = m.Map("files", true) ?? new Dictionary<string, string>();
        var image = m.Object("image", true, Fields["$.image"]);
        var channels = image?.Int("channels", true, oneOf: new[] { 1, 3 });
        var size = image?.Ints("size", false, 2, 2, 1);
        var labels = m.Strings("labels", task is "multiclass" or "multilabel", unique: true, minItems: 1);
        var splits = ReadSplits(m);
        var csv = ReadCsv(m, files);
        var join = ReadJoin(m, files);
        var npz = ReadNpz(m, format);
        var chexpert = ReadCheXpert(m, format);
        var checksums = m.Map("checksums", false, valuePattern: "^sha256:[0-9a-f]{64}$") ?? new Dictionary<string, string>();
        var columns = m.Map("columns", false, keys: Harmonised) ?? new Dictionary<string, string>();
        var descriptions = m.Map("label_descriptions", false) ?? new Dictionary<string, string>();
        string? title = m.String("title", true), layout = m.String("layout", true), caseId = m.String("case_id", true),
                licence = m.String("licence", true), citation = m.String("citation", true), obtain = m.String("obtain", true);
        m.String("$schema", false);
        if (format != null)
            foreach (var role in Roles[format].Where(r => !files.ContainsKey(r)))
                m.Error(m.At("files"), $"the {format} reader needs a '{role}' file.");
        foreach (var label in descriptions.Keys.Where(k => labels != null && !labels.Contains(k)))
            m.Error($"{m.At("label_descriptions")}.{label}", "describes a label that is not in $.labels.");
        if (name is null || format is null || task is null || env is null || channels is null || splits is null || title is null ||
            layout is null || caseId is null || licence is null || citation is null || obtain is null || (task != "unlabeled" && labels is null))
            return null;
        return new DatasetManifest
        {
            Source = source, Name = name, Title = title, Format = format, RootEnv = env, RootShared = shared, Files = files,
            Layout = layout, Channels = channels.Value, Size = size, Labels = labels ?? Array.Empty<string>(),
            Task = Enum.Parse<TaskKind>(task, ignoreCase: true), LabelDescriptions = descriptions, Csv = csv, Npz = npz,
            Join = join, Columns = columns, CaseId = caseId, Splits = splits, CheXpert = chexpert, Checksums = checksums,
            Licence = licence, Citation = citation, Obtain = obtain,
        };
    }

    static ManifestSplits? ReadSplits(JsonFields m)
    {
        var s = m.Object("splits", true, Fields["$.splits"]);
        if (s == null) return null;
        var (source, disjoint) = (s.String("source", true), s.Bool("case_disjoint", true));
        var names = s.Strings("names", false, unique: true) ?? Array.Empty<string>();
        var sizes = s.IntMap("sizes", false) ?? new Dictionary<string, int>();
        var folders = s.Map("folders", false) ?? new Dictionary<string, string>();
        foreach (var split in sizes.Keys.Concat(folders.Keys).Where(k => !names.Contains(k)).Distinct())
            s.Error(s.At("names"), $"does not list the split '{split}' used in sizes or folders.");
        if (source == null || disjoint == null) return null;
        return new ManifestSplits { Description = source, Names = names, Sizes = sizes, CaseDisjoint = disjoint.Value, Folders = folders };
    }

    static (string, IReadOnlyList<string>)? ReadCsv(JsonFields m, IReadOnlyDictionary<string, string> files)
    {
        var csv = m.Object("csv", false, Fields["$.csv"]);
        if (csv == null) return null;
        var (file, columns) = (Role(csv, "file", files), csv.Strings("columns", true, unique: true, minItems: 1));
        return file != null && columns != null ? (file, columns) : null;
    }

    static CsvJoin? ReadJoin(JsonFields m, IReadOnlyDictionary<string, string> files)
    {
        var j = m.Object("join", false, Fields["$.join"]);
        if (j == null) return null;
        var file = Role(j, "file", files);
        var keys = j.Map("keys", true, minItems: 1);
        var agree = j.Map("agree", false) ?? new Dictionary<string, string>();
        var label = j.String("label", false);
        return file != null && keys != null ? new CsvJoin(file) { Keys = keys, Agree = agree, LabelColumn = label } : null;
    }

    static NpzKeys? ReadNpz(JsonFields m, string? format)
    {
        var n = m.Object("npz", format == "npz-arrays", Fields["$.npz"]);
        if (n == null) return null;
        if (format != "npz-arrays") n.Error(n.Path, $"only the npz-arrays format reads array names; this is {format}.");
        var (images, labels) = (n.String("images", true), n.String("labels", true));
        var (caseId, split, names) = (n.String("case_id", false), n.String("split", false), n.Strings("split_names", false, unique: true));
        return images != null && labels != null ? new NpzKeys(images, labels, caseId, split, names) : null;
    }

    static CheXpertOptions? ReadCheXpert(JsonFields m, string? format)
    {
        var c = m.Object("chexpert", false, Fields["$.chexpert"]);
        if (c == null) return null;
        if (format != "chexpert") c.Error(c.Path, $"CheXpert options only apply to the chexpert format; this is {format}.");
        var u = c.String("uncertainty", false, oneOf: new[] { "ignore", "zeros", "ones" }) ?? "ignore";
        var v = c.String("views", false, oneOf: new[] { "all", "frontal", "lateral" }) ?? "all";
        return new CheXpertOptions
        {
            Uncertainty = Enum.Parse<Uncertainty>(u, true), Views = Enum.Parse<ViewFilter>(v, true),
            BlankIsNegative = c.Bool("blank_is_negative", false) ?? false,
        };
    }

    // A field naming one of the manifest's file roles.
    static string? Role(JsonFields o, string field, IReadOnlyDictionary<string, string> files)
    {
        var role = o.String(field, true);
        if (role != null && !files.ContainsKey(role))
        {
            o.Error(o.At(field), $"'{role}' is not a role of $.files ({string.Join(", ", files.Keys)}).");
            return null;
        }
        return role;
    }
}
