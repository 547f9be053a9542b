using MedSsl.Torch.Native;

namespace MedSsl.Torch;

/// <summary>One-time process set-up of libtorch: thread counts.</summary>
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
    }

    static int? ThreadsFromEnvironment()
    {
        foreach (var name in new[] { "MEDSSL_NUM_THREADS", "OMP_NUM_THREADS" })
            if (int.TryParse(Environment.GetEnvironmentVariable(name), out var n) && n > 0) return n;
        return null;
    }
}
