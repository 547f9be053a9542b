namespace MedSsl.Data;

/// <summary>Finding image files on disk for the file-based readers.</summary>
public static class ImageFiles
{
    /// <summary>Extensions read as images (any case).</summary>
    public static readonly IReadOnlyList<string> Extensions = new[] { ".jpg", ".jpeg", ".png" };

    public static bool IsImage(string path) =>
        Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>Raises an error naming <paramref name="what"/> and the folder when it does not exist.</summary>
    public static void RequireDirectory(string directory, string what)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"{what}: folder not found: {directory}");
    }

    /// <summary>Image files under a folder (all depths), in ordinal path order.</summary>
    public static string[] Under(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Where(IsImage)
            .OrderBy(p => p, StringComparer.Ordinal).ToArray();

    /// <summary>File name → path of every image under a folder; where a name occurs twice (mirrors that ship
    /// two copies of a folder) the first path in ordinal order wins.</summary>
    public static Dictionary<string, string> ByName(string directory)
    {
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Under(directory)) byName.TryAdd(Path.GetFileName(path), path);
        return byName;
    }

    /// <summary>A path relative to a root, with forward slashes.</summary>
    public static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
