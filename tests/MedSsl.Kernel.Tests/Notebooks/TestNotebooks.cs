using System.Text.Json.Nodes;

namespace MedSsl.Kernel.Tests.Notebooks;

/// <summary>Small nbformat 4.5 notebooks for the runner tests.</summary>
internal static class TestNotebooks
{
    public static JsonObject Cell(string source, params string[] tags) => new()
    {
        ["cell_type"] = "code",
        ["execution_count"] = null,
        ["id"] = Guid.NewGuid().ToString("N")[..8],
        ["metadata"] = new JsonObject { ["tags"] = new JsonArray(tags.Select(t => (JsonNode?)t).ToArray()) },
        ["outputs"] = new JsonArray(),
        ["source"] = source,
    };

    public static JsonObject Markdown(string source) => new()
    {
        ["cell_type"] = "markdown", ["id"] = Guid.NewGuid().ToString("N")[..8], ["metadata"] = new JsonObject(), ["source"] = source,
    };

    public static string Write(string path, params JsonObject[] cells)
    {
        var nb = new JsonObject
        {
            ["cells"] = new JsonArray(cells.Select(c => (JsonNode?)c).ToArray()),
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["name"] = "medssl-csharp", ["display_name"] = "C# (MedSSL)", ["language"] = "C#" },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        File.WriteAllText(path, nb.ToJsonString());
        return path;
    }

    public static JsonArray Cells(string path) => (JsonArray)JsonNode.Parse(File.ReadAllText(path))!["cells"]!;

    /// <summary>The code cells' outputs joined as text (stream text, text/plain data, error names).</summary>
    public static string OutputText(JsonNode cell) => string.Concat(((JsonArray)cell["outputs"]!).Select(o => (string?)o!["output_type"] switch
    {
        "stream" => Join(o["text"]),
        "error" => $"{o["ename"]}: {o["evalue"]}",
        _ => Join(o["data"]?["text/plain"]),
    }));

    static string Join(JsonNode? node) => node is JsonArray a ? string.Concat(a.Select(x => (string?)x)) : (string?)node ?? "";
}
