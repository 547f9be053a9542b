using MedSsl.Optim;

namespace MedSsl.Tests.Optim;

public sealed class LrScheduleTests
{
    [Fact]
    public void Linear_and_sqrt_scaling_give_simclrs_4_8_at_batch_4096()
    {
        Assert.Equal(4.8, LrScaling.LinearScaledLr(0.3, 4096), 12);
        Assert.Equal(4.8, LrScaling.SqrtScaledLr(0.075, 4096), 12);
        Assert.Equal(0.3 * 512 / 256, LrScaling.LinearScaledLr(0.3, 512), 12);
        Assert.Throws<ArgumentException>(() => LrScaling.SqrtScaledLr(0.1, 0));
    }

    [Fact]
    public void Warm_up_rises_linearly_from_zero_then_cosine_decays_to_zero()
    {
        var s = new WarmupCosineSchedule(peak_lr: 2.0, warmup_steps: 10, total_steps: 110);
        Assert.Equal(0.0, s.lr(0));
        Assert.Equal(1.0, s.lr(5), 12);
        Assert.Equal(2.0, s.lr(10), 12);
        Assert.Equal(1.0, s.lr(60), 12);                                      // halfway through the cosine
        Assert.Equal(1.0 + Math.Cos(Math.PI * 0.25), s.lr(35), 12);
        Assert.Equal(0.0, s.lr(110), 12);
        Assert.Equal(0.0, s.lr(500), 12);                                     // no restart
    }

    [Fact]
    public void Step_counts_from_epochs_follow_simclrs_code()
    {
        // 10 warm-up epochs of 1000 examples at batch 128: round(10·1000 // 128) = 78; total 1000·100 // 128 + 1 = 782.
        var s = WarmupCosineSchedule.FromEpochs(1.0, warmup_epochs: 10, epochs: 100, num_examples: 1000, batch_size: 128);
        Assert.Equal((78, 782), (s.warmup_steps, s.total_steps));
    }

    [Fact]
    public void Factor_drives_a_lambda_lr_scheduler_on_lars()
    {
        using var scope = NewDisposeScope();
        var w = new Parameter(randn(3, 3));
        var peak = LrScaling.SqrtScaledLr(0.075, 256);
        using var opt = new Lars(new[] { w }, lr: peak);
        var schedule = new WarmupCosineSchedule(peak, warmup_steps: 4, total_steps: 20);
        var sched = torch.optim.lr_scheduler.LambdaLR(opt, schedule.factor);
        for (var step = 0; step < 20; step++)
        {
            Assert.Equal(schedule.lr(step), opt.param_groups[0].lr, 12);
            sched.step();
        }
    }
}
