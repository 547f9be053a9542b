namespace MedSsl.Torch.Modules;

/// <summary>y = x Wᵀ + b (torch.nn.Linear); weight is [out_features, in_features].</summary>
public sealed class Linear : torch.nn.Module<Tensor, Tensor>
{
    public long in_features { get; }
    public long out_features { get; }

    public Linear(long in_features, long out_features, bool bias = true, Device? device = null, ScalarType? dtype = null)
    {
        this.in_features = in_features;
        this.out_features = out_features;
        register_parameter("weight", Layers.Empty(new[] { out_features, in_features }, dtype, device));
        register_parameter("bias", bias ? Layers.Empty(new[] { out_features }, dtype, device) : null);
        reset_parameters();
    }

    public Parameter weight { get => GetParameter("weight")!; set => register_parameter("weight", value); }
    public Parameter? bias { get => GetParameter("bias"); set => register_parameter("bias", value); }

    /// <summary>PyTorch's default initialisation (kaiming uniform a=√5; bias U(±1/√in_features)).</summary>
    public void reset_parameters() => Layers.ResetLinearLike(weight, bias);

    public override Tensor forward(Tensor input) => torch.nn.functional.linear(input, weight, bias);

    public override string extra_repr() =>
        $"in_features={in_features}, out_features={out_features}, bias={Py(bias is not null)}";
}
