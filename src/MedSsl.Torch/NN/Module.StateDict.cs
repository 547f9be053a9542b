namespace MedSsl.Torch;

public static partial class torch
{
    public static partial class nn
    {
        // state_dict / load_state_dict, with PyTorch's keys, order and error messages.
        public abstract partial class Module
        {
            /// <summary>
            /// Parameters and persistent buffers by dotted key: per module its parameters, then its buffers,
            /// then each child's entries, as PyTorch orders them. Values are detached tensors sharing storage
            /// with the module (new handles: a dispose scope or the caller disposes them).
            /// </summary>
            public Dictionary<string, Tensor> state_dict()
            {
                var dict = new Dictionary<string, Tensor>();
                foreach (var (key, t) in StateEntries(""))
                    dict[key] = t.detach();
                return dict;
            }

            IEnumerable<(string key, Tensor tensor)> StateEntries(string prefix)
            {
                foreach (var (name, p) in parameters_)
                    if (p is not null) yield return (prefix + name, p);
                foreach (var (name, b) in buffers_)
                    if (b is not null && !nonPersistent.Contains(name)) yield return (prefix + name, b);
                foreach (var (name, m) in modules_)
                    if (m is not null)
                        foreach (var e in m.StateEntries(prefix + name + "."))
                            yield return e;
            }

            /// <summary>
            /// Copies values into this module's parameters and buffers (in place: handles stay valid; dtype and
            /// device are converted). Nothing is copied when any shape differs or, with strict, when keys are
            /// missing or unexpected: a TorchException then lists every problem.
            /// </summary>
            public (IList<string> missing_keys, IList<string> unexpected_keys) load_state_dict(
                IEnumerable<KeyValuePair<string, Tensor>> state_dict, bool strict = true)
            {
                using var scope = NewDisposeScope();  // owns tensors added by UpgradeStateDict
                var source = new Dictionary<string, Tensor>();
                foreach (var (k, v) in state_dict) source[k] = v;
                foreach (var (prefix, m) in named_modules())
                    m.UpgradeStateDict(source, prefix.Length == 0 ? "" : prefix + ".");

                var own = StateEntries("").ToList();
                var ownKeys = own.Select(e => e.key).ToHashSet();
                var missing = own.Where(e => !source.ContainsKey(e.key)).Select(e => e.key).ToList();
                var unexpected = source.Keys.Where(k => !ownKeys.Contains(k)).ToList();

                var errors = new List<string>();
                foreach (var (key, target) in own)
                    if (source.TryGetValue(key, out var value) && !value.shape.SequenceEqual(target.shape))
                        errors.Add($"size mismatch for {key}: copying a param with shape {Shape(value)} from checkpoint, " +
                                   $"the shape in current model is {Shape(target)}.");
                if (strict && unexpected.Count > 0) errors.Insert(0, "Unexpected key(s) in state_dict: " + Quote(unexpected) + ".");
                if (strict && missing.Count > 0) errors.Insert(0, "Missing key(s) in state_dict: " + Quote(missing) + ".");
                if (errors.Count > 0)
                    throw new TorchException("load_state_dict",
                        $"Error(s) in loading state_dict for {GetName()}:\n\t" + string.Join("\n\t", errors));

                using (no_grad())
                    foreach (var (key, target) in own)
                        if (source.TryGetValue(key, out var value))
                            target.copy_(value);
                return (missing, unexpected);
            }

            /// <summary>Lets a module adapt older checkpoints before keys are matched (PyTorch's versioned
            /// _load_from_state_dict). prefix is this module's key prefix, e.g. "layer1.0.bn1.".
            /// Tensors it adds are disposed after the load.</summary>
            protected virtual void UpgradeStateDict(Dictionary<string, Tensor> state, string prefix) { }

            static string Shape(Tensor t) => $"[{string.Join(", ", t.shape)}]";
            static string Quote(IEnumerable<string> keys) => string.Join(", ", keys.Select(k => $"\"{k}\""));
        }
    }
}
