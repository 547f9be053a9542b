using MedSsl.Torch.Native;

namespace MedSsl.Torch;

// Shape, dtype, device and autograd properties.
public partial class Tensor
{
    public unsafe long[] shape
    {
        get
        {
            var n = LibNative.mt_dim(Handle);
            var s = new long[n];
            fixed (long* p = s) LibNative.mt_sizes(Handle, p, n);
            return s;
        }
    }

    public unsafe long[] stride()
    {
        var n = LibNative.mt_dim(Handle);
        var s = new long[n];
        fixed (long* p = s) LibNative.mt_strides(Handle, p, n);
        return s;
    }

    /// <summary>Size of one dimension; negative dims count from the end.</summary>
    public long size(int dim)
    {
        var s = shape;
        var d = dim < 0 ? dim + s.Length : dim;
        if (d < 0 || d >= s.Length)
            throw new ArgumentOutOfRangeException(nameof(dim), $"dim {dim} is out of range for a tensor of shape [{string.Join(", ", s)}].");
        return s[d];
    }

    public long[] size() => shape;
    public int dim() => LibNative.mt_dim(Handle);
    public int ndim => dim();
    public long numel() => LibNative.mt_numel(Handle);
    public ScalarType dtype => (ScalarType)LibNative.mt_dtype(Handle);
    public Device device => new((DeviceType)LibNative.mt_device_type(Handle), LibNative.mt_device_index(Handle));
    public bool is_cuda => device.type == DeviceType.CUDA;
    public bool is_floating_point() => dtype.IsFloatingPoint();
    public int element_size() => dtype.ElementSize();

    public bool is_contiguous(MemoryFormat format = MemoryFormat.Contiguous) =>
        LibNative.mt_is_contiguous(Handle, (int)format) != 0;

    public bool requires_grad
    {
        get => LibNative.mt_requires_grad(Handle) != 0;
        set => Check(LibNative.mt_set_requires_grad(Handle, value ? 1 : 0), this);
    }

    /// <summary>Sets requires_grad in place and returns this tensor (PyTorch's requires_grad_()).</summary>
    public Tensor requires_grad_(bool value = true)
    {
        requires_grad = value;
        return this;
    }

    public bool is_leaf => LibNative.mt_is_leaf(Handle) != 0;

    /// <summary>True when the tensor was produced by a differentiable op.</summary>
    public bool has_grad_fn => LibNative.mt_has_grad_fn(Handle) != 0;

    /// <summary>The accumulated gradient, a new handle each read (null when there is none).</summary>
    public Tensor? grad
    {
        get
        {
            Check(LibNative.mt_grad(Handle, out var g), this);
            return g == IntPtr.Zero ? null : Adopt(g);
        }
        set => Check(LibNative.mt_set_grad(Handle, value?.Handle ?? TensorHandle.Null), this, value);
    }
}
