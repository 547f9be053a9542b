using System.Text.Json.Nodes;

namespace MedSsl.Training;

/// <summary>How the <see cref="Trainer"/> runs: length, clipping, checkpoints, logging.</summary>
public sealed record TrainerOptions
{
    /// <summary>Optimizer steps in the whole run (a resumed run continues up to this).</summary>
    public int steps { get; init; } = 100;

    /// <summary>Clip the global gradient norm to this (PyTorch's clip_grad_norm_); null: no clipping.</summary>
    public double? clip_grad_norm { get; init; }

    /// <summary>Run folder: checkpoints go to {dir}/checkpoints; null: no checkpoints.</summary>
    public string? checkpoint_dir { get; init; }

    /// <summary>Save every this many steps (and at the end); 0: only at the end.</summary>
    public int checkpoint_every { get; init; }

    /// <summary>Checkpoints kept on disk (the newest).</summary>
    public int keep_checkpoints { get; init; } = 2;

    /// <summary>Continue from the newest checkpoint in <see cref="checkpoint_dir"/>, if there is one.</summary>
    public bool resume { get; init; }

    /// <summary>Raise <see cref="Trainer.StepCompleted"/> every this many steps (and at the end).</summary>
    public int log_every { get; init; } = 10;

    /// <summary>Written into every checkpoint (the run's settings, for the record).</summary>
    public JsonObject? config { get; init; }

    /// <summary>Throws a clear ArgumentException for an inconsistent setting.</summary>
    public void Validate()
    {
        if (steps < 1) throw new ArgumentException($"TrainerOptions.steps must be at least 1, got {steps}.");
        if (clip_grad_norm is <= 0) throw new ArgumentException($"TrainerOptions.clip_grad_norm must be positive, got {clip_grad_norm}.");
        if (checkpoint_every < 0 || keep_checkpoints < 1 || log_every < 1)
            throw new ArgumentException($"TrainerOptions: checkpoint_every ({checkpoint_every}) ≥ 0, keep_checkpoints ({keep_checkpoints}) ≥ 1 and log_every ({log_every}) ≥ 1.");
        if (resume && checkpoint_dir is null) throw new ArgumentException("TrainerOptions.resume needs a checkpoint_dir.");
    }
}
