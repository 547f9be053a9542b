using System.Text.Json;
using System.Text.Json.Nodes;

namespace MedSsl.Kernel.Engine;

/// <summary>A MIME bundle as Jupyter JSON (messages and nbformat): JSON types (application/json, *+json) as
/// objects, every other type as a string.</summary>
public static class MimeData
{
    public static JsonObject ToJson(IReadOnlyDictionary<string, string> bundle, Func<string, JsonNode>? text = null)
    {
        var data = new JsonObject();
        foreach (var (mime, value) in bundle)
            data[mime] = IsJson(mime) && TryParse(value) is { } json ? json : text?.Invoke(value) ?? JsonValue.Create(value);
        return data;
    }

    public static bool IsJson(string mime) => mime == "application/json" || mime.EndsWith("+json", StringComparison.Ordinal);

    static JsonNode? TryParse(string value)
    {
        try { return JsonNode.Parse(value); }
        catch (JsonException) { return null; }
    }
}
