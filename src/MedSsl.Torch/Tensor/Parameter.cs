using MedSsl.Torch.Native;

namespace MedSsl.Torch;

/// <summary>
/// A tensor that is a module's learnable weight (torch.nn.Parameter). It belongs to no dispose scope:
/// its module (or the caller) owns it.
/// </summary>
public sealed class Parameter : Tensor
{
    /// <summary>Wraps a detached alias of data as a leaf that requires grad.</summary>
    public Parameter(Tensor data, bool requires_grad = true) : base(DetachedHandle(data))
    {
        DetachFromDisposeScope();
        this.requires_grad = requires_grad;
    }

    static TensorHandle DetachedHandle(Tensor data)
    {
        var h = LibNative.mt_detach(data.Handle);
        if (h.IsInvalid) throw TorchException.FromNative("Parameter", data);
        return h;
    }
}
