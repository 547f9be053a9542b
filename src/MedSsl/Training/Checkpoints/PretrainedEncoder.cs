using MedSsl.Models;
using MedSsl.Torch;

namespace MedSsl.Training.Checkpoints;

/// <summary>What loading a pretraining checkpoint into an encoder did, as one line for logs.</summary>
public sealed record EncoderLoadReport(string checkpoint, string method, int step, int loaded,
                                       IReadOnlyList<string> missing, IReadOnlyList<string> dropped)
{
    public override string ToString()
    {
        var drop = dropped.GroupBy(k => k.Split('.')[0]).Select(g => $"{g.Key}.* ({g.Count()})");
        return $"init: {loaded} encoder tensors from {checkpoint} ({method}, step {step}); " +
               $"dropped {(dropped.Count == 0 ? "nothing" : string.Join(", ", drop))}; " +
               $"missing {(missing.Count == 0 ? "none" : string.Join(", ", missing))}";
    }
}

/// <summary>
/// Loads the encoder of a training checkpoint (keys model.encoder.*) into a fresh encoder, for fine-tuning
/// from layer 0: the projection head, the probe and the optimizer state are dropped (paper-notes §2.2).
/// Any encoder key the checkpoint lacks, or a shape that differs, is an error naming the checkpoint.
/// </summary>
public static class PretrainedEncoder
{
    const string Model = Trainer.ModelPrefix, EncoderPrefix = Trainer.ModelPrefix + "encoder.";

    public static EncoderLoadReport Load(ResNet encoder, string checkpoint)
    {
        var ck = CheckpointStore.Open(checkpoint);
        using var scope = torch.NewDisposeScope();
        var tensors = ck.load_tensors();
        var own = encoder.state_dict().Keys.ToHashSet();
        var fromCk = tensors.Where(kv => kv.Key.StartsWith(EncoderPrefix, StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key[EncoderPrefix.Length..], kv => kv.Value);
        var missing = own.Where(k => !fromCk.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var extra = fromCk.Keys.Where(k => !own.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0 || extra.Count > 0)
            throw new InvalidDataException($"{ck.path}: its encoder ({ck.state.encoder}) does not fit this one ({encoder.options.width}× " +
                $"{encoder.options.stem} stem): missing [{string.Join(", ", missing.Take(6))}], unexpected [{string.Join(", ", extra.Take(6))}].");
        try { encoder.load_state_dict(fromCk, strict: true); }
        catch (TorchException e) { throw new InvalidDataException($"{ck.path}: {e.Message}", e); }
        var dropped = tensors.Keys.Where(k => k.StartsWith(Model, StringComparison.Ordinal) && !k.StartsWith(EncoderPrefix, StringComparison.Ordinal))
            .Select(k => k[Model.Length..]).Order(StringComparer.Ordinal).ToList();
        return new EncoderLoadReport(ck.path, ck.state.method, ck.state.step, fromCk.Count, missing, dropped);
    }
}
