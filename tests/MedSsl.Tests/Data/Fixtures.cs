namespace MedSsl.Tests;

/// <summary>Small in-memory datasets whose image at row i is filled with the value i, so alignment is checkable.</summary>
public static class Fixtures
{
    public static ArrayImageSource Images(int count, int channels = 1, int size = 2) =>
        new(Enumerable.Range(0, count).SelectMany(i => Enumerable.Repeat((byte)i, channels * size * size)).ToArray(),
            count, channels, size, size, "fixture");

    public static MetadataTable Meta(int rows, params (string Column, string[] Values)[] columns) =>
        new(rows, columns.Select(c => KeyValuePair.Create(c.Column, c.Values)));

    /// <summary>A multiclass dataset; case ids given per row; Split column when given.</summary>
    public static MedicalDataset Multiclass(int[] targets, string[] cases, string[]? splits = null, string[]? classes = null)
    {
        var columns = new List<(string, string[])> { (MetadataColumns.CaseId, cases) };
        if (splits != null) columns.Add((MetadataColumns.Split, splits));
        classes ??= Enumerable.Range(0, targets.Max() + 1).Select(c => $"c{c}").ToArray();
        return MedicalDataset.Multiclass("fixture", Images(targets.Length), classes, targets, Meta(targets.Length, columns.ToArray()));
    }

    /// <summary>A larger multiclass dataset: <paramref name="cases"/> cases of 1–3 images, classes skewed (class k has about half the cases of k-1).</summary>
    public static MedicalDataset ManyCases(int cases, int classes, int seed = 1)
    {
        var rng = new SeededRandom(seed);
        var targets = new List<int>();
        var ids = new List<string>();
        for (int c = 0; c < cases; c++)
        {
            int k = 0;
            while (k < classes - 1 && rng.Chance(0.5)) k++;
            int images = 1 + rng.Next(3);
            for (int i = 0; i < images; i++) { targets.Add(k); ids.Add($"case{c:0000}"); }
        }
        var classNames = Enumerable.Range(0, classes).Select(k => $"c{k}").ToArray();
        return MedicalDataset.Multiclass("many", Images(targets.Count), classNames, targets,
            Meta(targets.Count, (MetadataColumns.CaseId, ids.ToArray())));
    }

    /// <summary>The fill value of a row's image: which source row it is.</summary>
    public static int ImageId(IImageSource images, int row)
    {
        using var t = images.Load(row);
        return t.data<byte>()[0];
    }
}
