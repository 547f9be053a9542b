using System.Collections;

namespace MedSsl.Torch.Modules;

/// <summary>A list of child modules named "0", "1", ... (torch.nn.ModuleList); it has no forward of its own.</summary>
public sealed class ModuleList<T> : torch.nn.Module, IReadOnlyList<T> where T : torch.nn.Module
{
    readonly List<T> items = new();

    public ModuleList(params T[] modules) => extend(modules);

    public ModuleList<T> append(T module)
    {
        register_module(items.Count.ToString(), module);
        items.Add(module);
        return this;
    }

    public ModuleList<T> extend(IEnumerable<T> modules)
    {
        foreach (var m in modules) append(m);
        return this;
    }

    public int Count => items.Count;
    public T this[int index] => items[index];
    public IEnumerator<T> GetEnumerator() => items.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>Child modules by name, in insertion order (torch.nn.ModuleDict).</summary>
public sealed class ModuleDict<T> : torch.nn.Module, IReadOnlyDictionary<string, T> where T : torch.nn.Module
{
    readonly OrderedDictionary<string, T> items = new();

    public ModuleDict(params (string name, T module)[] modules)
    {
        foreach (var (name, m) in modules) Add(name, m);
    }

    /// <summary>Adds or replaces the module under name.</summary>
    public void Add(string name, T module)
    {
        register_module(name, module);
        items[name] = module;
    }

    public T this[string key] => items[key];
    public IEnumerable<string> Keys => items.Keys;
    public IEnumerable<T> Values => items.Values;
    public int Count => items.Count;
    public bool ContainsKey(string key) => items.ContainsKey(key);
    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out T value) => items.TryGetValue(key, out value);
    public IEnumerator<KeyValuePair<string, T>> GetEnumerator() => items.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
