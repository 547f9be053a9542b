using MedSsl.Kernel.Engine;

namespace MedSsl.Kernel.Tests.Engine;

/// <summary>One warmed-up session shared by the engine tests (Roslyn's first compile costs seconds).
/// Sessions swap Console.Out and the notebook host process-wide, so these tests never run in parallel.</summary>
public sealed class SessionFixture
{
    public ScriptSession Session { get; } = new(AppContext.BaseDirectory);

    public SessionFixture() => Session.WarmUp();

    int cells;

    /// <summary>Runs code as the next cell and returns its outcome and outputs.</summary>
    internal (CellOutcome Outcome, RecordingSink Sink) Run(string code)
    {
        var sink = new RecordingSink();
        return (Session.Execute(code, sink, $"[{++cells}]"), sink);
    }
}

[CollectionDefinition("ScriptSession", DisableParallelization = true)]
public sealed class ScriptSessionCollection : ICollectionFixture<SessionFixture>;
