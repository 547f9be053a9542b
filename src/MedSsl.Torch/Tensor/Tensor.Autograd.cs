using MedSsl.Torch.Native;

namespace MedSsl.Torch;

// backward, detach and gradient bookkeeping.
public partial class Tensor
{
    /// <summary>Computes gradients of this tensor w.r.t. graph leaves. gradient is needed for non-scalars.</summary>
    public void backward(Tensor? gradient = null, bool? retain_graph = null, bool create_graph = false)
    {
        var retain = retain_graph is null ? -1 : retain_graph.Value ? 1 : 0;
        Check(LibNative.mt_backward(Handle, gradient?.Handle ?? TensorHandle.Null, retain, create_graph ? 1 : 0),
              this, gradient);
    }

    /// <summary>Keeps .grad on a non-leaf tensor after backward.</summary>
    public Tensor retain_grad()
    {
        Check(LibNative.mt_retain_grad(Handle), this);
        return this;
    }

    /// <summary>A new tensor sharing storage, cut from the graph.</summary>
    public Tensor detach() => Wrap(LibNative.mt_detach(Handle), this);

    public Tensor detach_()
    {
        Check(LibNative.mt_detach_(Handle), this);
        return this;
    }

    /// <summary>Clears .grad: set to none (default, as PyTorch 2) or zero it in place.</summary>
    public void zero_grad(bool set_to_none = true) =>
        Check(LibNative.mt_zero_grad(Handle, set_to_none ? 1 : 0), this);
}
