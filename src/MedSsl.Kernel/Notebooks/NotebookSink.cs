using System.Text.Json.Nodes;
using MedSsl.Kernel.Engine;

namespace MedSsl.Kernel.Notebooks;

/// <summary>
/// A cell's outputs written into the notebook as nbclient writes them: consecutive stream text merged,
/// update_display_data rewriting every earlier output with that display id, clear_output honoured.
/// </summary>
internal sealed class NotebookSink(JsonArray outputs, int executionCount, Dictionary<string, List<JsonObject>> displays,
                                   TextWriter? echo) : ICellSink
{
    bool clearPending;

    public void Stream(string name, string text)
    {
        echo?.Write(text);
        if (!clearPending && outputs.LastOrDefault() is JsonObject last && (string?)last["output_type"] == "stream"
            && (string?)last["name"] == name)
        {
            last["text"] = NotebookFile.Lines(NotebookFile.Text(last["text"]) + text);
            return;
        }
        Add(new JsonObject { ["output_type"] = "stream", ["name"] = name, ["text"] = NotebookFile.Lines(text) });
    }

    public void Display(IReadOnlyDictionary<string, string> bundle, string? displayId, bool update)
    {
        if (update)
        {
            if (displayId is not null && displays.TryGetValue(displayId, out var shown))
                foreach (var output in shown) output["data"] = Data(bundle);
            return;
        }
        var display = new JsonObject { ["output_type"] = "display_data", ["data"] = Data(bundle), ["metadata"] = new JsonObject() };
        if (displayId is not null)
        {
            if (!displays.TryGetValue(displayId, out var list)) displays[displayId] = list = new List<JsonObject>();
            list.Add(display);
        }
        Add(display);
    }

    public void Result(IReadOnlyDictionary<string, string> bundle) => Add(new JsonObject
    {
        ["output_type"] = "execute_result", ["data"] = Data(bundle), ["metadata"] = new JsonObject(), ["execution_count"] = executionCount,
    });

    public void Error(CellError error) => Add(new JsonObject
    {
        ["output_type"] = "error",
        ["ename"] = error.Name,
        ["evalue"] = error.Value,
        ["traceback"] = new JsonArray(error.Traceback.Select(l => (JsonNode?)l).ToArray()),
    });

    public void ClearOutput(bool wait)
    {
        if (wait) clearPending = true;
        else outputs.Clear();
    }

    void Add(JsonObject output)
    {
        if (clearPending) { outputs.Clear(); clearPending = false; }
        outputs.Add(output);
    }

    static JsonObject Data(IReadOnlyDictionary<string, string> bundle) => MimeData.ToJson(bundle, text => NotebookFile.Lines(text));
}
