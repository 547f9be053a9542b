using MedSsl.Methods;
using MedSsl.Optim;
using MedSsl.Training;
using MedSsl.Training.Checkpoints;
using MedSsl.Transforms;

namespace MedSsl.Tests;

[CollectionDefinition("Training", DisableParallelization = true)]
public class TrainingCollection { }

[Collection("Training")]
public class CheckpointTests
{
    /// <summary>A deterministic SimCLR run of <paramref name="steps"/> steps (1 thread), optionally stopped by a hook.</summary>
    static Dictionary<string, float[]> Run(string dir, int steps, bool resume, Func<StepEvent, bool>? stopAfter = null)
    {
        using var data = TinyData.Create();
        Determinism.Apply(7, single_thread: true);
        using var method = new SimClr(TinyData.Encoder);
        using var probe = new OnlineLinearProbe(method.encoder.num_features, data.num_classes);
        using var lars = new Lars(method.named_parameters(), 0.5);
        var schedule = new WarmupCosineSchedule(0.5, 2, steps);
        var trainer = new Trainer(method, lars, schedule.lr, new TrainerOptions
            { steps = steps, checkpoint_dir = dir, checkpoint_every = 2, resume = resume, log_every = 1 }, probe);
        if (stopAfter is not null) trainer.StepCompleted += e => { if (stopAfter(e)) throw new SimulatedKill(); };
        try { trainer.fit(new ImageBatches(data, method.sampler(data.case_of_row, 8), Presets.SimClrNatural(8, blur: false), 5)); }
        catch (SimulatedKill) { }
        return method.state_dict().Concat(probe.state_dict().Select(kv => new KeyValuePair<string, Tensor>("probe." + kv.Key, kv.Value)))
            .ToDictionary(kv => kv.Key, kv => kv.Value.to(ScalarType.Float32).flatten().data<float>().ToArray());
    }

    sealed class SimulatedKill : Exception;

    [Fact]
    public void Killed_run_resumes_at_the_exact_step_and_ends_with_identical_weights()
    {
        string a = TinyData.TempDir(), b = TinyData.TempDir();
        var whole = Run(a, 6, resume: false);
        Run(b, 6, resume: false, stopAfter: e => e.step == 3);  // killed after step 3; step 2 was saved
        Assert.Equal(2, new CheckpointStore(b).Latest()!.state.step);
        var resumed = Run(b, 6, resume: true);
        Assert.Equal(6, new CheckpointStore(b).Latest()!.state.step);
        Assert.Equal(whole.Keys.Order(), resumed.Keys.Order());
        foreach (var (k, v) in whole) Assert.True(v.SequenceEqual(resumed[k]), $"{k} differs after resume");
    }

    [Fact]
    public void A_failure_mid_write_leaves_the_previous_checkpoint_loadable()
    {
        var dir = TinyData.TempDir();
        var store = new CheckpointStore(dir);
        TrainingState State(int step) => new() { method = "simclr", step = step, epoch = 0, total_steps = 10, encoder = TinyData.Encoder };
        using (var t = torch.ones(3)) store.Save(State(2), new Dictionary<string, Tensor> { ["x"] = t });
        store.before_commit = temp => throw new IOException("disk full (simulated)");
        using (var t = torch.zeros(3))
            Assert.Throws<IOException>(() => store.Save(State(4), new Dictionary<string, Tensor> { ["x"] = t }));
        var latest = store.Latest()!;
        Assert.Equal(2, latest.state.step);
        using var scope = torch.NewDisposeScope();
        Assert.Equal(3f, latest.load_tensors()["x"].sum().item<float>());
        Assert.Empty(Directory.GetDirectories(store.Folder, ".tmp-*"));
    }

    [Fact]
    public void Pretraining_checkpoint_loads_into_a_finetuning_encoder_with_a_key_report()
    {
        var dir = TinyData.TempDir();
        using var data = TinyData.Create();
        var result = Pretraining.Run(TinyData.Pretrain("simclr", 2), data, out_dir: dir);
        using var model = new Supervised(TinyData.Encoder, data.num_classes);
        var report = PretrainedEncoder.Load(model.encoder, dir);
        Assert.Equal(model.encoder.state_dict().Count, report.loaded);
        Assert.Empty(report.missing);
        Assert.Contains(report.dropped, k => k.StartsWith("head."));
        var line = report.ToString();
        Assert.Contains("dropped head.*", line);
        Assert.Contains("missing none", line);
        Assert.DoesNotContain('\n', line);
        using var wide = new Supervised(TinyData.Encoder with { width = 0.25 }, data.num_classes);
        var e = Assert.Throws<InvalidDataException>(() => PretrainedEncoder.Load(wide.encoder, result.checkpoint!));
        Assert.Contains("step-00000002", e.Message);
    }
}
