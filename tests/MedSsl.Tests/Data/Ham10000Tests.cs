namespace MedSsl.Tests;

public class Ham10000Tests : IDisposable
{
    readonly TempDir dir = new();
    static readonly ReadOptions Decode = new() { Decoder = new FakeDecoder() };

    public void Dispose() => dir.Dispose();

    const string Header = "lesion_id,image_id,dx,dx_type,age,sex,localization,dataset\n";

    // Two image folders, as the Dataverse release ships them; one grey image to check channel conversion.
    string Fixture(string rows)
    {
        dir.Image("HAM10000_images_part_1/ISIC_0000001.jpg", 11, channels: 3);
        dir.Image("HAM10000_images_part_1/ISIC_0000002.jpg", 12, channels: 3);
        dir.Image("HAM10000_images_part_2/ISIC_0000003.jpg", 13, channels: 1);
        dir.Write("HAM10000_metadata.csv", Header + rows);
        return dir.Path;
    }

    const string Good =
        "HAM_0000001,ISIC_0000001,mel,histo,60.0,male,back,rosendahl\n" +
        "HAM_0000001,ISIC_0000002,mel,histo,60.0,male,back,rosendahl\n" +
        "HAM_0000002,ISIC_0000003,nv,follow_up,35.0,female,trunk,vidir_molemax\n";

    [Fact]
    public void Reads_lesions_as_cases_with_harmonised_metadata_and_loads_rgb()
    {
        var d = Ham10000.Read(Fixture(Good), Decode);
        Assert.Equal(new[] { 4, 4, 5 }, d.Targets);
        Assert.Equal(2, d.Cases["HAM_0000001"].Count);
        Assert.Equal(new[] { "back", "back", "trunk" }, d.Metadata[MetadataColumns.BodySite]);
        Assert.Equal("vidir_molemax", d.Metadata[2, MetadataColumns.Site]);
        Assert.Equal("follow_up", d.Metadata[2, "dx_type"]);
        Assert.Equal("HAM10000_images_part_2/ISIC_0000003.jpg", d.Metadata[2, MetadataColumns.Path]);
        using var grey = d.Images.Load(2);
        Assert.Equal(new long[] { 3, 2, 3 }, grey.shape); // a grey file comes back RGB
        Assert.All(grey.data<byte>(), v => Assert.Equal(13, v));
    }

    [Fact]
    public void Bad_rows_name_the_csv_line_and_column()
    {
        var root = Fixture(Good + "HAM_0000003,ISIC_0000001,melanoma,histo,1,male,back,x\n");
        var dx = Assert.Throws<DatasetException>(() => Ham10000.Read(root));
        Assert.Equal((5, "dx"), (dx.Line!.Value, dx.Column!));
        Assert.Contains("HAM10000_metadata.csv", dx.Message);
        Assert.Contains("'melanoma'", dx.Message);

        root = Fixture(Good + "HAM_0000004,ISIC_0000099,nv,histo,1,male,back,x\n");
        var image = Assert.Throws<DatasetException>(() => Ham10000.Read(root));
        Assert.Equal((5, "image_id"), (image.Line!.Value, image.Column!));
        Assert.Contains("ISIC_0000099.jpg", image.Message);

        var skipped = Ham10000.Read(root, new ReadOptions { BadRows = BadRows.Skip });
        Assert.Equal(3, skipped.Count);
        Assert.Equal(5, Assert.Single(skipped.SkippedRows).Line);
        Assert.Contains("skipped 1 bad row; first: ", DatasetSummary.Of(skipped).ToText());
    }

    [Fact]
    public void A_missing_column_or_folder_is_named()
    {
        dir.Write("HAM10000_metadata.csv", "lesion_id,image,dx\nHAM_1,ISIC_1,nv\n");
        var column = Assert.Throws<DatasetException>(() => Ham10000.Read(dir.Path));
        Assert.Equal("image_id", column.Column);
        var folder = Assert.Throws<DirectoryNotFoundException>(() => Ham10000.Read(Path.Combine(dir.Path, "nowhere")));
        Assert.Contains("nowhere", folder.Message);
    }

    [Fact]
    public void Without_a_decoder_the_dataset_can_be_inspected_but_loading_says_why_not()
    {
        var d = Ham10000.Read(Fixture(Good));
        Assert.Equal(3, d.Count);
        var e = Assert.Throws<InvalidOperationException>(() => d.Images.Load(0));
        Assert.Contains("decoder", e.Message);
    }

    [Fact]
    public void An_image_deleted_after_reading_fails_naming_the_file_and_row()
    {
        var d = Ham10000.Read(Fixture(Good), Decode);
        File.Delete(Path.Combine(dir.Path, "HAM10000_images_part_1/ISIC_0000002.jpg"));
        var e = Assert.Throws<FileNotFoundException>(() => d.Images.Load(1));
        Assert.Contains("row 1", e.Message);
        Assert.Contains("ISIC_0000002.jpg", e.Message);
    }
}
