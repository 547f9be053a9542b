using MedSsl.Torch.Native;

namespace MedSsl.Torch;

// Random tensors; every call takes an optional Generator for reproducible pipelines.
public static unsafe partial class torch
{
    public static Tensor randn(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null)
    {
        var dev = device ?? CPU;
        fixed (long* p = size)
            return Tensor.Wrap(LibNative.mt_randn(p, size.Length, generator?.Handle ?? GeneratorHandle.Null,
                (int)(dtype ?? default_dtype), (int)dev.type, dev.index, requires_grad ? 1 : 0));
    }
    public static Tensor randn(params long[] size) => randn(size, null);

    public static Tensor rand(long[] size, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, Generator? generator = null)
    {
        var dev = device ?? CPU;
        fixed (long* p = size)
            return Tensor.Wrap(LibNative.mt_rand(p, size.Length, generator?.Handle ?? GeneratorHandle.Null,
                (int)(dtype ?? default_dtype), (int)dev.type, dev.index, requires_grad ? 1 : 0));
    }
    public static Tensor rand(params long[] size) => rand(size, null);

    /// <summary>Integers in [low, high); int64 by default.</summary>
    public static Tensor randint(long low, long high, long[] size, ScalarType? dtype = null, Device? device = null, Generator? generator = null)
    {
        var dev = device ?? CPU;
        fixed (long* p = size)
            return Tensor.Wrap(LibNative.mt_randint(low, high, p, size.Length, generator?.Handle ?? GeneratorHandle.Null,
                (int)(dtype ?? ScalarType.Int64), (int)dev.type, dev.index, 0));
    }
    public static Tensor randint(long high, long[] size, ScalarType? dtype = null, Device? device = null, Generator? generator = null) =>
        randint(0, high, size, dtype, device, generator);

    public static Tensor randperm(long n, ScalarType? dtype = null, Device? device = null, Generator? generator = null)
    {
        var dev = device ?? CPU;
        return Tensor.Wrap(LibNative.mt_randperm(n, generator?.Handle ?? GeneratorHandle.Null,
            (int)(dtype ?? ScalarType.Int64), (int)dev.type, dev.index, 0));
    }

    public static Tensor multinomial(Tensor probs, long num_samples, bool replacement = false, Generator? generator = null) =>
        Tensor.Wrap(LibNative.mt_multinomial(probs.Handle, num_samples, replacement ? 1 : 0, generator?.Handle ?? GeneratorHandle.Null), probs);

    /// <summary>State of the global CPU generator (for checkpoints).</summary>
    public static Tensor get_rng_state() => Tensor.Wrap(LibNative.mt_default_generator_get_state());
    public static void set_rng_state(Tensor state) => Tensor.Check(LibNative.mt_default_generator_set_state(state.Handle), state);
}
