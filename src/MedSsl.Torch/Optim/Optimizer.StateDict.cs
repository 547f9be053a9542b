using System.Text.Json;
using System.Text.Json.Nodes;

namespace MedSsl.Torch.Optim;

// state_dict / load_state_dict: resume training where it stopped.
public abstract partial class Optimizer
{
    /// <summary>Copies of the state tensors plus the groups' hyper-parameters (see <see cref="OptimizerStateDict"/>).
    /// Parameters are numbered group by group, as in PyTorch.</summary>
    public OptimizerStateDict state_dict()
    {
        ThrowIfDisposed();
        var tensors = new Dictionary<string, Tensor>();
        var jsonGroups = new JsonArray();
        var index = 0;
        using var noGrad = torch.no_grad();
        foreach (var g in groups)
        {
            var json = new JsonObject();
            foreach (var (name, value) in g.Options) json[name] = ToJson(value);
            var ids = new JsonArray();
            foreach (var p in g.@params)
            {
                ids.Add(index);
                if (state.TryGetValue(p, out var slots))
                    for (var i = 0; i < slots.Length; i++)
                        if (slots[i] is { } t) tensors[$"state.{index}.{StateNames[i]}"] = t.clone().DetachFromDisposeScope();
                index++;
            }
            json["params"] = ids;
            jsonGroups.Add(json);
        }
        return new OptimizerStateDict(tensors, new JsonObject { ["param_groups"] = jsonGroups });
    }

    /// <summary>Replaces the state and hyper-parameters with copies of a saved state dict. Everything is
    /// checked before anything changes: group sizes, keys and shapes must fit this optimizer.</summary>
    public void load_state_dict(OptimizerStateDict state_dict)
    {
        ThrowIfDisposed();
        var saved = SavedGroups(state_dict.scalars);
        var ps = parameters().ToArray();
        var entries = state_dict.tensors.Select(kv => (key: kv.Key, slot: ParseKey(kv.Key, ps), value: kv.Value)).ToList();
        foreach (var (key, (index, slot), value) in entries) CheckShape(key, ps[index], StateNames[slot], value);
        var options = saved.Select((g, i) => ReadOptions(g, groups[i], i)).ToList();

        ClearState();
        using (torch.no_grad())
            foreach (var (_, (index, slot), value) in entries)
            {
                var p = ps[index];
                // Like PyTorch: state follows the parameter's dtype and device, but "step" stays as saved.
                var copy = StateNames[slot] == "step"
                    ? value.to(copy: true)
                    : value.to(p.is_floating_point() ? p.dtype : null, p.device, copy: true);
                if (!state.TryGetValue(p, out var slots)) state[p] = slots = new Tensor?[StateNames.Length];
                slots[slot] = copy.DetachFromDisposeScope();
            }
        for (var i = 0; i < groups.Count; i++)
            foreach (var (name, value) in options[i]) groups[i].SetOption(name, value);
    }

    List<JsonObject> SavedGroups(JsonObject scalars)
    {
        if (scalars["param_groups"] is not JsonArray array)
            throw new ArgumentException("The optimizer state dict has no 'param_groups' array.");
        var saved = array.Select(n => n as JsonObject ?? throw new ArgumentException("param_groups holds a non-object.")).ToList();
        var savedSizes = saved.Select(g => (g["params"] as JsonArray)?.Count ?? 0).ToList();
        var sizes = groups.Select(g => g.@params.Count).ToList();
        if (!savedSizes.SequenceEqual(sizes))
            throw new ArgumentException(
                $"The state dict has {saved.Count} parameter group(s) with [{string.Join(", ", savedSizes)}] parameters, " +
                $"but this {GetType().Name} has {groups.Count} with [{string.Join(", ", sizes)}].");
        return saved;
    }

    /// <summary>"state.{index}.{name}" -> (parameter index, state slot).</summary>
    (int index, int slot) ParseKey(string key, Parameter[] ps)
    {
        var parts = key.Split('.');
        if (parts.Length != 3 || parts[0] != "state" || !int.TryParse(parts[1], out var index))
            throw new ArgumentException($"State dict key '{key}' is not of the form 'state.{{paramIndex}}.{{name}}'.");
        if (index < 0 || index >= ps.Length)
            throw new ArgumentException($"State dict key '{key}' refers to parameter {index}, but this {GetType().Name} has {ps.Length} parameters.");
        var slot = Array.IndexOf(StateNames, parts[2]);
        if (slot < 0)
            throw new ArgumentException($"State dict key '{key}': {GetType().Name} keeps no '{parts[2]}' state " +
                                        $"(it keeps {string.Join(", ", StateNames)}).");
        return (index, slot);
    }

    static void CheckShape(string key, Parameter p, string name, Tensor value)
    {
        var expected = name == "step" ? Array.Empty<long>() : p.shape;
        if (!value.shape.SequenceEqual(expected))
            throw new ArgumentException($"State dict key '{key}' has shape [{string.Join(", ", value.shape)}] but " +
                                        $"{(name == "step" ? "a step counter has shape []" : $"its parameter has shape [{string.Join(", ", expected)}]")}.");
    }

    static List<(string, object)> ReadOptions(JsonObject saved, ParamGroup group, int index)
    {
        var result = new List<(string, object)>();
        foreach (var (name, node) in saved)
        {
            if (name == "params") continue;
            var value = FromJson(node, $"param_groups[{index}].{name}");
            if (group.Options.TryGetValue(name, out var current) && current.GetType() != value.GetType())
                throw new ArgumentException($"param_groups[{index}].{name} holds {node?.ToJsonString()}, " +
                                            $"but this optimizer keeps a {current.GetType().Name} there.");
            result.Add((name, value));
        }
        return result;
    }

    static JsonNode ToJson(object value) => value switch
    {
        bool b => JsonValue.Create(b),
        double d => JsonValue.Create(d),
        ValueTuple<double, double> t => new JsonArray(t.Item1, t.Item2),
        _ => throw new InvalidOperationException($"Option of unexpected type {value.GetType().Name}."),
    };

    static object FromJson(JsonNode? node, string where) => node?.GetValueKind() switch
    {
        JsonValueKind.True or JsonValueKind.False => node.Deserialize<bool>(),
        JsonValueKind.Number => node.Deserialize<double>(),
        JsonValueKind.Array when node.AsArray().Count == 2 =>
            (node[0].Deserialize<double>(), node[1].Deserialize<double>()),
        _ => throw new ArgumentException($"{where} holds {node?.ToJsonString() ?? "null"}: expected a number, a bool or a pair."),
    };
}
