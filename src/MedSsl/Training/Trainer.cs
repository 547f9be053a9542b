using System.Diagnostics;
using MedSsl.Methods;
using MedSsl.Torch;
using MedSsl.Torch.Optim;
using MedSsl.Training.Checkpoints;

namespace MedSsl.Training;

/// <summary>How a run ended.</summary>
public sealed record TrainResult(int steps_done, int start_step, bool cancelled, double last_loss, double probe_accuracy,
                                 string? checkpoint, double seconds);

/// <summary>
/// The one training loop every method shares (SimCLR, MICLe, supervised fine-tuning). Per step: one dispose
/// scope; lr from the schedule; the method's loss; a NaN/Inf check of the loss and of the gradient norm (stops
/// with <see cref="TrainingDivergedException"/>, saving nothing more); optional gradient clipping; the
/// optimizer step; the online probe on the detached features. Checkpoints every k steps, and resume from the
/// newest one continues at its exact step (<see cref="ImageBatches"/> rebuilds any step's batch). The
/// cancellation token is checked between steps; a cancelled run saves a checkpoint and returns.
/// <code>
/// var trainer = new Trainer(method, optimizer, schedule.lr, new TrainerOptions { steps = 300 });
/// trainer.StepCompleted += e => Console.WriteLine(e);
/// trainer.fit(new ImageBatches(data, method.sampler(data.case_of_row, 128), Presets.Dermatology(28), seed: 0));
/// </code>
/// </summary>
public sealed class Trainer
{
    internal const string ModelPrefix = "model.", ProbePrefix = "probe.", OptimPrefix = "optim.", RngKey = "rng.global";
    readonly TrainingMethod method;
    readonly Optimizer optimizer;
    readonly Func<int, double> lr_at;
    readonly TrainerOptions options;
    readonly CheckpointStore? store;

    /// <param name="lr_at">The learning rate of each 0-based step (e.g. <c>WarmupCosineSchedule.lr</c>).</param>
    /// <param name="probe">An online linear probe (pretraining), trained on the batches' labels where they are known.</param>
    public Trainer(TrainingMethod method, Optimizer optimizer, Func<int, double> lr_at, TrainerOptions options, OnlineLinearProbe? probe = null)
    {
        options.Validate();
        (this.method, this.optimizer, this.lr_at, this.options, this.probe) = (method, optimizer, lr_at, options, probe);
        if (options.checkpoint_dir is not null) store = new CheckpointStore(options.checkpoint_dir, options.keep_checkpoints);
    }

    public OnlineLinearProbe? probe { get; }

    /// <summary>Raised every <see cref="TrainerOptions.log_every"/> steps and after the last.</summary>
    public event Action<StepEvent>? StepCompleted;

    /// <summary>Where checkpoints go (null without a checkpoint_dir).</summary>
    public CheckpointStore? checkpoints => store;

    public TrainResult fit(ImageBatches data, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var hash = data.Data.content_hash();
        int start = options.resume ? Restore(hash) : 0, step = start;
        string? lastSaved = null;
        double loss = double.NaN, lr = 0;
        var sinceLog = Stopwatch.StartNew();
        long imagesSinceLog = 0;
        method.train();
        while (step < options.steps)
        {
            if (cancellation.IsCancellationRequested)
            {
                if (step > start) lastSaved = Save(step, data, loss, lr, hash);
                return new TrainResult(step, start, true, loss, probe?.accuracy ?? double.NaN, lastSaved, clock.Elapsed.TotalSeconds);
            }
            lr = lr_at(step);
            if (!double.IsFinite(lr)) throw new TrainingDivergedException("learning rate", step + 1, lr, lastSaved ?? store?.Latest()?.path);
            using (var scope = torch.NewDisposeScope())
            {
                using var batch = data.Get(step);
                foreach (var g in optimizer.param_groups) g.lr = lr;
                optimizer.zero_grad();
                var output = method.training_step(batch);
                loss = output.loss.item<float>();
                if (!double.IsFinite(loss)) throw new TrainingDivergedException("loss", step + 1, loss, lastSaved ?? store?.Latest()?.path);
                output.loss.backward();
                var norm = torch.nn.utils.clip_grad_norm_(method.parameters(), options.clip_grad_norm ?? double.PositiveInfinity).item<float>();
                if (!double.IsFinite(norm)) throw new TrainingDivergedException("gradient norm", step + 1, norm, lastSaved ?? store?.Latest()?.path);
                optimizer.step();
                if (probe is not null && batch.labels is { } labels && labels.dtype == ScalarType.Int64) probe.step(output.features, labels);
                imagesSinceLog += batch.Count * batch.views.Length;
            }
            step++;
            string? saved = null;
            if (store is not null && (step == options.steps || (options.checkpoint_every > 0 && step % options.checkpoint_every == 0)))
                lastSaved = saved = Save(step, data, loss, lr, hash);
            if (step % options.log_every == 0 || step == options.steps)
            {
                var rate = imagesSinceLog / Math.Max(sinceLog.Elapsed.TotalSeconds, 1e-9);
                StepCompleted?.Invoke(new StepEvent(method.name, step, options.steps, (int)((step - 1) / data.batches_per_epoch),
                                                    loss, lr, probe?.accuracy ?? double.NaN, rate, saved));
                sinceLog.Restart();
                imagesSinceLog = 0;
            }
        }
        return new TrainResult(step, start, false, loss, probe?.accuracy ?? double.NaN, lastSaved, clock.Elapsed.TotalSeconds);
    }

    string Save(int step, ImageBatches data, double loss, double lr, string hash)
    {
        using var scope = torch.NewDisposeScope();
        // Never write a poisoned checkpoint: the last one on disk must stay the last good one.
        foreach (var (name, p) in method.named_parameters())
            if (!p.isfinite().all().item<bool>())
                throw new TrainingDivergedException($"parameter {name} (non-finite values)", step, double.NaN, store!.Latest()?.path);
        var tensors = new Dictionary<string, Tensor>();
        foreach (var (k, v) in method.state_dict()) tensors[ModelPrefix + k] = v;
        using var main = optimizer.state_dict();
        foreach (var (k, v) in main.tensors) tensors[$"{OptimPrefix}main.{k}"] = v;
        var scalars = new Dictionary<string, System.Text.Json.Nodes.JsonObject> { ["main"] = (System.Text.Json.Nodes.JsonObject)main.scalars.DeepClone() };
        OptimizerStateDict? probeState = null;
        if (probe is not null)
        {
            foreach (var (k, v) in probe.state_dict()) tensors[ProbePrefix + k] = v;
            probeState = probe.optimizer.state_dict();
            foreach (var (k, v) in probeState.tensors) tensors[$"{OptimPrefix}probe.{k}"] = v;
            scalars["probe"] = (System.Text.Json.Nodes.JsonObject)probeState.scalars.DeepClone();
        }
        tensors[RngKey] = torch.get_rng_state();
        try
        {
            var state = new TrainingState
            {
                method = method.name, step = step, epoch = (int)((step - 1) / data.batches_per_epoch), total_steps = options.steps,
                encoder = method.spec, loss = loss, lr = lr, data_hash = hash, optimizers = scalars, config = options.config?.DeepClone().AsObject(),
            };
            return store!.Save(state, tensors);
        }
        finally { probeState?.Dispose(); }
    }

    /// <summary>Loads the newest checkpoint, if any, and returns the step to continue from.</summary>
    int Restore(string hash)
    {
        if (store!.Latest() is not { } ck) return 0;
        if (ck.state.method != method.name)
            throw new InvalidOperationException($"{ck.path} is a {ck.state.method} run; this run trains {method.name}. Use another --out, or drop --resume.");
        if (ck.state.data_hash != hash)
            throw new InvalidOperationException($"{ck.path} was trained on other data ({ck.state.data_hash}, now {hash}); resuming would not continue the same run.");
        using var scope = torch.NewDisposeScope();
        var tensors = ck.load_tensors();
        Dictionary<string, Tensor> With(string prefix) =>
            tensors.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(kv => kv.Key[prefix.Length..], kv => kv.Value);
        method.load_state_dict(With(ModelPrefix), strict: true);
        optimizer.load_state_dict(new OptimizerStateDict(With(OptimPrefix + "main."), ck.state.optimizers["main"]));
        if (probe is not null && ck.state.optimizers.TryGetValue("probe", out var probeScalars))
        {
            probe.load_state_dict(With(ProbePrefix), strict: true);
            probe.optimizer.load_state_dict(new OptimizerStateDict(With(OptimPrefix + "probe."), probeScalars));
        }
        if (tensors.TryGetValue(RngKey, out var rng)) torch.set_rng_state(rng);
        return ck.state.step;
    }
}
