using System.IO.Compression;

namespace MedSsl.Torch;

/// <summary>
/// The zip a torch.save call (PyTorch ≥ 1.6) writes: &lt;folder&gt;/data.pkl holds the pickled object,
/// &lt;folder&gt;/data/&lt;key&gt; the raw bytes of each storage. The folder is "archive" or the file's stem.
/// </summary>
internal sealed class TorchArchive : IDisposable
{
    readonly ZipArchive zip;
    readonly string path;
    readonly string folder;
    readonly Dictionary<string, (ScalarType Dtype, byte[] Bytes)> storages = new();

    TorchArchive(ZipArchive zip, string path, string folder)
    {
        this.zip = zip;
        this.path = path;
        this.folder = folder;
    }

    public static TorchArchive Open(string path)
    {
        var file = File.OpenRead(path);
        try
        {
            CheckZipMagic(file, path);
            var zip = new ZipArchive(file, ZipArchiveMode.Read);
            var pickles = zip.Entries.Where(e => e.FullName == "data.pkl" || e.FullName.EndsWith("/data.pkl", StringComparison.Ordinal)).ToList();
            if (pickles.Count != 1)
                throw new InvalidDataException($"{path}: expected one */data.pkl entry in the zip, found {pickles.Count}.");
            var folder = pickles[0].FullName[..^"data.pkl".Length];
            var archive = new TorchArchive(zip, path, folder);
            archive.CheckKind();
            return archive;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    static void CheckZipMagic(FileStream file, string path)
    {
        var head = new byte[2];
        var n = file.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        file.Position = 0;
        if (n == 2 && head[0] == 'P' && head[1] == 'K') return;
        if (n >= 1 && head[0] == 0x80)
            throw new NotSupportedException(
                $"{path}: uses PyTorch's legacy (pre-1.6, non-zip) format; re-save it with a current torch.save.");
        throw new InvalidDataException($"{path}: not a torch.save checkpoint (no zip signature).");
    }

    void CheckKind()
    {
        if (zip.GetEntry(folder + "constants.pkl") is not null)
            throw new NotSupportedException(
                $"{path}: is a TorchScript archive (torch.jit.save); export the weights with torch.save(model.state_dict(), path).");
        if (zip.GetEntry(folder + "byteorder") is { } order && ReadAll(order, "byteorder").AsSpan().SequenceEqual("big"u8))
            throw new NotSupportedException($"{path}: was written on a big-endian machine; only little-endian checkpoints are supported.");
    }

    /// <summary>The unpickled top-level object of data.pkl.</summary>
    public object? LoadPickle()
    {
        var bytes = ReadAll(zip.GetEntry(folder + "data.pkl")!, "data.pkl");
        return new TorchUnpickler(bytes, $"{path}: {folder}data.pkl").Load();
    }

    /// <summary>A new CPU tensor for a rebuilt tensor reference; <paramref name="name"/> is its state_dict key.</summary>
    public Tensor Materialize(TensorRef t, string name)
    {
        var where = $"{path}: tensor '{name}'";
        var storage = Storage(t.Storage, where);
        var bytes = StridedBytes.Gather(storage, t.Storage.Dtype.ElementSize(), t.Offset, t.Size, t.Stride, where);
        return TensorBytes.Create(bytes, t.Size, t.Storage.Dtype, where);
    }

    // Views share storages (a transpose and its base), so each is read once.
    byte[] Storage(StorageRef s, string where)
    {
        if (storages.TryGetValue(s.Key, out var cached))
        {
            if (cached.Dtype != s.Dtype)
                throw new InvalidDataException($"{where}: storage '{s.Key}' is used as both {cached.Dtype.Name()} and {s.Dtype.Name()}.");
            return cached.Bytes;
        }
        var entryName = $"{folder}data/{s.Key}";
        var entry = zip.GetEntry(entryName)
            ?? throw new InvalidDataException($"{where}: storage entry '{entryName}' is missing from the zip.");
        var need = s.Numel <= long.MaxValue / 8 ? s.Numel * s.Dtype.ElementSize() : -1;
        if (entry.Length != need) // checked before reading, so a bad count never sizes an allocation
            throw new InvalidDataException(
                $"{where}: storage '{entryName}' holds {entry.Length} bytes but its pickle says {s.Numel} {s.Dtype.Name()} elements ({need} bytes).");
        var bytes = ReadAll(entry, entryName);
        storages[s.Key] = (s.Dtype, bytes);
        return bytes;
    }

    byte[] ReadAll(ZipArchiveEntry entry, string what)
    {
        using var stream = entry.Open();
        return TensorBytes.ReadExactly(stream, entry.Length, $"{path}: {what}");
    }

    public void Dispose() => zip.Dispose();
}
