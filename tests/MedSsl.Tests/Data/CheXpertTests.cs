namespace MedSsl.Tests;

public class CheXpertTests : IDisposable
{
    readonly TempDir dir = new();

    public void Dispose() => dir.Dispose();

    const string Header = "Path,Sex,Age,Frontal/Lateral,AP/PA,No Finding,Cardiomegaly,Edema,Consolidation,Atelectasis,Pleural Effusion\n";

    // The release's layout: CheXpert-v1.0-small/train.csv with paths that start with the folder's own name.
    string Fixture(string rows)
    {
        var root = Path.Combine(dir.Path, "CheXpert-v1.0-small");
        foreach (var p in new[] { "patient00001/study1/view1_frontal.jpg", "patient00001/study1/view2_lateral.jpg",
                                  "patient00001/study2/view1_frontal.jpg", "patient00002/study1/view1_frontal.jpg" })
            dir.Image($"CheXpert-v1.0-small/train/{p}", 5);
        dir.Write("CheXpert-v1.0-small/train.csv", Header + rows);
        return root;
    }

    const string Rows =
        "CheXpert-v1.0-small/train/patient00001/study1/view1_frontal.jpg,Female,68,Frontal,AP,,1.0,-1.0,,0.0,1.0\n" +
        "CheXpert-v1.0-small/train/patient00001/study1/view2_lateral.jpg,Female,68,Lateral,,,1.0,-1.0,,0.0,1.0\n" +
        "CheXpert-v1.0-small/train/patient00001/study2/view1_frontal.jpg,Female,69,Frontal,PA,,0.0,0.0,-1.0,1.0,\n" +
        "CheXpert-v1.0-small/train/patient00002/study1/view1_frontal.jpg,Male,40,Frontal,PA,1.0,0,0,0,0,0\n";

    static float[] Row(MedicalDataset d, int r) => d.Labels.Row(r).ToArray();

    [Fact]
    public void Reads_the_five_competition_labels_with_patients_from_the_path()
    {
        var d = CheXpert.Read(Fixture(Rows));
        Assert.Equal(LabelNames.CheXpertCompetition, d.LabelNames);
        // Atelectasis, Cardiomegaly, Consolidation, Edema, Pleural Effusion; U-Ignore: -1 and blank are NaN.
        Assert.Equal(new[] { 0f, 1f, float.NaN, float.NaN, 1f }, Row(d, 0));
        Assert.Equal(new[] { 1f, 0f, float.NaN, 0f, float.NaN }, Row(d, 2));
        Assert.Equal(3, d.Cases["patient00001"].Count);
        Assert.Equal(new[] { "AP", "Lateral", "PA", "PA" }, d.Metadata[MetadataColumns.View]);
        Assert.Equal("patient00001/study2", d.Metadata[2, "StudyId"]);
        Assert.Equal(new[] { "train", "train", "train", "train" }, d.Metadata[MetadataColumns.Split]);
    }

    [Fact]
    public void Uncertainty_policies_and_view_filter()
    {
        var root = Fixture(Rows);
        var zeros = CheXpert.Read(root, chexpert: new CheXpertOptions { Uncertainty = Uncertainty.Zeros });
        var ones = CheXpert.Read(root, chexpert: new CheXpertOptions { Uncertainty = Uncertainty.Ones, BlankIsNegative = true });
        Assert.Equal(0f, zeros.Labels[0, 3]);
        Assert.Equal(1f, ones.Labels[0, 3]);
        Assert.Equal(0f, ones.Labels[0, 2]); // blank as negative
        var frontal = CheXpert.Read(root, chexpert: new CheXpertOptions { Views = ViewFilter.Frontal });
        Assert.Equal(3, frontal.Count);
        Assert.DoesNotContain("Lateral", frontal.Metadata[MetadataColumns.View]);
        Assert.Single(CheXpert.Read(root, chexpert: new CheXpertOptions { Views = ViewFilter.Lateral }).CaseIds);
    }

    [Fact]
    public void An_unknown_label_value_names_line_and_column()
    {
        var e = Assert.Throws<DatasetException>(() => CheXpert.Read(Fixture(Rows.Replace(",0,0,0,0,0\n", ",0,0,2,0,0\n"))));
        Assert.Equal((5, "Consolidation"), (e.Line!.Value, e.Column!));
        Assert.Contains("train.csv", e.Message);
        Assert.Contains("'2'", e.Message);
    }

    [Fact]
    public void Unparseable_paths_missing_images_and_missing_columns_are_named()
    {
        var path = Assert.Throws<DatasetException>(() => CheXpert.Read(Fixture(Rows + "somewhere/else.jpg,Male,1,Frontal,PA,,,,,,\n")));
        Assert.Equal((6, "Path"), (path.Line!.Value, path.Column!));
        var image = Assert.Throws<DatasetException>(() => CheXpert.Read(Fixture(Rows.Replace("patient00002/study1", "patient00003/study1"))));
        Assert.Equal((5, "Path"), (image.Line!.Value, image.Column!));
        Assert.Contains("not found", image.Message);
        var skipped = CheXpert.Read(Fixture(Rows.Replace("patient00002/study1", "patient00003/study1")), options: new ReadOptions { BadRows = BadRows.Skip });
        Assert.Equal(3, skipped.Count);
        Assert.Single(skipped.SkippedRows);
        dir.Write("CheXpert-v1.0-small/train.csv", Header.Replace("Edema,", "") + "x\n");
        var column = Assert.Throws<DatasetException>(() => CheXpert.Read(Path.Combine(dir.Path, "CheXpert-v1.0-small")));
        Assert.Equal("Edema", column.Column);
    }
}
