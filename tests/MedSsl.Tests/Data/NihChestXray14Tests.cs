namespace MedSsl.Tests;

public class NihChestXray14Tests : IDisposable
{
    readonly TempDir dir = new();

    public void Dispose() => dir.Dispose();

    const string Header = "Image Index,Finding Labels,Follow-up #,Patient ID,Patient Age,Patient Gender,View Position\n";

    string Fixture(string rows)
    {
        foreach (var f in new[] { "00000001_000.png", "00000001_001.png", "00000002_000.png" })
            dir.Image($"images_001/images/{f}", 3);
        dir.Write("Data_Entry_2017.csv", Header + rows);
        dir.Write("train_val_list.txt", "00000001_000.png\n00000001_001.png\n");
        dir.Write("test_list.txt", "00000002_000.png\n");
        return dir.Path;
    }

    const string Rows =
        "00000001_000.png,Cardiomegaly,0,1,58,M,PA\n" +
        "00000001_001.png,Cardiomegaly|Effusion|Pleural_Thickening,1,1,58,M,AP\n" +
        "00000002_000.png,No Finding,0,2,81,M,PA\n";

    [Fact]
    public void Splits_finding_labels_groups_patients_and_reads_the_official_split()
    {
        var d = NihChestXray14.Read(Fixture(Rows));
        Assert.Equal(LabelNames.Nih14, d.LabelNames);
        Assert.Equal(1f, d.Labels[1, LabelNames.Nih14.ToList().IndexOf("Pleural_Thickening")]);
        Assert.Equal(3f, d.Labels.Row(1).ToArray().Sum());
        Assert.All(d.Labels.Row(2).ToArray(), v => Assert.Equal(0f, v));
        Assert.Equal(new[] { 0, 1 }, d.Cases["1"]);
        Assert.Equal(new[] { "PA", "AP", "PA" }, d.Metadata[MetadataColumns.View]);
        Assert.Equal(new[] { "train_val", "train_val", "test" }, d.Metadata[MetadataColumns.Split]);
        Assert.True(Leakage.OfSourceSplit(d).IsClean);
    }

    [Fact]
    public void Relabelled_to_chexpert_names_effusion_becomes_pleural_effusion()
    {
        var d = NihChestXray14.Read(Fixture(Rows)).Relabel(LabelNames.CheXpertCompetition);
        Assert.Equal(new[] { 0f, 1f, 0f, 0f, 1f }, d.Labels.Row(1).ToArray());
    }

    [Fact]
    public void Unknown_findings_and_bad_patient_ids_name_line_and_column()
    {
        var finding = Assert.Throws<DatasetException>(() => NihChestXray14.Read(Fixture(Rows.Replace("|Effusion|", "|Efusion|"))));
        Assert.Equal((3, "Finding Labels"), (finding.Line!.Value, finding.Column!));
        Assert.Contains("'Efusion'", finding.Message);
        var patient = Assert.Throws<DatasetException>(() => NihChestXray14.Read(Fixture(Rows.Replace(",0,2,81", ",0,two,81"))));
        Assert.Equal((4, "Patient ID"), (patient.Line!.Value, patient.Column!));
        var image = Assert.Throws<DatasetException>(() => NihChestXray14.Read(Fixture(Rows + "00000009_000.png,Mass,0,9,50,F,PA\n")));
        Assert.Equal((5, "Image Index"), (image.Line!.Value, image.Column!));
    }
}
