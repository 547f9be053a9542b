namespace MedSsl.Tests;

public class ImageFolderTests : IDisposable
{
    readonly TempDir dir = new();
    static readonly ReadOptions Decode = new() { Decoder = new FakeDecoder() };

    public void Dispose() => dir.Dispose();

    [Fact]
    public void Classes_are_sorted_folder_names_and_images_are_found_at_any_depth()
    {
        dir.Image("zebra/a.jpg", 1);
        dir.Image("ant/b.JPEG", 2);
        dir.Image("ant/more/c.png", 3);
        dir.Write("ant/notes.txt", "not an image");
        var d = ImageFolder.Read(dir.Path, channels: 1, options: Decode);
        Assert.Equal(new[] { "ant", "zebra" }, d.LabelNames);
        Assert.Equal(new[] { 0, 0, 1 }, d.Targets);
        Assert.Equal(new[] { "ant/b.JPEG", "ant/more/c.png", "zebra/a.jpg" }, d.Metadata[MetadataColumns.Path]);
        Assert.Equal(3, d.Cases.Count); // each image its own case
        using var img = d.Images.Load(1);
        Assert.All(img.data<byte>(), v => Assert.Equal(3, v));
    }

    [Fact]
    public void Unlabeled_folders_read_every_image()
    {
        dir.Image("x/1.jpg", 1);
        dir.Image("2.png", 2);
        var d = ImageFolder.ReadUnlabeled(dir.Path, options: Decode);
        Assert.Equal(TaskKind.Unlabeled, d.Task);
        Assert.Equal(2, d.Count);
        using var img = d.Images.Load(0);
        Assert.Equal(new long[] { 3, 2, 3 }, img.shape);
    }

    [Fact]
    public void Loose_images_empty_class_folders_and_missing_roots_are_errors()
    {
        dir.Image("cat/1.jpg", 1);
        dir.Image("stray.jpg", 1);
        var loose = Assert.Throws<DatasetException>(() => ImageFolder.Read(dir.Path));
        Assert.Contains("stray.jpg", loose.Message);
        Assert.Single(ImageFolder.Read(dir.Path, options: new ReadOptions { BadRows = BadRows.Skip }).SkippedRows);
        Directory.CreateDirectory(Path.Combine(dir.Path, "dog"));
        var empty = Assert.Throws<DirectoryNotFoundException>(() => ImageFolder.Read(dir.Path, options: new ReadOptions { BadRows = BadRows.Skip }));
        Assert.Contains("'dog'", empty.Message);
        Assert.Throws<DirectoryNotFoundException>(() => ImageFolder.Read(Path.Combine(dir.Path, "missing")));
    }
}
