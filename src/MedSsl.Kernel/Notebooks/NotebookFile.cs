using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MedSsl.Kernel.Notebooks;

/// <summary>An .ipynb (nbformat 4) as JSON nodes, with the few accessors the runner and the checker need.
/// Unknown fields are kept as they are.</summary>
public sealed class NotebookFile
{
    static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true, IndentSize = 1, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Path { get; }
    public JsonObject Root { get; }
    public JsonArray Cells { get; }

    NotebookFile(string path, JsonObject root, JsonArray cells) => (Path, Root, Cells) = (path, root, cells);

    /// <summary>Reads a notebook; InvalidDataException names the file and what is wrong.</summary>
    public static NotebookFile Load(string path)
    {
        JsonNode? node;
        try { node = JsonNode.Parse(File.ReadAllText(path)); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: not valid JSON ({e.Message})", e); }
        catch (IOException e) { throw new InvalidDataException($"{path}: {e.Message}", e); }
        if (node is not JsonObject root || root["cells"] is not JsonArray cells)
            throw new InvalidDataException($"{path}: not a notebook (no \"cells\" list)");
        if ((int?)root["nbformat"] is { } major && major != 4)
            throw new InvalidDataException($"{path}: nbformat {major} is not supported (4 is); convert it with jupyter nbconvert --to notebook");
        for (int i = 0; i < cells.Count; i++)
            if (cells[i] is not JsonObject cell || cell["cell_type"] is null)
                throw new InvalidDataException($"{path}: cell {i + 1} has no cell_type");
        return new NotebookFile(path, root, cells);
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        File.WriteAllText(path, Root.ToJsonString(WriteOptions) + "\n");
    }

    public IEnumerable<JsonObject> CodeCells => Cells.OfType<JsonObject>().Where(c => (string?)c["cell_type"] == "code");

    /// <summary>The cell's source; nbformat allows a string or a list of lines.</summary>
    public static string Source(JsonObject cell) => Text(cell["source"]);

    public static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        JsonValue v when v.TryGetValue(out string? s) => s,
        _ => "",
    };

    public static bool HasTag(JsonObject cell, string tag) =>
        cell["metadata"]?["tags"] is JsonArray tags && tags.Any(t => (string?)t == tag);

    /// <summary>Text as nbformat writes it: a list of lines, each keeping its "\n".</summary>
    public static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
            if (text[i] == '\n') { lines.Add(text[start..(i + 1)]); start = i + 1; }
        if (start < text.Length) lines.Add(text[start..]);
        return lines;
    }

    public static JsonObject NewCodeCell(string source, params string[] tags) => new()
    {
        ["cell_type"] = "code",
        ["execution_count"] = null,
        ["metadata"] = new JsonObject { ["tags"] = new JsonArray(tags.Select(t => (JsonNode?)t).ToArray()) },
        ["outputs"] = new JsonArray(),
        ["source"] = Lines(source),
    };
}
