namespace MedSsl.Torch.Modules;

/// <summary>2-D convolution (torch.nn.Conv2d); weight is [out, in/groups, kH, kW].
/// padding_mode "zeros" (default) pads inside the convolution; "reflect", "replicate" and "circular" pad first.</summary>
public sealed class Conv2d : torch.nn.Module<Tensor, Tensor>
{
    static readonly string[] PaddingModes = { "zeros", "reflect", "replicate", "circular" };

    public long in_channels { get; }
    public long out_channels { get; }
    public Size2 kernel_size { get; }
    public Size2 stride { get; }
    public Size2 padding { get; }
    public Size2 dilation { get; }
    public long groups { get; }
    public string padding_mode { get; }

    public Conv2d(long in_channels, long out_channels, Size2 kernel_size, Size2? stride = null, Size2? padding = null,
                  Size2? dilation = null, long groups = 1, bool bias = true, string padding_mode = "zeros",
                  Device? device = null, ScalarType? dtype = null)
    {
        if (groups <= 0 || in_channels % groups != 0 || out_channels % groups != 0)
            throw new ArgumentException($"Conv2d: in_channels ({in_channels}) and out_channels ({out_channels}) must be divisible by groups ({groups}).");
        if (Array.IndexOf(PaddingModes, padding_mode) < 0)
            throw new ArgumentException($"Conv2d: padding_mode must be one of {string.Join(", ", PaddingModes)}, not \"{padding_mode}\".");
        (this.in_channels, this.out_channels, this.kernel_size, this.groups, this.padding_mode) =
            (in_channels, out_channels, kernel_size, groups, padding_mode);
        this.stride = stride ?? 1;
        this.padding = padding ?? 0;
        this.dilation = dilation ?? 1;
        var shape = new[] { out_channels, in_channels / groups, kernel_size.H, kernel_size.W };
        register_parameter("weight", Layers.Empty(shape, dtype, device));
        register_parameter("bias", bias ? Layers.Empty(new[] { out_channels }, dtype, device) : null);
        reset_parameters();
    }

    public Parameter weight { get => GetParameter("weight")!; set => register_parameter("weight", value); }
    public Parameter? bias { get => GetParameter("bias"); set => register_parameter("bias", value); }

    /// <summary>PyTorch's default initialisation (kaiming uniform a=√5; bias U(±1/√fan_in)).</summary>
    public void reset_parameters() => Layers.ResetLinearLike(weight, bias);

    public override Tensor forward(Tensor input)
    {
        if (padding_mode == "zeros")
            return torch.nn.functional.conv2d(input, weight, bias, stride, padding, dilation, groups);
        using var padded = torch.nn.functional.pad(input, new[] { padding.W, padding.W, padding.H, padding.H }, padding_mode);
        return torch.nn.functional.conv2d(padded, weight, bias, stride, 0, dilation, groups);
    }

    public override string extra_repr()
    {
        var s = $"{in_channels}, {out_channels}, kernel_size={kernel_size}, stride={stride}";
        if (padding != new Size2(0, 0)) s += $", padding={padding}";
        if (dilation != new Size2(1, 1)) s += $", dilation={dilation}";
        if (groups != 1) s += $", groups={groups}";
        if (bias is null) s += ", bias=False";
        if (padding_mode != "zeros") s += $", padding_mode={padding_mode}";
        return s;
    }
}
