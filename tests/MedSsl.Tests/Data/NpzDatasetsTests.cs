namespace MedSsl.Tests;

/// <summary>MedMNIST-style and single-array .npz files written with np.savez, as the real ones are.</summary>
public class NpzDatasetsTests : IDisposable
{
    readonly TempDir dir = new();

    public void Dispose() => dir.Dispose();

    // train: 4 RGB 2x2 images with pixel (row, h, w, c) = 10 * row + c; lesions 7, 7, 8, 9. val: 2 images, lesions 9, 10.
    string MedMnist(byte[]? trainLabels = null)
    {
        var path = Path.Combine(dir.Path, "mini.npz");
        var arrays = new Dictionary<string, Tensor>
        {
            ["train_images"] = Pixels(4), ["train_labels"] = torch.tensor(trainLabels ?? new byte[] { 0, 1, 2, 1 }, 4, 1),
            ["train_lesion_ids"] = torch.tensor(new[] { 7, 7, 8, 9 }, 4),
            ["val_images"] = Pixels(2), ["val_labels"] = torch.tensor(new byte[] { 1, 1 }, 2, 1), ["val_lesion_ids"] = torch.tensor(new[] { 9, 10 }, 2),
        };
        np.savez(path, arrays);
        foreach (var t in arrays.Values) t.Dispose();
        return path;
    }

    static Tensor Pixels(int n) =>
        torch.tensor(Enumerable.Range(0, n * 12).Select(i => (byte)(10 * (i / 12) + i % 3)).ToArray(), n, 2, 2, 3);

    static readonly string[] Classes = { "a", "b", "c" };

    [Fact]
    public void Reads_splits_labels_lesion_cases_and_channel_first_pixels()
    {
        var d = NpzDatasets.ReadMedMnist(MedMnist(), Classes, TaskKind.Multiclass);
        Assert.Equal(6, d.Count);
        Assert.Equal(new[] { 0, 1, 2, 1, 1, 1 }, d.Targets);
        Assert.Equal(new[] { "train", "train", "train", "train", "val", "val" }, d.Metadata[MetadataColumns.Split]);
        Assert.Equal(new[] { "0", "1", "2", "3", "0", "1" }, d.Metadata[MetadataColumns.Index]);
        Assert.Equal(new[] { 0, 1 }, d.Cases["7"]);
        Assert.Equal(new[] { 3, 4 }, d.Cases["9"]);
        using var img = d.Images.Load(1);
        Assert.Equal(new long[] { 3, 2, 2 }, img.shape);
        Assert.Equal(new byte[] { 10, 10, 10, 10, 11, 11, 11, 11, 12, 12, 12, 12 }, img.data<byte>());
        Assert.EndsWith("mini.npz[train_images][1]", d.Images.Describe(1));
    }

    [Fact]
    public void An_unknown_class_names_the_array_and_index_or_is_skipped_on_request()
    {
        var path = MedMnist(new byte[] { 0, 1, 5, 1 });
        var e = Assert.Throws<DatasetException>(() => NpzDatasets.ReadMedMnist(path, Classes, TaskKind.Multiclass));
        Assert.Contains("mini.npz[train_labels][2]", e.Message);
        Assert.Contains("class 5", e.Message);
        var d = NpzDatasets.ReadMedMnist(path, Classes, TaskKind.Multiclass, options: new ReadOptions { BadRows = BadRows.Skip });
        Assert.Equal(5, d.Count);
        Assert.Single(d.SkippedRows);
        Assert.Equal(new[] { "0", "1", "3", "0", "1" }, d.Metadata[MetadataColumns.Index]);
    }

    [Fact]
    public void Missing_arrays_and_files_are_named()
    {
        var path = Path.Combine(dir.Path, "nolabels.npz");
        using (var images = Pixels(2)) np.savez(path, new Dictionary<string, Tensor> { ["train_images"] = images });
        var e = Assert.Throws<DatasetException>(() => NpzDatasets.ReadMedMnist(path, Classes, TaskKind.Multiclass));
        Assert.Contains("column 'train_labels'", e.Message);
        Assert.Contains("train_images", e.Message);
        Assert.Throws<FileNotFoundException>(() => NpzDatasets.ReadMedMnist(Path.Combine(dir.Path, "absent.npz"), Classes, TaskKind.Multiclass));
    }

    [Fact]
    public void Single_arrays_with_patient_ids_and_named_split_codes()
    {
        var path = Path.Combine(dir.Path, "arrays.npz");
        var arrays = new Dictionary<string, Tensor>
        {
            ["images"] = torch.tensor(new byte[3 * 4], 3, 2, 2), ["labels14"] = torch.tensor(new byte[] { 1, 0, 0, 1, 1, 1 }, 3, 2),
            ["patient_id"] = torch.tensor(new[] { 5, 5, 6 }, 3), ["kcr_split"] = torch.tensor(new byte[] { 0, 2, 1 }, 3),
        };
        np.savez(path, arrays);
        var keys = new NpzKeys("images", "labels14", "patient_id", "kcr_split", new[] { "train", "valid", "test" });
        var d = NpzDatasets.ReadArrays(path, keys, new[] { "A", "B" }, TaskKind.Multilabel);
        Assert.Equal(new[] { "train", "test", "valid" }, d.Metadata[MetadataColumns.Split]);
        Assert.Equal(2, d.Cases["5"].Count);
        Assert.Equal(1f, d.Labels[1, 1]);
        using (var code = torch.tensor(new byte[] { 0, 3, 1 }, 3)) np.savez(path, new Dictionary<string, Tensor>(arrays) { ["kcr_split"] = code });
        var e = Assert.Throws<DatasetException>(() => NpzDatasets.ReadArrays(path, keys, new[] { "A", "B" }, TaskKind.Multilabel));
        Assert.Contains("[kcr_split][1]", e.Message);
        foreach (var t in arrays.Values) t.Dispose();
    }

    CsvJoin Join(string csv) => new(dir.Write("map.csv", csv))
    {
        Keys = new Dictionary<string, string> { ["split"] = "Split", ["index"] = "Index" },
        Agree = new Dictionary<string, string> { ["lesion_id"] = "lesion_ids" },
        LabelColumn = "label",
    };

    const string Map = "split,index,lesion_id,label,site\n" +
        "train,0,HAM_0000007,0,x\ntrain,1,HAM_0000007,1,x\ntrain,2,HAM_0000008,2,y\ntrain,3,HAM_0000009,1,y\nval,0,HAM_0000009,1,x\nval,1,HAM_0000010,1,z\n";

    [Fact]
    public void A_checked_join_adds_the_csv_columns()
    {
        var d = Join(Map).Apply(NpzDatasets.ReadMedMnist(MedMnist(), Classes, TaskKind.Multiclass));
        Assert.Equal(new[] { "x", "x", "y", "y", "x", "z" }, d.Metadata["site"]);
        Assert.Equal("HAM_0000010", d.Metadata[5, "lesion_id"]);
    }

    [Fact]
    public void A_join_that_does_not_match_fails_naming_line_and_column()
    {
        var d = NpzDatasets.ReadMedMnist(MedMnist(), Classes, TaskKind.Multiclass);
        var lesion = Assert.Throws<DatasetException>(() => Join(Map.Replace("train,2,HAM_0000008", "train,2,HAM_0000003")).Apply(d));
        Assert.Equal((4, "lesion_id"), (lesion.Line!.Value, lesion.Column!));
        var label = Assert.Throws<DatasetException>(() => Join(Map.Replace("val,1,HAM_0000010,1", "val,1,HAM_0000010,2")).Apply(d));
        Assert.Equal((7, "label"), (label.Line!.Value, label.Column!));
        var missing = Assert.Throws<DatasetException>(() => Join(Map.Replace("val,1,", "val,7,")).Apply(d));
        Assert.Contains("no row for Split val, Index 1", missing.Message);
        var twice = Assert.Throws<DatasetException>(() => Join(Map + "val,1,HAM_0000010,1,z\n").Apply(d));
        Assert.Contains("also appears on line 7", twice.Message);
    }
}
