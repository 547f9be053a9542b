using Microsoft.CodeAnalysis.CSharp;
using System.Text.Json.Nodes;
using MedSsl.Kernel.Engine;
using MedSsl.Kernel.Protocol;

namespace MedSsl.Kernel.Server;

// The request handlers; each sends its reply. Handle returns true when an execute failed with stop_on_error.
public sealed partial class KernelServer
{
    int executionCount;

    bool Handle(Message msg, Channel channel)
    {
        switch (msg.Type)
        {
            case "execute_request": return Execute(msg);
            case "kernel_info_request": Reply(msg, channel, "kernel_info_reply", KernelInfo()); break;
            case "comm_info_request": Reply(msg, channel, "comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() }); break;
            case "complete_request": Reply(msg, channel, "complete_reply", Complete(msg.Content)); break;
            case "inspect_request": Reply(msg, channel, "inspect_reply", Inspect(msg.Content)); break;
            case "is_complete_request": Reply(msg, channel, "is_complete_reply", IsComplete(msg.Content)); break;
            case "history_request":
                Reply(msg, channel, "history_reply", new JsonObject { ["status"] = "ok", ["history"] = history.Query(msg.Content) });
                break;
            case "comm_open": // no comm targets: close it, as ipykernel does for unknown targets
                Publish(msg, "comm_close", new JsonObject { ["comm_id"] = (string?)msg.Content["comm_id"], ["data"] = new JsonObject() });
                break;
            case "comm_msg" or "comm_close": break;
            default: Log($"ignored unsupported request {msg.Type}"); break;
        }
        return false;
    }

    bool Execute(Message msg)
    {
        var code = (string?)msg.Content["code"] ?? "";
        var silent = (bool?)msg.Content["silent"] ?? false;
        var storeHistory = !silent && ((bool?)msg.Content["store_history"] ?? true);
        var stopOnError = (bool?)msg.Content["stop_on_error"] ?? true;
        if (storeHistory) executionCount++;
        var count = executionCount;
        if (!silent) Publish(msg, "execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count });

        stdinReader.Begin(msg, (bool?)msg.Content["allow_stdin"] ?? false);
        CellOutcome outcome;
        try { outcome = session.Execute(code, new IopubSink(this, msg, count, silent), $"[{count}]"); }
        finally { stdinReader.End(); }

        if (storeHistory) history.Add(count, code, outcome.Result?["text/plain"]);
        var reply = new JsonObject { ["status"] = "ok", ["execution_count"] = count };
        if (outcome.Error is { } error)
        {
            reply["status"] = "error";
            reply["ename"] = error.Name;
            reply["evalue"] = error.Value;
            reply["traceback"] = new JsonArray(error.Traceback.Select(l => (JsonNode?)l).ToArray());
        }
        else
        {
            reply["payload"] = new JsonArray();
            reply["user_expressions"] = new JsonObject();
        }
        Reply(msg, Channel.Shell, "execute_reply", reply);
        return outcome.Error is not null && stopOnError && !silent;
    }

    JsonObject Complete(JsonObject request)
    {
        var code = (string?)request["code"] ?? "";
        var cursor = CodePoints.ToUtf16(code, (int?)request["cursor_pos"] ?? code.Length);
        var matches = session.Complete(code, cursor, out var start, out var end);
        return new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray(matches.Select(m => (JsonNode?)m).ToArray()),
            ["cursor_start"] = CodePoints.FromUtf16(code, start),
            ["cursor_end"] = CodePoints.FromUtf16(code, end),
            ["metadata"] = new JsonObject(),
        };
    }

    JsonObject Inspect(JsonObject request)
    {
        var code = (string?)request["code"] ?? "";
        var cursor = CodePoints.ToUtf16(code, (int?)request["cursor_pos"] ?? code.Length);
        var text = session.Inspect(code, cursor, (int?)request["detail_level"] ?? 0);
        return new JsonObject
        {
            ["status"] = "ok",
            ["found"] = text is not null,
            ["data"] = text is null ? new JsonObject() : new JsonObject { ["text/plain"] = text },
            ["metadata"] = new JsonObject(),
        };
    }

    static JsonObject IsComplete(JsonObject request)
    {
        var status = ScriptSession.IsComplete((string?)request["code"] ?? "", out var indent);
        var reply = new JsonObject { ["status"] = status };
        if (status == "incomplete") reply["indent"] = indent;
        return reply;
    }

    static JsonObject KernelInfo() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = WireCodec.ProtocolVersion,
        ["implementation"] = "medssl-csharp",
        ["implementation_version"] = typeof(KernelServer).Assembly.GetName().Version?.ToString(3) ?? "0",
        ["language_info"] = new JsonObject
        {
            ["name"] = "C#",
            ["version"] = LanguageVersion.Latest.MapSpecifiedToEffectiveVersion().ToDisplayString(),
            ["mimetype"] = "text/x-csharp",
            ["file_extension"] = ".cs",
            ["pygments_lexer"] = "csharp",
            ["codemirror_mode"] = "text/x-csharp",
        },
        ["banner"] = $"C# (MedSSL): Roslyn scripting on {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}. "
                     + "Cells continue one script; torch.* and display(x) are ready.",
        ["help_links"] = new JsonArray(),
    };
}
