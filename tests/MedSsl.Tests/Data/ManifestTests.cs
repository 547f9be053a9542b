using System.Text.Json;
using System.Text.Json.Nodes;

namespace MedSsl.Tests;

public class ManifestTests : IDisposable
{
    readonly TempDir dir = new();

    public void Dispose() => dir.Dispose();

    static JsonObject Valid() => JsonNode.Parse("""
        {
          "name": "tiny", "title": "Tiny", "format": "medmnist-npz",
          "root": { "env": "MEDSSL_TINY_TEST" }, "files": { "npz": "tiny.npz" }, "layout": "tiny.npz",
          "image": { "channels": 1, "size": [2, 2] }, "task": "multiclass", "labels": ["a", "b"],
          "case_id": "each image", "splits": { "source": "official", "names": ["train"], "sizes": { "train": 3 }, "case_disjoint": true },
          "licence": "CC0", "citation": "none", "obtain": "made in the test"
        }
        """)!.AsObject();

    static ManifestException Invalid(JsonObject json) =>
        Assert.Throws<ManifestException>(() => ManifestParser.Parse(json.ToJsonString(), "tiny.json"));

    [Fact]
    public void Every_catalogued_manifest_validates_and_the_embedded_ones_point_at_shared_data()
    {
        var names = ManifestCatalog.All.Select(m => m.Name).ToArray();
        Assert.Equal(new[] { "chexpert", "dermamnist-lesion", "ham10000", "imagenette2", "nih-chestxray14", "nih-cxr1000", "pneumoniamnist" }, names);
        Assert.Equal(new[] { "dermamnist-lesion", "imagenette2", "nih-cxr1000", "pneumoniamnist" }, ManifestCatalog.Embedded.Select(m => m.Name));
        Assert.All(ManifestCatalog.All, m => Assert.StartsWith("MEDSSL_", m.RootEnv));
        Assert.Equal(LabelNames.CheXpertCompetition, ManifestCatalog.Get("chexpert").Labels);
        Assert.Equal(LabelNames.Nih14, ManifestCatalog.Get("nih-cxr1000").Labels);
    }

    [Fact]
    public void Schema_json_and_the_validator_agree_on_every_field()
    {
        var schema = JsonNode.Parse(ManifestCatalog.Schema)!;
        foreach (var (path, fields) in ManifestParser.Fields)
        {
            var node = path == "$" ? schema : schema["properties"]![path[2..]]!;
            Assert.Equal(fields.Order(), node["properties"]!.AsObject().Select(p => p.Key).Order());
            Assert.Equal(ManifestParser.Required[path].Order(), (node["required"]?.AsArray().Select(n => n!.GetValue<string>()) ?? []).Order());
        }
        Assert.Equal(ManifestParser.Formats, schema["properties"]!["format"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public void Errors_name_the_file_and_the_json_path_all_at_once()
    {
        var json = Valid();
        json["image"]!["channels"] = 2;
        json.Remove("licence");
        json["splitz"] = 1;
        json["checksums"] = new JsonObject { ["tiny.npz"] = "md5:abc" };
        json["labels"] = new JsonArray("a", "a");
        var e = Invalid(json);
        Assert.StartsWith("tiny.json: 5 problems:", e.Message);
        var paths = e.Errors.Select(x => x.Path).ToArray();
        Assert.Contains("$.image.channels", paths);
        Assert.Contains("$.licence", paths);
        Assert.Contains("$.splitz", paths);
        Assert.Contains("$.checksums.tiny.npz", paths);
        Assert.Contains("$.labels", paths);
        Assert.Contains("$.licence: required field is missing.", e.Message);
    }

    [Fact]
    public void Cross_field_rules_are_checked()
    {
        var json = Valid();
        json["csv"] = new JsonObject { ["file"] = "metadata", ["columns"] = new JsonArray("x") };
        json["splits"]!["sizes"]!["test"] = 1;
        json["format"] = "ham10000";
        var paths = Invalid(json).Errors.Select(x => x.ToString()).ToArray();
        Assert.Contains(paths, p => p.StartsWith("$.csv.file: 'metadata' is not a role of $.files"));
        Assert.Contains(paths, p => p.StartsWith("$.splits.names: does not list the split 'test'"));
        Assert.Contains(paths, p => p.StartsWith("$.files: the ham10000 reader needs a 'metadata' file"));
        var text = Assert.Throws<ManifestException>(() => ManifestParser.Parse("{ \"name\": ", "broken.json"));
        Assert.Contains("broken.json: line", text.Message);
    }

    DatasetManifest Tiny(Action<JsonObject>? edit = null)
    {
        var json = Valid();
        edit?.Invoke(json);
        using (var images = torch.tensor(new byte[12], 3, 2, 2))
        using (var labels = torch.tensor(new byte[] { 0, 1, 1 }, 3, 1))
            np.savez(Path.Combine(dir.Path, "tiny.npz"), new Dictionary<string, Tensor> { ["train_images"] = images, ["train_labels"] = labels });
        return ManifestParser.Load(dir.Write("tiny.json", json.ToJsonString()));
    }

    [Fact]
    public void Opening_checks_what_the_manifest_promises()
    {
        Assert.Equal(3, ManifestDatasets.Open(Tiny(), dir.Path).Count);
        var sizes = Assert.Throws<ManifestException>(() => ManifestDatasets.Open(Tiny(j => j["splits"]!["sizes"]!["train"] = 4), dir.Path));
        Assert.Contains("$.splits.sizes.train: says 4 images", sizes.Message);
        var file = Assert.Throws<FileNotFoundException>(() => ManifestDatasets.Open(Tiny(j => j["files"]!["npz"] = "other.npz"), dir.Path));
        Assert.Contains("$.files.npz", file.Message);
        var column = Assert.Throws<ManifestException>(() => ManifestDatasets.Open(Tiny(j => j["columns"] = new JsonObject { ["Site"] = "hospital" }), dir.Path));
        Assert.Contains("$.columns.Site", column.Message);
    }

    [Fact]
    public void A_missing_data_folder_says_how_to_obtain_it()
    {
        var none = Assert.Throws<DirectoryNotFoundException>(() => ManifestDatasets.ResolveRoot(Tiny()));
        Assert.Contains("Set MEDSSL_TINY_TEST=", none.Message);
        Assert.Contains("How to obtain it: made in the test", none.Message);
        var gone = Assert.Throws<DirectoryNotFoundException>(() => ManifestDatasets.Open(Tiny(), Path.Combine(dir.Path, "gone")));
        Assert.Contains("tiny.json", gone.Message);
        Assert.Contains("from --root", gone.Message);
    }

    [Fact]
    public void A_csv_missing_a_promised_column_is_named_before_reading()
    {
        dir.Write("HAM10000_metadata.csv", "lesion_id,image_id,dx\n");
        var m = ManifestCatalog.Get("ham10000");
        var e = Assert.Throws<DatasetException>(() => ManifestDatasets.Open(m, dir.Path));
        Assert.Contains("HAM10000_metadata.csv", e.Message);
        Assert.Contains("'dx_type', 'age', 'sex', 'localization'", e.Message);
    }

    [Fact]
    public void Imagefolder_classes_must_match_the_manifest_labels()
    {
        var m = ManifestCatalog.Get("imagenette2");
        dir.Image("train/n01440764/a.jpg", 1);
        dir.Image("val/n01440764/b.jpg", 1);
        var e = Assert.Throws<ManifestException>(() => ManifestDatasets.Open(m, dir.Path));
        Assert.Contains("$.labels", e.Message);
        Assert.Contains("[n01440764]", e.Message);
    }
}
