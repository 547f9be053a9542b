namespace MedSsl.Torch.Modules;

/// <summary>Group normalisation (torch.nn.GroupNorm): statistics per sample over groups of channels;
/// the same in training and eval, so it suits small batches.</summary>
public sealed class GroupNorm : torch.nn.Module<Tensor, Tensor>
{
    public long num_groups { get; }
    public long num_channels { get; }
    public double eps { get; }
    public bool affine { get; }

    public GroupNorm(long num_groups, long num_channels, double eps = 1e-5, bool affine = true,
                     Device? device = null, ScalarType? dtype = null)
    {
        if (num_groups <= 0 || num_channels % num_groups != 0)
            throw new ArgumentException($"GroupNorm: num_channels ({num_channels}) must be divisible by num_groups ({num_groups}).");
        (this.num_groups, this.num_channels, this.eps, this.affine) = (num_groups, num_channels, eps, affine);
        var c = new[] { num_channels };
        register_parameter("weight", affine ? Layers.Own(torch.ones(c, dtype, device)) : null);
        register_parameter("bias", affine ? Layers.Own(torch.zeros(c, dtype, device)) : null);
    }

    public Parameter? weight => GetParameter("weight");
    public Parameter? bias => GetParameter("bias");

    public override Tensor forward(Tensor input) => torch.nn.functional.group_norm(input, num_groups, weight, bias, eps);

    public override string extra_repr() => $"{num_groups}, {num_channels}, eps={Layers.Py(eps)}, affine={Py(affine)}";
}

/// <summary>Layer normalisation over the trailing normalized_shape dims (torch.nn.LayerNorm).</summary>
public sealed class LayerNorm : torch.nn.Module<Tensor, Tensor>
{
    public long[] normalized_shape { get; }
    public double eps { get; }
    public bool elementwise_affine { get; }

    public LayerNorm(long[] normalized_shape, double eps = 1e-5, bool elementwise_affine = true,
                     Device? device = null, ScalarType? dtype = null)
    {
        (this.normalized_shape, this.eps, this.elementwise_affine) = ((long[])normalized_shape.Clone(), eps, elementwise_affine);
        register_parameter("weight", elementwise_affine ? Layers.Own(torch.ones(normalized_shape, dtype, device)) : null);
        register_parameter("bias", elementwise_affine ? Layers.Own(torch.zeros(normalized_shape, dtype, device)) : null);
    }

    public LayerNorm(long normalized_shape, double eps = 1e-5, bool elementwise_affine = true,
                     Device? device = null, ScalarType? dtype = null)
        : this(new[] { normalized_shape }, eps, elementwise_affine, device, dtype) { }

    public Parameter? weight => GetParameter("weight");
    public Parameter? bias => GetParameter("bias");

    public override Tensor forward(Tensor input) => torch.nn.functional.layer_norm(input, normalized_shape, weight, bias, eps);

    public override string extra_repr() =>
        $"({string.Join(", ", normalized_shape)}{(normalized_shape.Length == 1 ? "," : "")}), eps={Layers.Py(eps)}, elementwise_affine={Py(elementwise_affine)}";
}
