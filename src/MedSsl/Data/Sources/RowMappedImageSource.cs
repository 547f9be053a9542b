using MedSsl.Torch;

namespace MedSsl.Data;

/// <summary>
/// Some rows of other image sources, in a given order: what subsetting, filtering and concatenating
/// datasets do to their images. A subset of a subset maps straight to the underlying sources.
/// </summary>
public sealed class RowMappedImageSource : IImageSource
{
    readonly IImageSource[] parts;
    readonly (int Part, int Row)[] map;

    RowMappedImageSource(IImageSource[] parts, (int, int)[] map)
    {
        this.parts = parts;
        this.map = map;
        Channels = parts.Length == 0 ? 1 : parts[0].Channels;
    }

    /// <summary>The given rows of a source.</summary>
    public static IImageSource Select(IImageSource source, IReadOnlyList<int> rows)
    {
        foreach (var r in rows)
            if ((uint)r >= (uint)source.Count) throw new ArgumentOutOfRangeException(nameof(rows), r, $"the source has {source.Count} rows.");
        if (source is RowMappedImageSource mapped)
            return new RowMappedImageSource(mapped.parts, rows.Select(r => mapped.map[r]).ToArray());
        return new RowMappedImageSource(new[] { source }, rows.Select(r => (0, r)).ToArray());
    }

    /// <summary>Sources one after the other; all must have the same channel count.</summary>
    public static IImageSource Concat(IReadOnlyList<IImageSource> sources)
    {
        var bad = sources.FirstOrDefault(s => s.Channels != sources[0].Channels);
        if (bad != null)
            throw new ArgumentException($"Cannot concatenate images with {sources[0].Channels} and {bad.Channels} channels ({bad.Describe(0)}).");
        var map = sources.SelectMany((s, p) => Enumerable.Range(0, s.Count).Select(r => (p, r))).ToArray();
        return new RowMappedImageSource(sources.ToArray(), map);
    }

    public int Count => map.Length;
    public int Channels { get; }

    public Tensor Load(int row)
    {
        var (part, r) = map[row];
        return parts[part].Load(r);
    }

    public string Describe(int row)
    {
        var (part, r) = map[row];
        return parts[part].Describe(r);
    }
}
