using System.Text.Json;

namespace MedSsl.Data.Cache;

/// <summary>index.json of a cache folder, written last (atomically): its presence means every shard is complete.</summary>
internal sealed record CacheIndex
{
    public const string FileName = "index.json";
    public const string FormatName = "medssl-image-cache";

    public string Format { get; init; } = FormatName;
    public int Version { get; init; } = 1;
    public string Key { get; init; } = "";
    public int Count { get; init; }
    public int Channels { get; init; }
    public int Height { get; init; }
    public int Width { get; init; }
    public string Fit { get; init; } = "";
    public int RowsPerShard { get; init; }
    public string[] Shards { get; init; } = Array.Empty<string>();
    /// <summary>The source's description of every row, so errors and Describe still name the original file.</summary>
    public string[] Rows { get; init; } = Array.Empty<string>();

    static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public byte[] KeyBytes => Convert.FromHexString(Key);

    public CacheShard Shard(int s) => new(Channels, Height, Width, (long)s * RowsPerShard,
        Math.Min(RowsPerShard, Count - (long)s * RowsPerShard), KeyBytes);

    public static CacheIndex Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        CacheIndex? index;
        try { index = JsonSerializer.Deserialize<CacheIndex>(File.ReadAllText(path), Json); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: not a valid cache index: {e.Message}", e); }
        if (index is null || index.Format != FormatName || index.Version != 1)
            throw new InvalidDataException($"{path}: not a version-1 {FormatName} index.");
        if (index.Rows.Length != index.Count || index.RowsPerShard <= 0 ||
            index.Shards.Length != (index.Count + index.RowsPerShard - 1) / index.RowsPerShard)
            throw new InvalidDataException($"{path}: the index is inconsistent (rows, shards); delete the folder to rebuild it.");
        return index;
    }

    public void Write(string folder)
    {
        var path = Path.Combine(folder, FileName);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(this, Json));
        File.Move(temp, path, overwrite: true);
    }
}
