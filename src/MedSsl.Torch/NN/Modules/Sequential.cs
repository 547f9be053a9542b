using System.Collections;

namespace MedSsl.Torch.Modules;

/// <summary>
/// Runs its layers in order (torch.nn.Sequential). Layers are named "0", "1", ... or by the names given,
/// which become state_dict key prefixes ("0.weight", "fc.bias"). Intermediate outputs are disposed as soon
/// as the next layer has run, so a long stack does not keep every activation handle alive.
/// </summary>
public sealed class Sequential : torch.nn.Module<Tensor, Tensor>, IReadOnlyList<torch.nn.Module<Tensor, Tensor>>
{
    readonly List<torch.nn.Module<Tensor, Tensor>> layers = new();

    public Sequential() { }

    public Sequential(params torch.nn.Module<Tensor, Tensor>[] modules)
    {
        foreach (var m in modules) append(m);
    }

    public Sequential(params (string name, torch.nn.Module<Tensor, Tensor> module)[] modules)
    {
        foreach (var (name, m) in modules) append(name, m);
    }

    /// <summary>Adds a layer named by its position.</summary>
    public Sequential append(torch.nn.Module<Tensor, Tensor> module) => append(layers.Count.ToString(), module);

    public Sequential append(string name, torch.nn.Module<Tensor, Tensor> module)
    {
        if (GetModule(name) is not null) throw new ArgumentException($"Sequential: a layer named \"{name}\" already exists.");
        register_module(name, module);
        layers.Add(module);
        return this;
    }

    public int Count => layers.Count;
    public torch.nn.Module<Tensor, Tensor> this[int index] => layers[index];
    public IEnumerator<torch.nn.Module<Tensor, Tensor>> GetEnumerator() => layers.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override Tensor forward(Tensor input)
    {
        var x = input;
        foreach (var layer in layers)
        {
            var y = layer.call(x);
            // x is ours unless it is the caller's input; autograd keeps what it saved regardless.
            if (!ReferenceEquals(x, input) && !ReferenceEquals(y, x)) x.Dispose();
            x = y;
        }
        return ReferenceEquals(x, input) ? input.alias() : x;
    }
}
