namespace MedSsl.Tests;

public class DatasetContractTests
{
    [Fact]
    public void Subset_keeps_images_labels_and_metadata_aligned()
    {
        var d = Fixtures.Multiclass(new[] { 0, 1, 2, 1, 0 }, new[] { "a", "b", "c", "d", "e" });
        var s = d.Subset(new[] { 3, 0, 4 });
        Assert.Equal(new[] { 3, 0, 4 }, Enumerable.Range(0, 3).Select(r => Fixtures.ImageId(s.Images, r)));
        Assert.Equal(new[] { 1, 0, 0 }, s.Targets);
        Assert.Equal(new[] { "d", "a", "e" }, s.CaseIds);
        Assert.Equal(1f, s.Labels[0, 1]);
        // A subset of a subset still maps to the original rows.
        var ss = s.Subset(new[] { 2 });
        Assert.Equal(4, Fixtures.ImageId(ss.Images, 0));
        Assert.Equal("fixture[4]", ss.Images.Describe(0));
    }

    [Fact]
    public void Cases_group_rows_and_ids_default_to_the_image_origin()
    {
        var d = Fixtures.Multiclass(new[] { 0, 0, 1, 1 }, new[] { "x", "y", "x", "x" });
        Assert.Equal(new[] { 0, 2, 3 }, d.Cases["x"]);
        Assert.Equal(new[] { 1 }, d.Cases["y"]);
        Assert.Equal(d.CaseIds, d.Metadata[MetadataColumns.PatientId]); // a case stands for its patient when none is given

        var bare = MedicalDataset.Unlabeled("u", Fixtures.Images(2), MetadataTable.Empty(2));
        Assert.Equal(new[] { "fixture[0]", "fixture[1]" }, bare.CaseIds);
        Assert.Equal(0, bare.Labels.Columns);
    }

    [Fact]
    public void Where_and_source_split_filter_rows()
    {
        var d = Fixtures.Multiclass(new[] { 0, 1, 0, 1 }, new[] { "a", "b", "c", "d" }, new[] { "train", "test", "train", "val" });
        var train = d.SourceSplit("train");
        Assert.Equal(new[] { "a", "c" }, train.CaseIds);
        Assert.Equal("fixture/train", train.Name);
        Assert.Equal(new[] { 1, 3 }, Enumerable.Range(0, 2).Select(r => Fixtures.ImageId(d.Where(i => d.Targets![i] == 1).Images, r)));
    }

    [Fact]
    public void Multiclass_labels_are_one_hot_and_unknown_class_is_a_nan_row()
    {
        var d = Fixtures.Multiclass(new[] { 2, -1 }, new[] { "a", "b" }, classes: new[] { "p", "q", "r" });
        Assert.Equal(new[] { 0f, 0f, 1f }, d.Labels.Row(0).ToArray());
        Assert.All(d.Labels.Row(1).ToArray(), v => Assert.True(float.IsNaN(v)));
        using var t = d.LabelsTensor();
        Assert.Equal(new long[] { 2, 3 }, t.shape);
        using var y = d.TargetsTensor();
        Assert.Equal(new long[] { 2, -1 }, y.data<long>());
    }

    [Fact]
    public void Relabel_reorders_inserts_nan_columns_drops_extras_and_knows_effusion()
    {
        var labels = new LabelMatrix(2, new[] { "Effusion", "Mass", "Cardiomegaly" }, new float[] { 1, 0, 0, 0, 1, 1 });
        var d = MedicalDataset.Multilabel("nih", Fixtures.Images(2), labels, MetadataTable.Empty(2));
        var r = d.Relabel(new[] { "Cardiomegaly", "Pleural Effusion", "Edema" });
        Assert.Equal(new[] { "Cardiomegaly", "Pleural Effusion", "Edema" }, r.LabelNames);
        Assert.Equal(0f, r.Labels[0, 0]);
        Assert.Equal(1f, r.Labels[0, 1]);
        Assert.True(float.IsNaN(r.Labels[0, 2]));
        Assert.Equal(1f, r.Labels[1, 0]);
        Assert.Equal(0f, r.Labels[1, 1]);
        Assert.True(LabelNames.Same("pleural_effusion", "Effusion"));
        Assert.False(LabelNames.Same("Edema", "Effusion"));
    }

    [Fact]
    public void Relabel_of_multiclass_remaps_targets_and_dropped_classes_become_unknown()
    {
        var d = Fixtures.Multiclass(new[] { 0, 1, 2 }, new[] { "a", "b", "c" }, classes: new[] { "bcc", "mel", "nv" });
        var r = d.Relabel(new[] { "nv", "bcc", "akiec" });
        Assert.Equal(new[] { 1, -1, 0 }, r.Targets);
        Assert.Equal(new[] { 0f, 1f, 0f }, r.Labels.Row(0).ToArray());
        Assert.True(float.IsNaN(r.Labels[1, 0]));
    }

    [Fact]
    public void Concat_unites_metadata_and_refuses_different_labels()
    {
        var a = Fixtures.Multiclass(new[] { 0, 1 }, new[] { "a", "b" });
        var b = Fixtures.Multiclass(new[] { 1 }, new[] { "c" }, new[] { "test" });
        var c = MedicalDataset.Concat("ab", new[] { a, b });
        Assert.Equal(3, c.Count);
        Assert.Equal(new[] { "", "", "test" }, c.Metadata[MetadataColumns.Split]);
        Assert.Equal(new[] { 0, 1, 1 }, c.Targets);
        var other = Fixtures.Multiclass(new[] { 0 }, new[] { "d" }, classes: new[] { "zz" });
        var e = Assert.Throws<ArgumentException>(() => MedicalDataset.Concat("x", new[] { a, other }));
        Assert.Contains("Relabel", e.Message);
    }

    [Fact]
    public void Metadata_errors_name_the_column_and_row()
    {
        var m = Fixtures.Meta(2, ("age", new[] { "45", "forty" }));
        var missing = Assert.Throws<KeyNotFoundException>(() => m["sex"]);
        Assert.Contains("'sex'", missing.Message);
        Assert.Contains("age", missing.Message);
        var bad = Assert.Throws<FormatException>(() => m.Numbers("age"));
        Assert.Contains("row 1", bad.Message);
        Assert.Contains("forty", bad.Message);
        Assert.Equal(45, Fixtures.Meta(1, ("age", new[] { "45" })).Numbers("age")[0]);
    }

    [Fact]
    public void Channel_conversion_makes_grey_rgb_and_rgb_grey_like_pillow()
    {
        using var grey = Tensor.FromBytes(new byte[] { 7, 9 }, new long[] { 1, 1, 2 }, ScalarType.Byte);
        using var rgb = ChannelConversion.To(grey, 3, "g");
        Assert.Equal(new byte[] { 7, 9, 7, 9, 7, 9 }, rgb.data<byte>());
        using var colour = Tensor.FromBytes(new byte[] { 255, 0, 0 }, new long[] { 3, 1, 1 }, ScalarType.Byte);
        using var luma = ChannelConversion.To(colour, 1, "c");
        Assert.Equal(76, luma.data<byte>()[0]); // PIL: Image.new("RGB", (1, 1), (255, 0, 0)).convert("L") -> 76
    }
}
