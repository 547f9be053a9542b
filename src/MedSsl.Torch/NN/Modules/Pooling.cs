namespace MedSsl.Torch.Modules;

/// <summary>2-D max pooling; stride defaults to kernel_size.</summary>
public sealed class MaxPool2d(Size2 kernel_size, Size2? stride = null, Size2? padding = null, Size2? dilation = null,
                              bool ceil_mode = false) : torch.nn.Module<Tensor, Tensor>
{
    public Size2 kernel_size { get; } = kernel_size;
    public Size2 stride { get; } = stride ?? kernel_size;
    public Size2 padding { get; } = padding ?? 0;
    public Size2 dilation { get; } = dilation ?? 1;
    public bool ceil_mode { get; } = ceil_mode;

    public override Tensor forward(Tensor input) =>
        torch.nn.functional.max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode);

    public override string extra_repr() =>
        $"kernel_size={kernel_size}, stride={stride}, padding={padding}, dilation={dilation}, ceil_mode={Py(ceil_mode)}";
}

/// <summary>2-D average pooling; stride defaults to kernel_size.</summary>
public sealed class AvgPool2d(Size2 kernel_size, Size2? stride = null, Size2? padding = null, bool ceil_mode = false,
                              bool count_include_pad = true, long? divisor_override = null) : torch.nn.Module<Tensor, Tensor>
{
    public Size2 kernel_size { get; } = kernel_size;
    public Size2 stride { get; } = stride ?? kernel_size;
    public Size2 padding { get; } = padding ?? 0;
    public bool ceil_mode { get; } = ceil_mode;
    public bool count_include_pad { get; } = count_include_pad;
    public long? divisor_override { get; } = divisor_override;

    public override Tensor forward(Tensor input) =>
        torch.nn.functional.avg_pool2d(input, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override);

    public override string extra_repr() => $"kernel_size={kernel_size}, stride={stride}, padding={padding}";
}

/// <summary>Average pooling to a fixed output grid; AdaptiveAvgPool2d(1) is global average pooling.</summary>
public sealed class AdaptiveAvgPool2d(Size2 output_size) : torch.nn.Module<Tensor, Tensor>
{
    public Size2 output_size { get; } = output_size;
    public override Tensor forward(Tensor input) => torch.nn.functional.adaptive_avg_pool2d(input, output_size);
    public override string extra_repr() => $"output_size={output_size}";
}

public sealed class AdaptiveMaxPool2d(Size2 output_size) : torch.nn.Module<Tensor, Tensor>
{
    public Size2 output_size { get; } = output_size;
    public override Tensor forward(Tensor input) => torch.nn.functional.adaptive_max_pool2d(input, output_size);
    public override string extra_repr() => $"output_size={output_size}";
}
