using System.Text.Json;
using System.Text.Json.Nodes;

namespace MedSsl.Kernel.Protocol;

/// <summary>The connection file Jupyter hands a kernel: transport, address, the five ports and the signing key.</summary>
public sealed record ConnectionInfo(string Transport, string Ip, int ShellPort, int IopubPort, int StdinPort,
                                    int ControlPort, int HbPort, string Key, string SignatureScheme)
{
    /// <summary>Reads a connection file; unknown keys are ignored, missing or bad ones named.</summary>
    public static ConnectionInfo Load(string path)
    {
        JsonObject json;
        try { json = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new JsonException("not a JSON object"); }
        catch (Exception e) when (e is JsonException or IOException)
        {
            throw new InvalidDataException($"{path}: cannot read the connection file: {e.Message}", e);
        }
        string Str(string key, string? fallback = null) =>
            (string?)json[key] ?? fallback ?? throw new InvalidDataException($"{path}: missing \"{key}\"");
        int Port(string key) => json[key] is JsonValue v && v.TryGetValue(out int p) && p is >= 0 and <= 65535
            ? p : throw new InvalidDataException($"{path}: \"{key}\" must be a port number");
        var info = new ConnectionInfo(Str("transport", "tcp"), Str("ip", "127.0.0.1"), Port("shell_port"), Port("iopub_port"),
            Port("stdin_port"), Port("control_port"), Port("hb_port"), Str("key", ""), Str("signature_scheme", "hmac-sha256"));
        if (info.Key.Length > 0 && info.SignatureScheme != "hmac-sha256")
            throw new InvalidDataException($"{path}: signature scheme \"{info.SignatureScheme}\" is not supported (only hmac-sha256)");
        if (info.Transport is not ("tcp" or "ipc"))
            throw new InvalidDataException($"{path}: transport \"{info.Transport}\" is not supported (tcp or ipc)");
        return info;
    }

    /// <summary>"tcp://127.0.0.1:5555", or for ipc "ipc://{ip}-{port}" as jupyter_client names the files.</summary>
    public string Endpoint(int port) => Transport == "ipc" ? $"ipc://{Ip}-{port}" : $"tcp://{Ip}:{port}";
}
