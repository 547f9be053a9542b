using System.Text.Json;
using System.Text.RegularExpressions;

namespace MedSsl.Data;

/// <summary>
/// Typed reads from one JSON object that record, instead of throwing, every problem with its JSON path,
/// so a manifest with five mistakes reports all five at once.
/// </summary>
internal sealed class JsonFields
{
    readonly JsonElement obj;
    readonly List<ManifestError> errors;

    public JsonFields(JsonElement obj, string path, List<ManifestError> errors, IReadOnlyCollection<string> allowed)
    {
        (this.obj, Path, this.errors) = (obj, path, errors);
        foreach (var p in obj.EnumerateObject())
            if (!allowed.Contains(p.Name)) Error(At(p.Name), $"unknown field (allowed: {string.Join(", ", allowed)}).");
    }

    public string Path { get; }

    public void Error(string path, string message) => errors.Add(new ManifestError(path, message));

    public string At(string name) => $"{Path}.{name}";

    public string? String(string name, bool required, string? pattern = null, IReadOnlyList<string>? oneOf = null)
    {
        if (Get(name, required, JsonValueKind.String) is not { } e) return null;
        var s = e.GetString()!;
        if (s.Trim().Length == 0) Error(At(name), "must not be empty.");
        else if (pattern != null && !Regex.IsMatch(s, pattern)) Error(At(name), $"'{s}' does not match {pattern}.");
        else if (oneOf != null && !oneOf.Contains(s)) Error(At(name), $"'{s}' is not one of {string.Join(", ", oneOf)}.");
        else return s;
        return null;
    }

    public bool? Bool(string name, bool required) =>
        Get(name, required, JsonValueKind.True, JsonValueKind.False) is { } e ? e.GetBoolean() : null;

    public int? Int(string name, bool required, IReadOnlyList<int>? oneOf = null)
    {
        if (Get(name, required, JsonValueKind.Number) is not { } e) return null;
        if (!e.TryGetInt32(out var v)) { Error(At(name), $"{e.GetRawText()} is not an integer."); return null; }
        if (oneOf != null && !oneOf.Contains(v)) { Error(At(name), $"{v} is not one of {string.Join(", ", oneOf)}."); return null; }
        return v;
    }

    public JsonFields? Object(string name, bool required, IReadOnlyCollection<string> allowed) =>
        Get(name, required, JsonValueKind.Object) is { } e ? new JsonFields(e, At(name), errors, allowed) : null;

    public IReadOnlyList<string>? Strings(string name, bool required, bool unique = false, int minItems = 0) =>
        Array(name, required, minItems, (e, path) => e.ValueKind == JsonValueKind.String && e.GetString()!.Trim().Length > 0
            ? e.GetString() : Fail<string>(path, "expected a non-empty string.")) is { } list && (!unique || Unique(name, list)) ? list : null;

    public IReadOnlyList<int>? Ints(string name, bool required, int minItems, int maxItems, int minimum)
    {
        var list = Array(name, required, minItems, (e, path) => e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var v) && v >= minimum
            ? v : Fail<int?>(path, $"expected an integer ≥ {minimum}."));
        if (list != null && list.Count > maxItems) { Error(At(name), $"has {list.Count} items, at most {maxItems} allowed."); return null; }
        return list?.Select(v => v!.Value).ToArray();
    }

    /// <summary>An object of string values, optionally with keys from a fixed set and values matching a pattern.</summary>
    public IReadOnlyDictionary<string, string>? Map(string name, bool required, string? valuePattern = null,
                                                   IReadOnlyList<string>? keys = null, int minItems = 0)
    {
        if (Get(name, required, JsonValueKind.Object) is not { } e) return null;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject())
        {
            var path = $"{At(name)}.{p.Name}";
            if (keys != null && !keys.Contains(p.Name)) Error(path, $"unknown key (allowed: {string.Join(", ", keys)}).");
            else if (p.Value.ValueKind != JsonValueKind.String) Error(path, $"expected a string, got {Kind(p.Value)}.");
            else if (valuePattern != null && !Regex.IsMatch(p.Value.GetString()!, valuePattern)) Error(path, $"'{p.Value.GetString()}' does not match {valuePattern}.");
            else result[p.Name] = p.Value.GetString()!;
        }
        if (result.Count < minItems) Error(At(name), $"needs at least {minItems} entr{(minItems == 1 ? "y" : "ies")}.");
        return result;
    }

    public IReadOnlyDictionary<string, int>? IntMap(string name, bool required)
    {
        if (Get(name, required, JsonValueKind.Object) is not { } e) return null;
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject())
            if (p.Value.ValueKind == JsonValueKind.Number && p.Value.TryGetInt32(out var v) && v >= 0) result[p.Name] = v;
            else Error($"{At(name)}.{p.Name}", "expected an integer ≥ 0.");
        return result;
    }

    JsonElement? Get(string name, bool required, params JsonValueKind[] kinds)
    {
        if (!obj.TryGetProperty(name, out var e))
        {
            if (required) Error(At(name), "required field is missing.");
            return null;
        }
        if (kinds.Contains(e.ValueKind)) return e;
        Error(At(name), $"expected {Describe(kinds[0])}, got {Kind(e)}.");
        return null;
    }

    List<T>? Array<T>(string name, bool required, int minItems, Func<JsonElement, string, T?> item)
    {
        if (Get(name, required, JsonValueKind.Array) is not { } e) return null;
        var list = new List<T>();
        int i = 0, before = errors.Count;
        foreach (var x in e.EnumerateArray()) { if (item(x, $"{At(name)}[{i++}]") is { } v) list.Add(v); }
        if (i < minItems) Error(At(name), $"needs at least {minItems} item{(minItems == 1 ? "" : "s")}.");
        return errors.Count == before ? list : null;
    }

    bool Unique(string name, IReadOnlyList<string> list)
    {
        var dup = list.GroupBy(s => s).FirstOrDefault(g => g.Count() > 1);
        if (dup != null) Error(At(name), $"'{dup.Key}' appears more than once.");
        return dup == null;
    }

    T? Fail<T>(string path, string message) { Error(path, message); return default; }

    static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.True or JsonValueKind.False => "a boolean", JsonValueKind.Null => "null",
        _ => Describe(e.ValueKind),
    };

    static string Describe(JsonValueKind k) => k switch
    {
        JsonValueKind.Object => "an object", JsonValueKind.Array => "an array", JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number", JsonValueKind.True or JsonValueKind.False => "a boolean", _ => k.ToString().ToLowerInvariant(),
    };
}
