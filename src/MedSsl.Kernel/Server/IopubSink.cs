using System.Text.Json.Nodes;
using MedSsl.Kernel.Engine;
using MedSsl.Kernel.Protocol;

namespace MedSsl.Kernel.Server;

/// <summary>A cell's outputs as iopub messages, all carrying the execute_request as parent; nothing when silent.</summary>
internal sealed class IopubSink(KernelServer server, Message request, int executionCount, bool silent) : ICellSink
{
    public void Stream(string name, string text) => Publish("stream", new JsonObject { ["name"] = name, ["text"] = text });

    public void Display(IReadOnlyDictionary<string, string> bundle, string? displayId, bool update)
    {
        var content = new JsonObject { ["data"] = Data(bundle), ["metadata"] = new JsonObject() };
        content["transient"] = displayId is null ? new JsonObject() : new JsonObject { ["display_id"] = displayId };
        Publish(update ? "update_display_data" : "display_data", content);
    }

    public void Result(IReadOnlyDictionary<string, string> bundle) => Publish("execute_result", new JsonObject
    {
        ["execution_count"] = executionCount, ["data"] = Data(bundle), ["metadata"] = new JsonObject(),
    });

    public void Error(CellError error) => Publish("error", new JsonObject
    {
        ["ename"] = error.Name,
        ["evalue"] = error.Value,
        ["traceback"] = new JsonArray(error.Traceback.Select(l => (JsonNode?)l).ToArray()),
    });

    public void ClearOutput(bool wait) => Publish("clear_output", new JsonObject { ["wait"] = wait });

    void Publish(string type, JsonObject content)
    {
        if (!silent) server.Publish(request, type, content);
    }

    static JsonObject Data(IReadOnlyDictionary<string, string> bundle) => MimeData.ToJson(bundle);
}
