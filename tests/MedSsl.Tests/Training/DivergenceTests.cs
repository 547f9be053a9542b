using MedSsl.Methods;
using MedSsl.Training;
using MedSsl.Training.Checkpoints;
using MedSsl.Transforms;

namespace MedSsl.Tests;

[Collection("Training")]
public class DivergenceTests
{
    [Fact]
    public void A_NaN_loss_stops_with_the_step_and_keeps_the_last_good_checkpoint()
    {
        var dir = TinyData.TempDir();
        using var data = TinyData.Create();
        Determinism.Apply(0);
        using var method = new SimClr(TinyData.Encoder);
        using var sgd = torch.optim.SGD(method.parameters(), 0.01);
        var trainer = new Trainer(method, sgd, _ => 0.01, new TrainerOptions { steps = 10, checkpoint_dir = dir, checkpoint_every = 2, log_every = 1 });
        // Weights poisoned after step 3 (as a blown-up update would): the loss of step 4 is NaN.
        trainer.StepCompleted += e =>
        {
            if (e.step == 3) using (torch.no_grad()) method.encoder.parameters().First().fill_(double.NaN);
        };
        var e = Assert.Throws<TrainingDivergedException>(() =>
            trainer.fit(new ImageBatches(data, method.sampler(data.case_of_row, 8), Presets.Eval(8), 0)));
        Assert.Equal(4, e.step);
        Assert.Contains("step 4", e.Message);
        Assert.Contains("step-00000002", e.last_checkpoint);
        var latest = new CheckpointStore(dir).Latest()!;
        Assert.Equal(2, latest.state.step);
        using var scope = torch.NewDisposeScope();
        Assert.All(latest.load_tensors().Values, t => Assert.False(t.is_floating_point() && t.isnan().any().item<bool>()));
    }

    [Fact]
    public void Bad_options_are_clear_errors()
    {
        Assert.Contains("steps", Assert.Throws<ArgumentException>(() => new TrainerOptions { steps = 0 }.Validate()).Message);
        Assert.Contains("checkpoint_dir", Assert.Throws<ArgumentException>(() => new TrainerOptions { resume = true }.Validate()).Message);
        Assert.Contains("simclr or micle", Assert.Throws<ArgumentException>(() => Pretraining.CreateMethod(new PretrainConfig { method = "byol" })).Message);
    }
}
