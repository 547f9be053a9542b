namespace MedSsl.Tests;

/// <summary>Facts about the real data in the shared folder, as its SOURCE.txt files state them.</summary>
public class SharedDataTests
{
    const string DermaMini = "dermamnist-lesion/dermamnist_28_lesion_mini.npz";
    const string DermaMap = "dermamnist-lesion/dermamnist_lesion_map.csv";

    static MedicalDataset Mini() => new CsvJoin(TestData.SharedFile(DermaMap)!)
    {
        Keys = new Dictionary<string, string> { ["split"] = "Split", ["index"] = "Index" },
        Agree = new Dictionary<string, string> { ["lesion_id"] = "lesion_ids", ["image_id"] = "isic_ids" },
        LabelColumn = "label",
    }.Apply(NpzDatasets.ReadMedMnist(TestData.SharedFile(DermaMini)!, LabelNames.Ham10000, TaskKind.Multiclass));

    [SharedDataFact(DermaMini)]
    public void DermaMnistMini_train_has_150_multi_image_and_150_single_image_lesions()
    {
        var train = Mini().SourceSplit("train");
        Assert.Equal(481, train.Count);
        Assert.Equal(300, train.Cases.Count);
        Assert.Equal(150, train.Cases.Values.Count(rows => rows.Count >= 2));
        Assert.Equal(150, train.Cases.Values.Count(rows => rows.Count == 1));
        Assert.Equal(481 - 150, train.Cases.Values.Where(r => r.Count >= 2).Sum(r => r.Count));
    }

    [SharedDataFact(DermaMini)]
    public void DermaMnistMini_join_brings_lesion_metadata_and_the_images_load()
    {
        var d = Mini();
        Assert.Equal(781, d.Count);
        Assert.StartsWith("HAM_", d.Metadata[0, "lesion_id"]);
        Assert.Contains(d.Metadata["dataset"], s => s == "vidir_molemax");
        using var image = d.Images.Load(0);
        Assert.Equal(new long[] { 3, 28, 28 }, image.shape);
    }

    [SharedDataFact("dermamnist-lesion/dermamnist_28_lesion.npz")]
    public void DermaMnist_official_split_leaks_exactly_1006_lesions_and_the_resplit_none()
    {
        var d = ManifestDatasets.Open("dermamnist-lesion");
        Assert.Equal(10015, d.Count);
        Assert.Equal(1006, Leakage.OfSourceSplit(d).Count);
        var resplit = CaseSplit.Split(d, seed: 0);
        Assert.True(Leakage.Check(resplit).IsClean);
        Assert.Equal(d.Count, resplit.Names.Sum(n => resplit.RowsOf(n).Count));
    }

    [SharedDataFact("nih-cxr1000/nih1000_64_gray.npz")]
    public void Nih1000_source_split_shares_patients_as_its_source_says()
    {
        var d = ManifestDatasets.Open("nih-cxr1000");
        Assert.Equal(1000, d.Count);
        Assert.Equal(264, d.Cases.Count);
        Assert.Equal(136, d.Cases.Values.Count(r => r.Count >= 2));
        var leak = Leakage.OfSourceSplit(d);
        Assert.Equal(15, leak.SharedBy("train", "valid"));
        Assert.Equal(8, leak.SharedBy("train", "test"));
        Assert.Equal(9, leak.SharedBy("valid", "test"));
        var counts = Enumerable.Range(0, 14).Select(c => d.Labels.Count(c).Positive).ToArray();
        Assert.Equal(new[] { 95, 83, 170, 162, 35, 39, 11, 40, 42, 31, 37, 32, 29, 9 }, counts);
    }

    [SharedDataFact("pneumoniamnist/pneumoniamnist_reconstructed.npz")]
    public void PneumoniaMnist_has_the_official_counts_per_split_and_class()
    {
        var d = ManifestDatasets.Open("pneumoniamnist");
        var splits = DatasetSplits.FromColumn(d);
        int Count(string split, int cls) => splits.RowsOf(split).Count(r => d.Targets![r] == cls);
        Assert.Equal(new[] { 1214, 3494, 135, 389, 234, 390 },
            new[] { Count("train", 0), Count("train", 1), Count("val", 0), Count("val", 1), Count("test", 0), Count("test", 1) });
    }

    [SharedDataFact("imagenette2/train")]
    public void Imagenette_is_an_image_folder_of_ten_classes()
    {
        var d = ManifestDatasets.Open("imagenette2");
        Assert.Equal(10, d.LabelNames.Count);
        Assert.Equal(9469, DatasetSplits.FromColumn(d).RowsOf("train").Count);
        Assert.Equal(387, d.SourceSplit("val").Targets!.Count(t => t == 0)); // tench
    }
}
