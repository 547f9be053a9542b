using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MedSsl.Kernel.Protocol;

/// <summary>
/// Jupyter's wire format (messaging spec, "The Wire Protocol"): [identities…, "&lt;IDS|MSG&gt;", signature,
/// header, parent_header, metadata, content, buffers…], signed with HMAC-SHA256 over the four JSON frames
/// exactly as they travel.
/// </summary>
public sealed class WireCodec(string key, string? session = null)
{
    public const string ProtocolVersion = "5.3";
    public static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();

    static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    readonly byte[] keyBytes = Encoding.UTF8.GetBytes(key);

    /// <summary>One id per kernel process, in every header it sends.</summary>
    public string Session { get; } = session ?? Guid.NewGuid().ToString();

    /// <summary>Lowercase hex HMAC-SHA256 of the frames, "" when the key is empty (signing off).</summary>
    public string Sign(byte[] header, byte[] parent, byte[] metadata, byte[] content)
    {
        if (keyBytes.Length == 0) return "";
        using var hmac = new HMACSHA256(keyBytes);
        foreach (var part in new[] { header, parent, metadata })
            hmac.TransformBlock(part, 0, part.Length, null, 0);
        hmac.TransformFinalBlock(content, 0, content.Length);
        return Convert.ToHexStringLower(hmac.Hash!);
    }

    /// <summary>Parses received frames. Throws <see cref="InvalidSignatureException"/> for a missing or wrong
    /// signature and <see cref="InvalidDataException"/> for frames that are not a Jupyter message.</summary>
    public Message Decode(IReadOnlyList<byte[]> frames)
    {
        var d = 0;
        while (d < frames.Count && !frames[d].AsSpan().SequenceEqual(Delimiter)) d++;
        if (d == frames.Count) throw new InvalidDataException("no <IDS|MSG> delimiter");
        if (frames.Count < d + 6) throw new InvalidDataException($"{frames.Count - d - 1} frames after the delimiter, expected at least 5");
        var (signature, header, parent, metadata, content) = (frames[d + 1], frames[d + 2], frames[d + 3], frames[d + 4], frames[d + 5]);
        if (keyBytes.Length > 0 && !SignatureMatches(signature, header, parent, metadata, content))
            throw new InvalidSignatureException();
        return new Message
        {
            Identities = frames.Take(d).ToArray(),
            Header = ParseObject(header, "header"),
            HeaderBytes = header,
            ParentHeader = ParseObject(parent, "parent_header"),
            Metadata = ParseObject(metadata, "metadata"),
            Content = ParseObject(content, "content"),
            Buffers = frames.Skip(d + 6).ToArray(),
        };
    }

    bool SignatureMatches(byte[] signature, byte[] header, byte[] parent, byte[] metadata, byte[] content)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(header, parent, metadata, content));
        return CryptographicOperations.FixedTimeEquals(expected, signature);
    }

    /// <summary>Frames for a new message of msgType, replying to (or caused by) parent.</summary>
    public List<byte[]> Encode(string msgType, JsonObject content, Message? parent, IReadOnlyList<byte[]> identities,
                               JsonObject? metadata = null)
    {
        var header = Serialize(NewHeader(msgType));
        var parentBytes = parent?.HeaderBytes ?? "{}"u8.ToArray();
        var metadataBytes = Serialize(metadata ?? new JsonObject());
        var contentBytes = Serialize(content);
        var frames = new List<byte[]>(identities.Count + 6);
        frames.AddRange(identities);
        frames.Add(Delimiter);
        frames.Add(Encoding.ASCII.GetBytes(Sign(header, parentBytes, metadataBytes, contentBytes)));
        frames.AddRange([header, parentBytes, metadataBytes, contentBytes]);
        return frames;
    }

    public JsonObject NewHeader(string msgType) => new()
    {
        ["msg_id"] = Guid.NewGuid().ToString(),
        ["session"] = Session,
        ["username"] = "kernel",
        ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        ["msg_type"] = msgType,
        ["version"] = ProtocolVersion,
    };

    public static byte[] Serialize(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node, Json);

    static JsonObject ParseObject(byte[] frame, string what)
    {
        try { return JsonNode.Parse(frame) as JsonObject ?? throw new JsonException("not an object"); }
        catch (JsonException e) { throw new InvalidDataException($"{what} is not a JSON object: {e.Message}", e); }
    }
}

/// <summary>A message whose HMAC does not match the connection key: dropped, never handled.</summary>
public sealed class InvalidSignatureException() : Exception("bad message signature");
