namespace MedSsl.Data;

/// <summary>
/// torchvision's ImageFolder layout: one sub-folder per class (classes sorted by folder name, images at any
/// depth inside them), or, read unlabeled, every image below a folder (for self-supervised pretraining).
/// JPEG and PNG files; other files are not images and are passed over. Each image is its own case.
/// </summary>
public static class ImageFolder
{
    /// <summary>Reads <c>root/&lt;class&gt;/…/*.jpg</c>; images lying loose in the root are bad rows (they have no class).</summary>
    public static MedicalDataset Read(string root, int channels = 3, ReadOptions? options = null, string? name = null)
    {
        options ??= ReadOptions.Default;
        ImageFiles.RequireDirectory(root, "ImageFolder root");
        var classes = Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>()
            .OrderBy(c => c, StringComparer.Ordinal).ToArray();
        if (classes.Length == 0) throw new DirectoryNotFoundException($"ImageFolder root has no class folders: {root}");
        var issues = new RowIssues(options.BadRows);
        foreach (var loose in Directory.GetFiles(root).Where(ImageFiles.IsImage).Order(StringComparer.Ordinal))
            issues.Add(new DatasetException(loose, null, null, "an image directly in the ImageFolder root has no class folder."));
        var paths = new List<string>();
        var targets = new List<int>();
        for (int c = 0; c < classes.Length; c++)
        {
            var files = ImageFiles.Under(Path.Combine(root, classes[c]));
            if (files.Length == 0) throw new DirectoryNotFoundException($"Class folder '{classes[c]}' holds no JPEG or PNG images: {Path.Combine(root, classes[c])}");
            paths.AddRange(files);
            targets.AddRange(Enumerable.Repeat(c, files.Length));
        }
        var images = new FileImageSource(paths, channels, options.Decoder);
        return MedicalDataset.Multiclass(name ?? Path.GetFileName(Path.GetFullPath(root).TrimEnd('/')), images, classes, targets,
            Metadata(root, paths), issues.Skipped);
    }

    /// <summary>Every image below <paramref name="root"/>, without labels.</summary>
    public static MedicalDataset ReadUnlabeled(string root, int channels = 3, ReadOptions? options = null, string? name = null)
    {
        options ??= ReadOptions.Default;
        ImageFiles.RequireDirectory(root, "image folder");
        var paths = ImageFiles.Under(root);
        if (paths.Length == 0) throw new DirectoryNotFoundException($"No JPEG or PNG images below {root}");
        return MedicalDataset.Unlabeled(name ?? Path.GetFileName(Path.GetFullPath(root).TrimEnd('/')),
            new FileImageSource(paths, channels, options.Decoder), Metadata(root, paths));
    }

    static MetadataTable Metadata(string root, IReadOnlyList<string> paths) =>
        new(paths.Count, new[] { KeyValuePair.Create(MetadataColumns.Path, paths.Select(p => ImageFiles.Relative(root, p)).ToArray()) });
}
