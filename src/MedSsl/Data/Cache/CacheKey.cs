using System.Security.Cryptography;
using System.Text;
using MedSsl.Torch;

namespace MedSsl.Data.Cache;

/// <summary>
/// What a cache's content depends on, hashed (SHA-256): the source (its ToString, row count, channels,
/// every row's description, and the size and modification time of rows that name a file) and the cached
/// size and fit. A changed file list or a re-written file gives a new key, hence a fresh cache.
/// </summary>
internal static class CacheKey
{
    public static byte[] Compute(IImageSource source, int height, int width, ResizeFit fit)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string s)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(s));
            sha.AppendData("\n"u8);
        }
        Add($"medssl-image-cache v1 | {source} | rows {source.Count} | channels {source.Channels} | {height}x{width} {fit}");
        for (int row = 0; row < source.Count; row++)
        {
            var d = source.Describe(row);
            var file = new FileInfo(d);
            Add(file.Exists ? $"{d} | {file.Length} | {file.LastWriteTimeUtc.Ticks}" : d);
        }
        return sha.GetHashAndReset();
    }
}
