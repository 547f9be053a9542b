using MedSsl.Training;

namespace MedSsl.Tests;

[Collection("Training")]
public class LossDecreaseTests
{
    [Theory]
    [InlineData("simclr")]
    [InlineData("micle")]
    public void Contrastive_loss_decreases_over_a_few_steps(string method)
    {
        using var data = TinyData.Create();
        Determinism.Apply(0);
        var losses = new List<double>();
        var config = TinyData.Pretrain(method, 30) with { base_lr = 1.0 };
        using var m = Pretraining.CreateMethod(config);
        var lars = new MedSsl.Optim.Lars(m.named_parameters(), config.base_lr, weight_decay: 0);
        var trainer = new Trainer(m, lars, _ => config.base_lr, new TrainerOptions { steps = 30, log_every = 1 });
        trainer.StepCompleted += e => losses.Add(e.loss);
        // The same fixed views every step: the loss must fall as the model fits them.
        var batches = new ImageBatches(data, new FixedPlan(m.sampler(data.case_of_row, 16)), MedSsl.Transforms.Presets.Eval(8), 0);
        trainer.fit(batches);
        Assert.True(losses.Skip(25).Average() < losses.Take(5).Average() - 0.05, $"{method}: {string.Join(", ", losses.Select(l => l.ToString("F3")))}");
    }

    /// <summary>Epoch 0's first batch, every step.</summary>
    sealed class FixedPlan(MedSsl.Data.Loading.IBatchSampler inner) : MedSsl.Data.Loading.IBatchSampler
    {
        public int Views => inner.Views;
        public int BatchCount => 1;
        public IReadOnlyList<MedSsl.Data.Loading.BatchPlan> PlanEpoch(int epoch, ulong seed) => new[] { inner.PlanEpoch(0, seed)[0] };
    }
}
