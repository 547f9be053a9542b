using MedSsl.Torch.Native;

namespace MedSsl.Torch;

// dtype, device and memory-layout conversions.
public partial class Tensor
{
    /// <summary>Converts dtype and/or device. Returns a new handle even when nothing changes (alias protocol).</summary>
    public Tensor to(ScalarType? dtype = null, Device? device = null, bool non_blocking = false, bool copy = false)
    {
        var dev = device ?? this.device;
        return Wrap(LibNative.mt_to(Handle, (int)(dtype ?? this.dtype), (int)dev.type, dev.index,
                                    non_blocking ? 1 : 0, copy ? 1 : 0), this);
    }

    public Tensor to(ScalarType dtype) => to(dtype, null);
    public Tensor to(Device device) => to(null, device);
    public Tensor to(string device) => to(null, Device.Parse(device));
    public Tensor to(MemoryFormat memory_format) => Wrap(LibNative.mt_to_memory_format(Handle, (int)memory_format), this);

    public Tensor cpu() => to(torch.CPU);
    public Tensor cuda(int index = 0) => to(new Device(DeviceType.CUDA, index));
    public Tensor @float() => to(ScalarType.Float32);
    public Tensor @double() => to(ScalarType.Float64);
    public Tensor half() => to(ScalarType.Float16);
    public Tensor bfloat16() => to(ScalarType.BFloat16);
    public Tensor @long() => to(ScalarType.Int64);
    public Tensor @int() => to(ScalarType.Int32);
    public Tensor @byte() => to(ScalarType.Byte);
    public Tensor @bool() => to(ScalarType.Bool);

    public Tensor contiguous(MemoryFormat memory_format = MemoryFormat.Contiguous) =>
        Wrap(LibNative.mt_contiguous(Handle, (int)memory_format), this);

    /// <summary>Page-locked copy for fast asynchronous host-to-GPU transfers (needs CUDA).</summary>
    public Tensor pin_memory() => Wrap(LibNative.mt_pin_memory(Handle), this);
    public Tensor clone() => Wrap(LibNative.mt_clone(Handle), this);

    /// <summary>A new handle to the same tensor (return this instead of an input from a function).</summary>
    public Tensor alias() => Wrap(LibNative.mt_alias(Handle), this);

    /// <summary>Copies src into this tensor (broadcasting, converting dtype/device).</summary>
    public Tensor copy_(Tensor src, bool non_blocking = false)
    {
        Check(LibNative.mt_copy_(Handle, src.Handle, non_blocking ? 1 : 0), this, src);
        return this;
    }

    public Tensor zeros_like() => Wrap(LibNative.mt_zeros_like(Handle), this);
    public Tensor ones_like() => Wrap(LibNative.mt_ones_like(Handle), this);
    public Tensor empty_like() => Wrap(LibNative.mt_empty_like(Handle), this);

    public Tensor uniform_(double from = 0, double to = 1, Generator? generator = null)
    {
        Check(LibNative.mt_uniform_(Handle, from, to, generator?.Handle ?? GeneratorHandle.Null), this);
        return this;
    }

    public Tensor normal_(double mean = 0, double std = 1, Generator? generator = null)
    {
        Check(LibNative.mt_normal_(Handle, mean, std, generator?.Handle ?? GeneratorHandle.Null), this);
        return this;
    }

    public Tensor bernoulli_(double p = 0.5, Generator? generator = null)
    {
        Check(LibNative.mt_bernoulli_(Handle, p, generator?.Handle ?? GeneratorHandle.Null), this);
        return this;
    }
}
