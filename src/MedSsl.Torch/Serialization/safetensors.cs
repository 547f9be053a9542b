using System.Buffers.Binary;

namespace MedSsl.Torch;

/// <summary>
/// Hugging Face safetensors files (<c>safetensors.torch.load_file</c> / <c>save_file</c>): an 8-byte header length,
/// a JSON header naming each tensor's dtype, shape and byte range, then the raw little-endian data.
/// Writes follow HF's layout (tensors by dtype then name, header space-padded to 8 bytes) and are atomic.
/// </summary>
public static class safetensors
{
    /// <summary>Loads every tensor, in header order, as new CPU tensors owned by the caller.</summary>
    public static Dictionary<string, Tensor> load_file(string path) => FileErrors.Named(path, () =>
    {
        using var file = File.OpenRead(path);
        var (entries, _, dataStart) = ReadHeader(file, path);
        var result = new Dictionary<string, Tensor>();
        try
        {
            foreach (var e in entries)
            {
                var where = $"{path}: tensor '{e.Name}'";
                file.Position = dataStart + e.Begin;
                var bytes = TensorBytes.ReadExactly(file, e.End - e.Begin, where);
                result[e.Name] = TensorBytes.Create(bytes, e.Shape, e.Dtype, where);
            }
        }
        catch
        {
            TensorBytes.DisposeAll(result.Values);
            throw;
        }
        return result;
    });

    /// <summary>The header's <c>__metadata__</c> strings (empty when there are none); no tensor is read.</summary>
    public static Dictionary<string, string> load_metadata(string path)
    {
        using var file = File.OpenRead(path);
        return ReadHeader(file, path).Metadata;
    }

    /// <summary>Writes tensors (from any device or layout) and optional string metadata; the file appears whole or not at all.</summary>
    public static void save_file(IReadOnlyDictionary<string, Tensor> tensors, string path,
                                 IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var order = tensors.Select(kv => (Name: kv.Key, Tensor: kv.Value ?? throw new ArgumentException($"Tensor '{kv.Key}' is null.", nameof(tensors))))
                           .Select(x => (x.Name, x.Tensor, Dtype: x.Tensor.dtype))
                           .ToList();
        if (order.Any(x => x.Name == SafetensorsHeader.MetadataKey))
            throw new ArgumentException($"'{SafetensorsHeader.MetadataKey}' is reserved for metadata and cannot name a tensor.", nameof(tensors));
        order.Sort((a, b) => SafetensorsHeader.WriteOrder((a.Name, a.Dtype), (b.Name, b.Dtype)));

        var entries = new List<SafetensorsEntry>();
        long offset = 0;
        foreach (var (name, t, dtype) in order)
        {
            var shape = t.shape;
            var length = t.numel() * dtype.ElementSize();
            entries.Add(new SafetensorsEntry(name, dtype, shape, offset, offset + length));
            offset += length;
        }
        var header = SafetensorsHeader.Format(entries, metadata);

        AtomicFile.Write(path, stream =>
        {
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
            stream.Write(length);
            stream.Write(header);
            foreach (var (_, t, _) in order) stream.Write(t.bytes());
        });
    }

    static (List<SafetensorsEntry> Entries, Dictionary<string, string> Metadata, long DataStart) ReadHeader(FileStream file, string path)
    {
        var fileLength = file.Length;
        if (fileLength < 8)
            throw new InvalidDataException($"{path}: {fileLength} bytes is too short for a safetensors file (8-byte header length missing).");
        Span<byte> prefix = stackalloc byte[8];
        file.ReadExactly(prefix);
        var n = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (n > SafetensorsHeader.MaxBytes)
            throw new InvalidDataException($"{path}: header length {n} exceeds the {SafetensorsHeader.MaxBytes}-byte limit (not a safetensors file?).");
        if (8 + (long)n > fileLength)
            throw new InvalidDataException($"{path}: header length {n} points past the end of the {fileLength}-byte file.");
        var json = TensorBytes.ReadExactly(file, (long)n, $"{path}: header");
        var dataStart = 8 + (long)n;
        var (entries, metadata) = SafetensorsHeader.Parse(json, fileLength - dataStart, path);
        return (entries, metadata, dataStart);
    }
}
