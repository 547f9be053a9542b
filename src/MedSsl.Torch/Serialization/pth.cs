namespace MedSsl.Torch;

/// <summary>
/// Imports PyTorch checkpoints written by <c>torch.save(model.state_dict(), path)</c> (zip format, PyTorch ≥ 1.6).
/// A restricted unpickler reads only what a state_dict holds and never runs code from the file; tensors
/// land on the CPU whatever device they were saved from, as plain tensors (requires_grad is not kept).
/// </summary>
public static class pth
{
    /// <summary>Keys under which training scripts commonly nest the state_dict, tried in this order.</summary>
    public static readonly IReadOnlyList<string> WrapperKeys = new[] { "state_dict", "model" };

    /// <summary>
    /// The state_dict in a checkpoint, as new CPU tensors in file order. The top-level object may be the
    /// state_dict itself, or a dict holding it under <paramref name="key"/> (when given) or else under one
    /// of <see cref="WrapperKeys"/>; the rest of such a dict (epoch, optimizer state, ...) is ignored.
    /// </summary>
    public static Dictionary<string, Tensor> load_state_dict(string path, string? key = null) => FileErrors.Named(path, () =>
    {
        using var archive = TorchArchive.Open(path);
        var stateDict = Select(archive.LoadPickle(), key, path);
        var result = new Dictionary<string, Tensor>();
        try
        {
            foreach (var (name, value) in stateDict.Items)
                result[(string)name!] = archive.Materialize((TensorRef)value!, (string)name!);
        }
        catch
        {
            TensorBytes.DisposeAll(result.Values);
            throw;
        }
        return result;
    });

    static PyDict Select(object? root, string? key, string path)
    {
        if (root is not PyDict top)
            throw new InvalidDataException($"{path}: holds a {PyTypes.Name(root)}, not a state_dict (a dict of tensors).");
        if (key is not null)
        {
            if (!top.TryGet(key, out var inner))
                throw new KeyNotFoundException($"{path}: has no top-level entry '{key}'; its keys are {Keys(top)}.");
            return inner is PyDict d && NonTensorEntry(d) is null ? d
                : throw new InvalidDataException($"{path}: entry '{key}' is {Describe(inner)}, not a state_dict.");
        }
        var problem = NonTensorEntry(top);
        if (problem is null) return top;
        foreach (var wrapper in WrapperKeys)
            if (top.TryGet(wrapper, out var inner) && inner is PyDict d && NonTensorEntry(d) is null)
                return d;
        throw new InvalidDataException(
            $"{path}: the top-level dict is not a state_dict ({problem}) and has no {string.Join(" or ", WrapperKeys.Select(k => $"'{k}'"))} " +
            $"entry holding one; its keys are {Keys(top)}. Pass key: to pick the entry.");
    }

    // Null when every key is a str and every value a tensor; otherwise what is wrong, for the message.
    static string? NonTensorEntry(PyDict d)
    {
        foreach (var (k, v) in d.Items)
        {
            if (k is not string name) return $"key {k} is a {PyTypes.Name(k)}";
            if (v is not TensorRef) return $"entry '{name}' is a {PyTypes.Name(v)}";
        }
        return null;
    }

    static string Describe(object? v) => v is PyDict d && NonTensorEntry(d) is { } why ? $"a dict whose {why}" : $"a {PyTypes.Name(v)}";

    static string Keys(PyDict d)
    {
        var keys = d.Items.Take(10).Select(kv => kv.Key is string s ? $"'{s}'" : $"{kv.Key}");
        return "[" + string.Join(", ", keys) + (d.Count > 10 ? ", ..." : "") + "]";
    }
}
