using MedSsl.Torch;

namespace MedSsl.Models;

/// <summary>What loading encoder weights left out: classifier keys the checkpoint had but the encoder does
/// not (unexpected), or the other way round (missing). Only <c>fc.*</c> keys may be in either list.</summary>
public sealed record WeightLoadReport(string path, int loaded, IReadOnlyList<string> missing, IReadOnlyList<string> unexpected)
{
    /// <summary>One line for logs: "weights: 320 tensors from W.pth; ignored fc.weight, fc.bias (not in the encoder)".</summary>
    public override string ToString()
    {
        var notes = new List<string>();
        if (unexpected.Count > 0) notes.Add($"ignored {string.Join(", ", unexpected)} (not in the encoder)");
        if (missing.Count > 0) notes.Add($"kept the fresh {string.Join(", ", missing)} (not in the checkpoint)");
        return $"weights: {loaded} tensors from {Path.GetFileName(path)}" + (notes.Count > 0 ? "; " + string.Join("; ", notes) : "");
    }
}

/// <summary>Loads encoder weights from a PyTorch .pth state dict (no pickle code runs) or a .safetensors file.</summary>
public static class EncoderCheckpoint
{
    /// <summary>Copies the checkpoint into the encoder: strict, except that classifier keys (<c>fc.*</c>) may be
    /// missing or unexpected, so an ImageNet-classifier checkpoint loads into a feature encoder and back.
    /// Any other missing or unexpected key, or a shape mismatch, throws naming the file and the keys.</summary>
    public static WeightLoadReport load(ResNet encoder, string path)
    {
        using var scope = torch.NewDisposeScope();
        var state = Read(path);
        var own = encoder.state_dict().Keys.ToHashSet();
        var missing = own.Where(k => !state.ContainsKey(k)).ToList();
        var unexpected = state.Keys.Where(k => !own.Contains(k)).ToList();
        var wrong = missing.Concat(unexpected).Where(k => !k.StartsWith("fc.", StringComparison.Ordinal)).ToList();
        if (wrong.Count > 0)
            throw new InvalidDataException(
                $"{path}: does not fit this encoder ({encoder.options.stem} stem, width {encoder.options.width}): " +
                $"missing [{Few(missing.Where(wrong.Contains))}], unexpected [{Few(unexpected.Where(wrong.Contains).Order(StringComparer.Ordinal))}]. " +
                "Keys must be torchvision's (conv1.weight, layer1.0.bn1.running_mean, ...); strip any 'module.'/'encoder.' prefix first.");
        var fitting = state.Where(kv => own.Contains(kv.Key));
        try { encoder.load_state_dict(fitting, strict: false); }
        catch (TorchException e) { throw new InvalidDataException($"{path}: {e.Message}", e); }
        return new WeightLoadReport(path, own.Count - missing.Count, missing, unexpected);
    }

    static Dictionary<string, Tensor> Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Weights file not found: {path}", path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".safetensors" => safetensors.load_file(path),
            ".pth" or ".pt" or ".bin" or ".ckpt" => pth.load_state_dict(path),
            var ext => throw new ArgumentException($"{path}: unknown weights format '{ext}'; use a .pth (torch.save of a state_dict) or .safetensors file."),
        };
    }

    static string Few(IEnumerable<string> keys)
    {
        var list = keys.ToList();
        return string.Join(", ", list.Take(8)) + (list.Count > 8 ? $", … ({list.Count} in all)" : "");
    }
}
