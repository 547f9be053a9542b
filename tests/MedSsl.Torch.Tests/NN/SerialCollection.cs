namespace MedSsl.Torch.Tests.NN;

/// <summary>Tests that read process-wide state (the global random generator, the live-tensor count) run
/// alone, after the parallel ones, so other tests cannot draw numbers or create tensors in between.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "NN serial";
}
