using MedSsl.Torch.Native;

namespace MedSsl.Torch;

// Moving elements between tensors and managed memory.
public partial class Tensor
{
    /// <summary>A copy of all elements in row-major order (from any device and layout).</summary>
    public unsafe T[] data<T>() where T : unmanaged
    {
        CheckElementType<T>();
        var result = new T[numel()];
        fixed (T* p = result)
            Check(LibNative.mt_copy_to(Handle, p, (long)result.Length * sizeof(T)), this);
        return result;
    }

    /// <summary>Copies all elements into dst (row-major); dst must hold exactly numel() elements.</summary>
    public unsafe void CopyTo<T>(Span<T> dst) where T : unmanaged
    {
        CheckElementType<T>();
        fixed (T* p = dst)
            Check(LibNative.mt_copy_to(Handle, p, (long)dst.Length * sizeof(T)), this);
    }

    /// <summary>The raw bytes of all elements in row-major order.</summary>
    public unsafe byte[] bytes()
    {
        var result = new byte[numel() * element_size()];
        fixed (byte* p = result)
            Check(LibNative.mt_copy_to(Handle, p, result.Length), this);
        return result;
    }

    /// <summary>The value of a one-element tensor.</summary>
    public T item<T>() where T : unmanaged
    {
        if (typeof(T) == typeof(long) || typeof(T) == typeof(int) || typeof(T) == typeof(bool) || typeof(T) == typeof(byte))
        {
            var v = LibNative.mt_item_long(Handle, out var ok);
            if (ok == 0) throw TorchException.FromNative("item", this);
            return (T)Convert.ChangeType(v, typeof(T));
        }
        var d = LibNative.mt_item_double(Handle, out var ok2);
        if (ok2 == 0) throw TorchException.FromNative("item", this);
        if (typeof(T) == typeof(Half)) return (T)(object)(Half)d;
        return (T)Convert.ChangeType(d, typeof(T));
    }

    /// <summary>A zero-copy view of a contiguous CPU tensor's elements; valid while the tensor lives.</summary>
    public unsafe Span<T> AsSpan<T>() where T : unmanaged
    {
        CheckElementType<T>();
        var p = LibNative.mt_data_ptr(Handle);
        if (p == IntPtr.Zero) throw TorchException.FromNative("AsSpan", this);
        return new Span<T>((void*)p, checked((int)numel()));
    }

    void CheckElementType<T>() where T : unmanaged
    {
        var want = ScalarTypes.Of<T>();
        if (want != dtype)
            throw new ArgumentException($"Cannot read a {dtype.Name()} tensor as {typeof(T).Name}; convert it first with .to({want.Name()}).");
    }

    /// <summary>A new CPU tensor holding a copy of the span's elements, with the given shape.</summary>
    internal static unsafe Tensor FromSpan<T>(ReadOnlySpan<T> values, long[] shape) where T : unmanaged =>
        FromBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values), shape, ScalarTypes.Of<T>());

    /// <summary>A new CPU tensor from raw little-endian bytes (used by the file-format readers).</summary>
    public static unsafe Tensor FromBytes(ReadOnlySpan<byte> bytes, long[] shape, ScalarType dtype)
    {
        long n = 1;
        foreach (var s in shape)
        {
            if (s < 0) throw new ArgumentException($"Negative dimension in shape [{string.Join(", ", shape)}].");
            n *= s;
        }
        if (n * dtype.ElementSize() != bytes.Length)
            throw new ArgumentException(
                $"{bytes.Length} bytes do not fill shape [{string.Join(", ", shape)}] of {dtype.Name()} ({n * dtype.ElementSize()} bytes needed).");
        fixed (byte* p = bytes)
        fixed (long* s = shape)
            return Wrap(LibNative.mt_from_data(p, s, shape.Length, (int)dtype), op: "from_data");
    }
}
