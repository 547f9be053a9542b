using System.Text.Json.Nodes;

namespace MedSsl.Kernel.Protocol;

/// <summary>
/// One Jupyter message. The parent header is kept as the exact bytes received so replies quote it verbatim.
/// </summary>
public sealed class Message
{
    public required IReadOnlyList<byte[]> Identities { get; init; }
    public required JsonObject Header { get; init; }
    /// <summary>The header frame as it arrived (or as it was sent): the parent_header of replies.</summary>
    public required byte[] HeaderBytes { get; init; }
    public required JsonObject ParentHeader { get; init; }
    public required JsonObject Metadata { get; init; }
    public required JsonObject Content { get; init; }
    public IReadOnlyList<byte[]> Buffers { get; init; } = [];

    public string Type => (string?)Header["msg_type"] ?? "";

    public string Id => (string?)Header["msg_id"] ?? "";

    public override string ToString() => $"{Type} {Id}";
}
