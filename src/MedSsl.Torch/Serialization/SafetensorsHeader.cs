using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MedSsl.Torch;

/// <summary>One tensor's entry in a safetensors header; offsets are relative to the data section.</summary>
internal sealed record SafetensorsEntry(string Name, ScalarType Dtype, long[] Shape, long Begin, long End);

/// <summary>
/// The JSON header of a safetensors file: parsing with the checks Hugging Face's reader makes
/// (offsets tile the data section exactly, sizes match shape × dtype), and writing in its layout.
/// </summary>
internal static class SafetensorsHeader
{
    public const string MetadataKey = "__metadata__";

    /// <summary>Hugging Face refuses headers above 100 MB; so do we, before allocating them.</summary>
    public const long MaxBytes = 100_000_000;

    // Rank = position in HF's Dtype enum; its writer orders tensors by descending rank, then name.
    static readonly (string Code, ScalarType Type, int Rank)[] Codes =
    {
        ("BOOL", ScalarType.Bool, 0), ("U8", ScalarType.Byte, 1), ("I8", ScalarType.Int8, 2),
        ("I16", ScalarType.Int16, 5), ("F16", ScalarType.Float16, 7), ("BF16", ScalarType.BFloat16, 8),
        ("I32", ScalarType.Int32, 9), ("F32", ScalarType.Float32, 11), ("F64", ScalarType.Float64, 12),
        ("I64", ScalarType.Int64, 13),
    };

    // Valid safetensors dtypes that have no tensor type here.
    static readonly string[] Unsupported = { "U16", "U32", "U64", "F8_E5M2", "F8_E4M3", "F8_E8M0", "F6_E2M3", "F6_E3M2", "F4" };

    public static string Code(ScalarType t) => Codes.First(c => c.Type == t).Code;
    public static int Rank(ScalarType t) => Codes.First(c => c.Type == t).Rank;

    /// <summary>Parses and validates a header; entries keep the header's order.</summary>
    public static (List<SafetensorsEntry> Entries, Dictionary<string, string> Metadata) Parse(
        ReadOnlySpan<byte> json, long dataLength, string file)
    {
        // HF requires UTF-8; System.Text.Json would only notice when a bad name is first read.
        if (!System.Text.Unicode.Utf8.IsValid(json))
            throw new InvalidDataException($"{file}: safetensors header is not valid UTF-8.");
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json.ToArray()); }
        catch (JsonException e) { throw new InvalidDataException($"{file}: safetensors header is not valid JSON: {e.Message}", e); }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"{file}: safetensors header is a JSON {doc.RootElement.ValueKind}, not an object.");
            var entries = new List<SafetensorsEntry>();
            var metadata = new Dictionary<string, string>();
            var seen = new HashSet<string>();
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (!seen.Add(p.Name)) throw new InvalidDataException($"{file}: key '{p.Name}' appears twice in the header.");
                if (p.Name == MetadataKey) ReadMetadata(p.Value, metadata, file);
                else entries.Add(ReadEntry(p.Name, p.Value, file));
            }
            CheckLayout(entries, dataLength, file);
            return (entries, metadata);
        }
    }

    static void ReadMetadata(JsonElement value, Dictionary<string, string> into, string file)
    {
        if (value.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"{file}: '{MetadataKey}' must be an object of strings, not a JSON {value.ValueKind}.");
        foreach (var p in value.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.String)
                throw new InvalidDataException($"{file}: metadata '{p.Name}' must be a string, not a JSON {p.Value.ValueKind}.");
            into[p.Name] = p.Value.GetString()!;
        }
    }

    static SafetensorsEntry ReadEntry(string name, JsonElement value, string file)
    {
        var where = $"{file}: tensor '{name}'";
        if (value.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"{where}: entry must be an object, not a JSON {value.ValueKind}.");
        if (!value.TryGetProperty("dtype", out var dtypeJson) || dtypeJson.ValueKind != JsonValueKind.String)
            throw new InvalidDataException($"{where}: 'dtype' is missing or not a string.");
        var dtype = ParseDtype(dtypeJson.GetString()!, where);
        var shape = ReadLongs(value, "shape", where);
        var offsets = ReadLongs(value, "data_offsets", where);
        if (offsets.Length != 2) throw new InvalidDataException($"{where}: 'data_offsets' must hold [begin, end].");
        return new SafetensorsEntry(name, dtype, shape, offsets[0], offsets[1]);
    }

    static ScalarType ParseDtype(string code, string where)
    {
        foreach (var c in Codes)
            if (c.Code == code) return c.Type;
        if (Unsupported.Contains(code))
            throw new NotSupportedException($"{where}: dtype {code} has no tensor type in this binding.");
        throw new InvalidDataException($"{where}: unknown dtype '{code}'.");
    }

    static long[] ReadLongs(JsonElement entry, string field, string where)
    {
        if (!entry.TryGetProperty(field, out var array) || array.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException($"{where}: '{field}' is missing or not an array.");
        var result = new long[array.GetArrayLength()];
        int i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out var v) || v < 0)
                throw new InvalidDataException($"{where}: '{field}' must hold non-negative integers, found {item.GetRawText()}.");
            result[i++] = v;
        }
        return result;
    }

    // Offsets must tile [0, dataLength) with no gap or overlap, each span exactly shape × dtype bytes.
    static void CheckLayout(List<SafetensorsEntry> entries, long dataLength, string file)
    {
        long expected = 0;
        foreach (var e in entries.OrderBy(e => e.Begin).ThenBy(e => e.End))
        {
            var where = $"{file}: tensor '{e.Name}'";
            if (e.Begin != expected || e.End < e.Begin)
                throw new InvalidDataException(
                    $"{where}: data_offsets [{e.Begin}, {e.End}] should start at {expected} (offsets overlap, leave a gap or run backwards).");
            var need = checked(TensorBytes.Numel(e.Shape, where) * e.Dtype.ElementSize());
            if (e.End - e.Begin != need)
                throw new InvalidDataException(
                    $"{where}: data_offsets [{e.Begin}, {e.End}] span {e.End - e.Begin} bytes but shape {TensorBytes.Shape(e.Shape)} of {Code(e.Dtype)} needs {need}.");
            if (e.End > dataLength)
                throw new InvalidDataException($"{where}: data_offsets [{e.Begin}, {e.End}] run past the {dataLength}-byte data section.");
            expected = e.End;
        }
        if (expected != dataLength)
            throw new InvalidDataException($"{file}: tensors cover {expected} bytes but the data section holds {dataLength}.");
    }

    /// <summary>The header bytes, padded with spaces to a multiple of 8 so the data section stays aligned.</summary>
    public static byte[] Format(IEnumerable<SafetensorsEntry> entries, IReadOnlyDictionary<string, string>? metadata)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            if (metadata is not null)
            {
                w.WriteStartObject(MetadataKey);
                foreach (var (k, v) in metadata.OrderBy(kv => kv.Key, StringComparer.Ordinal)) w.WriteString(k, v);
                w.WriteEndObject();
            }
            foreach (var e in entries)
            {
                w.WriteStartObject(e.Name);
                w.WriteString("dtype", Code(e.Dtype));
                WriteLongs(w, "shape", e.Shape);
                WriteLongs(w, "data_offsets", new[] { e.Begin, e.End });
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        var pad = (int)((8 - buffer.Length % 8) % 8);
        for (int i = 0; i < pad; i++) buffer.WriteByte((byte)' ');
        return buffer.ToArray();
    }

    static void WriteLongs(Utf8JsonWriter w, string name, long[] values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteNumberValue(v);
        w.WriteEndArray();
    }

    /// <summary>HF's write order: descending dtype rank, then name by UTF-8 bytes (as Rust compares strings).</summary>
    public static int WriteOrder((string Name, ScalarType Dtype) a, (string Name, ScalarType Dtype) b)
    {
        var byRank = Rank(b.Dtype).CompareTo(Rank(a.Dtype));
        return byRank != 0 ? byRank
            : Encoding.UTF8.GetBytes(a.Name).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(b.Name));
    }
}
