using System.Runtime.InteropServices;

namespace MedSsl.Torch.Native;

/// <summary>Owns one native at::Tensor*. Freed once, by Dispose or (as a last resort) the finalizer;
/// SafeHandle's ref-counting keeps it alive while any native call is using it.</summary>
public sealed class TensorHandle : SafeHandle
{
    static long live;

    public TensorHandle() : base(IntPtr.Zero, ownsHandle: true) { }

    /// <summary>Passed where the native side takes an optional tensor (null there).</summary>
    internal static readonly TensorHandle Null = new();

    /// <summary>Native tensors currently alive (created and not yet freed).</summary>
    public static long LiveCount => Interlocked.Read(ref live);

    internal void OnWrapped() => Interlocked.Increment(ref live);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        LibNative.mt_free(handle);
        Interlocked.Decrement(ref live);
        return true;
    }
}

/// <summary>Owns one native at::Generator* (an explicit random stream).</summary>
public sealed class GeneratorHandle : SafeHandle
{
    public GeneratorHandle() : base(IntPtr.Zero, ownsHandle: true) { }
    internal static readonly GeneratorHandle Null = new();
    public override bool IsInvalid => handle == IntPtr.Zero;
    protected override bool ReleaseHandle()
    {
        LibNative.mt_generator_free(handle);
        return true;
    }
}
