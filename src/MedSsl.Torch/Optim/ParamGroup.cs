namespace MedSsl.Torch.Optim;

/// <summary>
/// Parameters that share hyper-parameters: one entry of <c>optimizer.param_groups</c>. Options left
/// null here take the optimizer's defaults when the group joins an optimizer (PyTorch's setdefault);
/// options the optimizer does not use stay absent.
/// </summary>
public sealed class ParamGroup
{
    // Option name -> double, bool or (double, double); only given or defaulted options are present.
    readonly Dictionary<string, object> options = new();

    public ParamGroup(IEnumerable<Parameter> @params, double? lr = null, double? momentum = null,
                      double? dampening = null, double? weight_decay = null, bool? nesterov = null,
                      bool? maximize = null, (double, double)? betas = null, double? eps = null,
                      bool? amsgrad = null)
    {
        this.@params = @params.ToList();
        Put(nameof(lr), lr);
        Put(nameof(momentum), momentum);
        Put(nameof(dampening), dampening);
        Put(nameof(weight_decay), weight_decay);
        Put(nameof(nesterov), nesterov);
        Put(nameof(maximize), maximize);
        Put(nameof(betas), betas);
        Put(nameof(eps), eps);
        Put(nameof(amsgrad), amsgrad);
    }

    /// <summary>The group's parameters, in order (PyTorch's group['params']).</summary>
    public IReadOnlyList<Parameter> @params { get; }

    public double lr { get => Get<double>(nameof(lr)); set => options[nameof(lr)] = value; }
    public double momentum { get => Get<double>(nameof(momentum)); set => options[nameof(momentum)] = value; }
    public double dampening { get => Get<double>(nameof(dampening)); set => options[nameof(dampening)] = value; }
    public double weight_decay { get => Get<double>(nameof(weight_decay)); set => options[nameof(weight_decay)] = value; }
    public bool nesterov { get => Get<bool>(nameof(nesterov)); set => options[nameof(nesterov)] = value; }
    public bool maximize { get => Get<bool>(nameof(maximize)); set => options[nameof(maximize)] = value; }
    public (double, double) betas { get => Get<(double, double)>(nameof(betas)); set => options[nameof(betas)] = value; }
    public double eps { get => Get<double>(nameof(eps)); set => options[nameof(eps)] = value; }
    public bool amsgrad { get => Get<bool>(nameof(amsgrad)); set => options[nameof(amsgrad)] = value; }

    /// <summary>The lr the schedulers start from; set by the first scheduler attached.</summary>
    public double? initial_lr
    {
        get => options.TryGetValue(nameof(initial_lr), out var v) ? (double)v : null;
        set => Put(nameof(initial_lr), value, remove: true);
    }

    /// <summary>Whether the group carries this option.</summary>
    public bool has(string option) => options.ContainsKey(option);

    /// <summary>Every option of the group: double, bool or (double, double) values.</summary>
    public IReadOnlyDictionary<string, object> Options => options;

    /// <summary>Fills the options this group did not set from the optimizer's defaults.</summary>
    internal void SetDefaults(ParamGroup defaults)
    {
        foreach (var (name, value) in defaults.options) options.TryAdd(name, value);
    }

    /// <summary>Sets an option from a (possibly JSON-decoded) value of the same kind.</summary>
    internal void SetOption(string name, object value) => options[name] = value;

    T Get<T>(string name) => options.TryGetValue(name, out var v)
        ? (T)v
        : throw new InvalidOperationException(
            $"This parameter group has no '{name}' option: the optimizer it belongs to does not use it.");

    void Put<T>(string name, T? value, bool remove = false) where T : struct
    {
        if (value is not null) options[name] = value.Value;
        else if (remove) options.Remove(name);
    }
}
