using MedSsl.Torch;

namespace MedSsl.Training;

/// <summary>
/// Deterministic runs: the global seed fixes initialisation (call before building the model); data order and
/// augmentations are already fixed by (seed, step) in <see cref="ImageBatches"/>. One intra-op thread removes
/// the last source of run-to-run difference on a CPU (the order of parallel float reductions).
/// </summary>
public static class Determinism
{
    public static void Apply(long seed, bool single_thread = false)
    {
        torch.manual_seed(seed);
        if (single_thread) torch.set_num_threads(1);
    }
}
