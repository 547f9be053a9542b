using MedSsl.Torch.Native;

namespace MedSsl.Torch;

/// <summary>An explicit random stream (torch.Generator), so a data pipeline can be reproduced
/// independently of the global seed.</summary>
public sealed class Generator : IDisposable
{
    internal GeneratorHandle Handle { get; }

    public Generator(ulong seed = 67280421310721UL)
    {
        Handle = LibNative.mt_generator_new(seed);
        if (Handle.IsInvalid) throw new TorchException("Generator", LibNative.LastError());
    }

    public Generator manual_seed(ulong seed)
    {
        Tensor.Check(LibNative.mt_generator_seed(Handle, seed));
        return this;
    }

    public ulong initial_seed() => LibNative.mt_generator_initial_seed(Handle);

    /// <summary>The full state as a uint8 tensor (for checkpoints).</summary>
    public Tensor get_state() => Tensor.Wrap(LibNative.mt_generator_get_state(Handle));

    public void set_state(Tensor state) => Tensor.Check(LibNative.mt_generator_set_state(Handle, state.Handle), state);

    public void Dispose() => Handle.Dispose();
}
