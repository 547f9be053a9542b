namespace MedSsl.Torch.Modules;

// Parameter-free element-wise layers.

public sealed class ReLU(bool inplace = false) : torch.nn.Module<Tensor, Tensor>
{
    public bool inplace { get; } = inplace;
    public override Tensor forward(Tensor input) => torch.nn.functional.relu(input, inplace);
    public override string extra_repr() => inplace ? "inplace=True" : "";
}

/// <summary>GELU; approximate "none" (exact) or "tanh".</summary>
public sealed class GELU : torch.nn.Module<Tensor, Tensor>
{
    public string approximate { get; }

    public GELU(string approximate = "none")
    {
        if (approximate != "none" && approximate != "tanh")
            throw new ArgumentException($"GELU: approximate must be \"none\" or \"tanh\", not \"{approximate}\".");
        this.approximate = approximate;
    }

    public override Tensor forward(Tensor input) => torch.nn.functional.gelu(input, approximate);
    public override string extra_repr() => $"approximate='{approximate}'";
}

public sealed class SiLU(bool inplace = false) : torch.nn.Module<Tensor, Tensor>
{
    public bool inplace { get; } = inplace;
    public override Tensor forward(Tensor input) => torch.nn.functional.silu(input, inplace);
    public override string extra_repr() => inplace ? "inplace=True" : "";
}

public sealed class LeakyReLU(double negative_slope = 0.01, bool inplace = false) : torch.nn.Module<Tensor, Tensor>
{
    public double negative_slope { get; } = negative_slope;
    public bool inplace { get; } = inplace;
    public override Tensor forward(Tensor input) => torch.nn.functional.leaky_relu(input, negative_slope, inplace);
    public override string extra_repr() => $"negative_slope={Layers.Py(negative_slope)}{(inplace ? ", inplace=True" : "")}";
}

public sealed class Sigmoid : torch.nn.Module<Tensor, Tensor>
{
    public override Tensor forward(Tensor input) => input.sigmoid();
}

public sealed class Tanh : torch.nn.Module<Tensor, Tensor>
{
    public override Tensor forward(Tensor input) => input.tanh();
}

/// <summary>Returns its input (as a new handle, so callers may dispose what they get back).</summary>
public sealed class Identity : torch.nn.Module<Tensor, Tensor>
{
    public override Tensor forward(Tensor input) => input.alias();
}

/// <summary>Flattens dims start_dim..end_dim (default: all but the batch dim).</summary>
public sealed class Flatten(long start_dim = 1, long end_dim = -1) : torch.nn.Module<Tensor, Tensor>
{
    public long start_dim { get; } = start_dim;
    public long end_dim { get; } = end_dim;
    public override Tensor forward(Tensor input) => input.flatten(start_dim, end_dim);
    public override string extra_repr() => $"start_dim={start_dim}, end_dim={end_dim}";
}

/// <summary>Zeroes elements with probability p in training (scaling the rest by 1/(1-p)); identity in eval.</summary>
public sealed class Dropout : torch.nn.Module<Tensor, Tensor>
{
    public double p { get; }
    public bool inplace { get; }

    public Dropout(double p = 0.5, bool inplace = false)
    {
        if (p < 0 || p > 1) throw new ArgumentException($"Dropout: probability has to be between 0 and 1, but got {p}.");
        (this.p, this.inplace) = (p, inplace);
    }

    public override Tensor forward(Tensor input) => torch.nn.functional.dropout(input, p, training, inplace);
    public override string extra_repr() => $"p={Layers.Py(p)}, inplace={Py(inplace)}";
}
