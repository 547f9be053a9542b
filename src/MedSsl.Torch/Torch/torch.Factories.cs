using MedSsl.Torch.Native;

namespace MedSsl.Torch;

// Tensor creation: zeros/ones/full/arange/linspace/eye, random, and from managed data.
public static unsafe partial class torch
{
    delegate TensorHandle ShapeFactory(long* shape, int ndim, int dtype, int devType, int devIndex, int requiresGrad);

    static Tensor Create(ShapeFactory f, long[] size, ScalarType? dtype, Device? device, bool requires_grad, string op)
    {
        var dev = device ?? CPU;
        fixed (long* p = size)
            return Tensor.Wrap(f(p, size.Length, (int)(dtype ?? default_dtype), (int)dev.type, dev.index, requires_grad ? 1 : 0), op: op);
    }

    public static Tensor empty(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Create(LibNative.mt_empty, size, dtype, device, requires_grad, nameof(empty));
    public static Tensor empty(params long[] size) => empty(size, null);

    public static Tensor zeros(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Create(LibNative.mt_zeros, size, dtype, device, requires_grad, nameof(zeros));
    public static Tensor zeros(params long[] size) => zeros(size, null);

    public static Tensor ones(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) =>
        Create(LibNative.mt_ones, size, dtype, device, requires_grad, nameof(ones));
    public static Tensor ones(params long[] size) => ones(size, null);

    public static Tensor full(long[] size, double value, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var dev = device ?? CPU;
        fixed (long* p = size)
            return Tensor.Wrap(LibNative.mt_full(p, size.Length, value, (int)(dtype ?? default_dtype), (int)dev.type, dev.index, requires_grad ? 1 : 0));
    }

    /// <summary>Values in [start, end) with step; integer arguments give int64 as in PyTorch.</summary>
    public static Tensor arange(double start, double end, double step = 1, ScalarType? dtype = null, Device? device = null, bool requires_grad = false)
    {
        var dev = device ?? CPU;
        var integral = start == Math.Floor(start) && end == Math.Floor(end) && step == Math.Floor(step);
        var dt = dtype ?? (integral ? ScalarType.Int64 : default_dtype);
        return Tensor.Wrap(LibNative.mt_arange(start, end, step, (int)dt, (int)dev.type, dev.index, requires_grad ? 1 : 0));
    }
    public static Tensor arange(double end, ScalarType? dtype = null, Device? device = null) => arange(0, end, 1, dtype, device);

    public static Tensor linspace(double start, double end, long steps, ScalarType? dtype = null, Device? device = null)
    {
        var dev = device ?? CPU;
        return Tensor.Wrap(LibNative.mt_linspace(start, end, steps, (int)(dtype ?? default_dtype), (int)dev.type, dev.index, 0));
    }

    public static Tensor eye(long n, long? m = null, ScalarType? dtype = null, Device? device = null)
    {
        var dev = device ?? CPU;
        return Tensor.Wrap(LibNative.mt_eye(n, m ?? n, (int)(dtype ?? default_dtype), (int)dev.type, dev.index, 0));
    }

    public static Tensor zeros_like(Tensor t) => t.zeros_like();
    public static Tensor ones_like(Tensor t) => t.ones_like();
    public static Tensor empty_like(Tensor t) => t.empty_like();
    public static Tensor full_like(Tensor t, double value) => Tensor.Wrap(LibNative.mt_full_like(t.Handle, value), t);
    public static Tensor randn_like(Tensor t) => Tensor.Wrap(LibNative.mt_randn_like(t.Handle), t);
    public static Tensor rand_like(Tensor t) => Tensor.Wrap(LibNative.mt_rand_like(t.Handle), t);

    // ---- from managed data ----

    /// <summary>A tensor holding a copy of values, reshaped to shape (default: 1-D).</summary>
    public static Tensor tensor<T>(T[] values, long[]? shape = null, ScalarType? dtype = null, Device? device = null,
                                   bool requires_grad = false) where T : unmanaged =>
        from_span<T>(values, shape, dtype, device, requires_grad);

    public static Tensor tensor<T>(T[] values, params long[] shape) where T : unmanaged => from_span<T>(values, shape);

    /// <summary>A 0-d tensor.</summary>
    public static Tensor tensor(double value, ScalarType? dtype = null, Device? device = null) =>
        tensor(new[] { value }, Array.Empty<long>(), dtype ?? default_dtype, device);

    public static Tensor tensor(float[,] values) => from_span<float>(Flatten<float>(values), new long[] { values.GetLength(0), values.GetLength(1) });
    public static Tensor tensor(double[,] values) => from_span<double>(Flatten<double>(values), new long[] { values.GetLength(0), values.GetLength(1) });
    public static Tensor tensor(long[,] values) => from_span<long>(Flatten<long>(values), new long[] { values.GetLength(0), values.GetLength(1) });
    public static Tensor tensor(int[,] values) => from_span<int>(Flatten<int>(values), new long[] { values.GetLength(0), values.GetLength(1) });

    /// <summary>A tensor holding a copy of a span; optional dtype/device conversion after the copy.</summary>
    public static Tensor from_span<T>(ReadOnlySpan<T> values, long[]? shape = null, ScalarType? dtype = null,
                                      Device? device = null, bool requires_grad = false) where T : unmanaged
    {
        var t = Tensor.FromSpan(values, shape ?? new long[] { values.Length });
        if ((dtype is not null && dtype != ScalarTypes.Of<T>()) || (device is not null && device.type != DeviceType.CPU))
        {
            var converted = t.to(dtype, device);
            t.Dispose();
            t = converted;
        }
        if (requires_grad) t.requires_grad = true;
        return t;
    }

    static T[] Flatten<T>(Array a) where T : unmanaged
    {
        var flat = new T[a.Length];
        Buffer.BlockCopy(a, 0, flat, 0, System.Runtime.InteropServices.Marshal.SizeOf<T>() * a.Length);
        return flat;
    }
}
