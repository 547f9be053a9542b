using MedSsl.Torch.Native;

namespace MedSsl.Torch;

/// <summary>One-time process set-up of libtorch: thread counts and the C allocator.</summary>
internal static class Runtime
{
    static int done;

    /// <summary>libtorch starts with 1 thread on these machines (engine-notes.md): use every core unless
    /// MEDSSL_NUM_THREADS or OMP_NUM_THREADS says otherwise.</summary>
    internal static void EnsureInitialised()
    {
        if (Interlocked.Exchange(ref done, 1) == 1) return;
        var threads = ThreadsFromEnvironment() ?? Environment.ProcessorCount;
        LibNative.mt_set_num_threads(Math.Max(1, threads));
        if (Environment.GetEnvironmentVariable("MEDSSL_MALLOC_TUNING") != "0")
            LibNative.mt_tune_allocator(MmapThreshold, TrimThreshold);
    }

    // Blocks below 512 MiB come from the heap and up to 1 GiB of free heap is kept for reuse: a training
    // step re-allocates the same activation sizes every step (see runtime.cpp). MEDSSL_MALLOC_TUNING=0 opts out.
    const long MmapThreshold = 512L << 20, TrimThreshold = 1L << 30;

    static int? ThreadsFromEnvironment()
    {
        foreach (var name in new[] { "MEDSSL_NUM_THREADS", "OMP_NUM_THREADS" })
            if (int.TryParse(Environment.GetEnvironmentVariable(name), out var n) && n > 0) return n;
        return null;
    }
}
