using MedSsl.Torch.Native;

namespace MedSsl.Torch.Modules;

/// <summary>
/// Batch normalisation over dim 1 (PyTorch's _BatchNorm). Training normalises with batch statistics and
/// updates running_mean/running_var (momentum, or a cumulative average when momentum is null) and counts
/// num_batches_tracked; eval uses the running statistics.
/// </summary>
public abstract class BatchNorm : torch.nn.Module<Tensor, Tensor>
{
    public long num_features { get; }
    public double eps { get; }
    public double? momentum { get; }
    public bool affine { get; }
    public bool track_running_stats { get; }

    protected BatchNorm(long num_features, double eps, double? momentum, bool affine, bool track_running_stats,
                        Device? device, ScalarType? dtype)
    {
        (this.num_features, this.eps, this.momentum, this.affine, this.track_running_stats) =
            (num_features, eps, momentum, affine, track_running_stats);
        var c = new[] { num_features };
        register_parameter("weight", affine ? Layers.Own(torch.ones(c, dtype, device)) : null);
        register_parameter("bias", affine ? Layers.Own(torch.zeros(c, dtype, device)) : null);
        register_buffer("running_mean", track_running_stats ? torch.zeros(c, dtype, device) : null);
        register_buffer("running_var", track_running_stats ? torch.ones(c, dtype, device) : null);
        register_buffer("num_batches_tracked", track_running_stats ? torch.zeros(Array.Empty<long>(), torch.int64, device) : null);
    }

    public Parameter? weight => GetParameter("weight");
    public Parameter? bias => GetParameter("bias");
    public Tensor? running_mean => GetBuffer("running_mean");
    public Tensor? running_var => GetBuffer("running_var");
    public Tensor? num_batches_tracked => GetBuffer("num_batches_tracked");

    /// <summary>Throws ArgumentException when input has the wrong number of dims for this layer.</summary>
    protected abstract void check_input_dim(Tensor input);

    public override Tensor forward(Tensor input)
    {
        check_input_dim(input);
        var factor = momentum ?? 0.0;
        if (training && track_running_stats && num_batches_tracked is { } count)
        {
            Tensor.Check(LibNative.mt_nn_count_batch_(count.Handle), count, op: "num_batches_tracked.add_");
            factor = momentum ?? 1.0 / count.item<long>();
        }
        var bnTraining = training || (running_mean is null && running_var is null);
        var useStats = !training || track_running_stats;
        return torch.nn.functional.batch_norm(input, useStats ? running_mean : null, useStats ? running_var : null,
                                              weight, bias, bnTraining, factor, eps);
    }

    /// <summary>Fills the running statistics with their initial values (and the counter with 0).</summary>
    public void reset_running_stats()
    {
        running_mean?.zero_();
        running_var?.fill_(1);
        num_batches_tracked?.zero_();
    }

    /// <summary>Checkpoints from before PyTorch 0.4.1 (e.g. torchvision's first ResNet weights) lack
    /// num_batches_tracked; as PyTorch does, such a layer loads with the counter at 0.</summary>
    protected override void UpgradeStateDict(Dictionary<string, Tensor> state, string prefix)
    {
        var key = prefix + "num_batches_tracked";
        if (track_running_stats && state.ContainsKey(prefix + "running_mean") && !state.ContainsKey(key))
            state[key] = torch.zeros(Array.Empty<long>(), torch.int64);
    }

    public override string extra_repr() =>
        $"{num_features}, eps={Layers.Py(eps)}, momentum={(momentum is { } m ? Layers.Py(m) : "None")}, " +
        $"affine={Py(affine)}, track_running_stats={Py(track_running_stats)}";
}

/// <summary>Batch norm over [N, C] or [N, C, L] inputs (torch.nn.BatchNorm1d).</summary>
public sealed class BatchNorm1d : BatchNorm
{
    public BatchNorm1d(long num_features, double eps = 1e-5, double? momentum = 0.1, bool affine = true,
                       bool track_running_stats = true, Device? device = null, ScalarType? dtype = null)
        : base(num_features, eps, momentum, affine, track_running_stats, device, dtype) { }

    protected override void check_input_dim(Tensor input)
    {
        if (input.dim() != 2 && input.dim() != 3)
            throw new ArgumentException($"BatchNorm1d: expected 2D or 3D input (got {input.dim()}D input {input.Describe()}).");
    }
}

/// <summary>Batch norm over [N, C, H, W] inputs (torch.nn.BatchNorm2d).</summary>
public sealed class BatchNorm2d : BatchNorm
{
    public BatchNorm2d(long num_features, double eps = 1e-5, double? momentum = 0.1, bool affine = true,
                       bool track_running_stats = true, Device? device = null, ScalarType? dtype = null)
        : base(num_features, eps, momentum, affine, track_running_stats, device, dtype) { }

    protected override void check_input_dim(Tensor input)
    {
        if (input.dim() != 4)
            throw new ArgumentException($"BatchNorm2d: expected 4D input (got {input.dim()}D input {input.Describe()}).");
    }
}
