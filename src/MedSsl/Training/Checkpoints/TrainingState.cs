using System.Text.Json;
using System.Text.Json.Nodes;
using MedSsl.Methods;
using MedSsl.Models;

namespace MedSsl.Training.Checkpoints;

/// <summary>
/// The JSON half of a checkpoint (state.json): where the run stands and what it was. Tensors (model,
/// optimizer state, the global RNG state) are in weights.safetensors beside it. The data generators need no
/// state: each batch's generator is reseeded from (seed, epoch, batch), so <see cref="step"/> is enough.
/// </summary>
public sealed record TrainingState
{
    public const string Format = "medssl-checkpoint/1";

    public string format { get; init; } = Format;
    public required string method { get; init; }
    public required int step { get; init; }
    public required int epoch { get; init; }
    public required int total_steps { get; init; }
    public required EncoderSpec encoder { get; init; }
    public double loss { get; init; }
    public double lr { get; init; }
    public ulong data_seed { get; init; }
    public string? data_hash { get; init; }

    /// <summary>Each optimizer's scalars (param groups: lr, momentum, weight decay, ...), by name.</summary>
    public Dictionary<string, JsonObject> optimizers { get; init; } = new();
    public JsonObject? config { get; init; }
    public DateTime saved_utc { get; init; } = DateTime.UtcNow;

    static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static TrainingState Parse(string json, string path)
    {
        TrainingState? s;
        try { s = JsonSerializer.Deserialize<TrainingState>(json, Json); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: not a checkpoint state file: {e.Message}", e); }
        if (s is null || s.format != Format)
            throw new InvalidDataException($"{path}: format '{s?.format}' is not {Format}.");
        return s;
    }
}
