using MedSsl.Torch;

namespace MedSsl.Training.Checkpoints;

/// <summary>One saved checkpoint: a folder step-NNNNNNNN holding weights.safetensors and state.json.</summary>
public sealed record Checkpoint(string path, TrainingState state)
{
    public string weights_path => Path.Combine(path, CheckpointStore.WeightsFile);

    /// <summary>Every tensor of the checkpoint (the caller owns them).</summary>
    public Dictionary<string, Tensor> load_tensors() => safetensors.load_file(weights_path);

    public override string ToString() => $"{path} ({state.method}, step {state.step}/{state.total_steps})";
}

/// <summary>
/// Checkpoints of a run under {run}/checkpoints. A save writes both files into a hidden temporary folder and
/// then renames it to step-NNNNNNNN (one rename(2) on one file system): a checkpoint folder either holds both
/// files complete or does not exist, so a crash or a failure mid-write leaves the previous one loadable.
/// Leftover temporary folders are ignored and swept at the next save; only the newest few are kept.
/// </summary>
public sealed class CheckpointStore
{
    public const string WeightsFile = "weights.safetensors", StateFile = "state.json";
    const string Prefix = "step-", TempPrefix = ".tmp-";

    public CheckpointStore(string run_dir, int keep = 2)
    {
        folder = Path.Combine(run_dir, "checkpoints");
        this.keep = keep;
    }

    readonly string folder;
    readonly int keep;

    /// <summary>Fault-injection seam (tests): runs between writing the files and the rename that commits them.</summary>
    public Action<string>? before_commit { get; set; }

    public string Folder => folder;

    /// <summary>Writes a checkpoint atomically and returns its folder.</summary>
    public string Save(TrainingState state, IReadOnlyDictionary<string, Tensor> tensors)
    {
        Directory.CreateDirectory(folder);
        foreach (var stale in Directory.GetDirectories(folder, TempPrefix + "*")) TryDelete(stale);
        var name = $"{Prefix}{state.step:D8}";
        var final = Path.Combine(folder, name);
        var temp = Path.Combine(folder, $"{TempPrefix}{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        try
        {
            safetensors.save_file(tensors, Path.Combine(temp, WeightsFile), new Dictionary<string, string> { ["format"] = TrainingState.Format });
            File.WriteAllText(Path.Combine(temp, StateFile), state.ToJson());
            before_commit?.Invoke(temp);
            if (Directory.Exists(final)) Directory.Delete(final, recursive: true);  // the same step saved again
            Directory.Move(temp, final);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
        foreach (var old in Complete().SkipLast(keep)) TryDelete(old);
        return final;
    }

    /// <summary>The newest complete checkpoint, or null when there is none.</summary>
    public Checkpoint? Latest() => Complete().LastOrDefault() is { } dir ? Open(dir) : null;

    /// <summary>A checkpoint folder (step-NNNNNNNN), or a run folder or its checkpoints folder (→ the newest in it).</summary>
    public static Checkpoint Open(string path)
    {
        if (File.Exists(Path.Combine(path, StateFile)))
        {
            var statePath = Path.Combine(path, StateFile);
            if (!File.Exists(Path.Combine(path, WeightsFile)))
                throw new InvalidDataException($"{path}: has {StateFile} but no {WeightsFile}.");
            return new Checkpoint(path, TrainingState.Parse(File.ReadAllText(statePath), statePath));
        }
        var full = Path.GetFullPath(path);
        var run = Path.GetFileName(full) == "checkpoints" ? Path.GetDirectoryName(full)! : full;
        if (new CheckpointStore(run).Latest() is { } latest) return latest;
        throw new FileNotFoundException($"No checkpoint at {path}: expected a folder with {StateFile} and {WeightsFile}, " +
                                        "or a run folder holding checkpoints/step-NNNNNNNN.", path);
    }

    /// <summary>Complete checkpoint folders, oldest first.</summary>
    IEnumerable<string> Complete() =>
        !Directory.Exists(folder) ? Array.Empty<string>()
            : Directory.GetDirectories(folder, Prefix + "*")
                .Where(d => File.Exists(Path.Combine(d, StateFile)) && File.Exists(Path.Combine(d, WeightsFile)))
                .OrderBy(d => Path.GetFileName(d), StringComparer.Ordinal);

    static void TryDelete(string dir)
    {
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
