using System.IO.Compression;

namespace MedSsl.Torch;

/// <summary>
/// NumPy's .npy and .npz files (<c>np.load</c>, <c>np.save</c>, <c>np.savez[_compressed]</c>) as tensors.
/// Little-endian float16/32/64, int8/16/32/64, uint8 and bool; Fortran-order arrays are read into C order.
/// Paths are used as given (no ".npy"/".npz" is appended); writes are atomic.
/// </summary>
public static class np
{
    /// <summary>Loads a .npy file as a new CPU tensor owned by the caller.</summary>
    public static Tensor load(string path) => FileErrors.Named(path, () =>
    {
        using var file = File.OpenRead(path);
        if (file.Length >= 2 && file.ReadByte() == 'P' && file.ReadByte() == 'K')
            throw new InvalidDataException($"{path}: is a zip (.npz) archive; use np.load_npz.");
        file.Position = 0;
        return NpyArray.Read(file, path);
    });

    /// <summary>Loads every .npy entry of a .npz archive (stored or deflated), keyed like NumPy: entry name minus ".npy".</summary>
    public static Dictionary<string, Tensor> load_npz(string path) => FileErrors.Named(path, () =>
    {
        using var archive = OpenZip(path);
        var result = new Dictionary<string, Tensor>();
        try
        {
            foreach (var entry in archive.Entries)
            {
                if (!entry.FullName.EndsWith(".npy", StringComparison.Ordinal)) continue; // NumPy writes only .npy entries
                var key = entry.FullName[..^4];
                var where = $"{path}: array '{key}'";
                if (result.ContainsKey(key)) throw new InvalidDataException($"{where}: appears twice in the archive.");
                result[key] = ReadEntry(entry, where);
            }
        }
        catch
        {
            TensorBytes.DisposeAll(result.Values);
            throw;
        }
        return result;
    });

    /// <summary>Writes a tensor (any device or layout) as a C-order .npy file, byte-identical to np.save.</summary>
    public static void save(string path, Tensor array)
    {
        ArgumentNullException.ThrowIfNull(array);
        AtomicFile.Write(path, stream => NpyArray.Write(stream, array, path));
    }

    /// <summary>Writes a .npz archive with one "key.npy" entry per tensor: stored like np.savez, or deflated like np.savez_compressed.</summary>
    public static void savez(string path, IReadOnlyDictionary<string, Tensor> arrays, bool compressed = false)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        var level = compressed ? CompressionLevel.Optimal : CompressionLevel.NoCompression;
        AtomicFile.Write(path, stream =>
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            foreach (var (key, tensor) in arrays)
            {
                if (tensor is null) throw new ArgumentException($"Array '{key}' is null.", nameof(arrays));
                using var entry = zip.CreateEntry(key + ".npy", level).Open();
                NpyArray.Write(entry, tensor, $"{path}: array '{key}'");
            }
        });
    }

    // A corrupt deflate stream or zip entry says nothing of where it is: name the array too.
    static Tensor ReadEntry(ZipArchiveEntry entry, string where) => FileErrors.Named(where, () =>
    {
        using var stream = entry.Open();
        return NpyArray.Read(stream, where);
    });

    static ZipArchive OpenZip(string path)
    {
        var file = File.OpenRead(path);
        try
        {
            return new ZipArchive(file, ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            file.Dispose();
            throw new InvalidDataException($"{path}: not a readable .npz (zip) archive: {e.Message}", e);
        }
    }
}
