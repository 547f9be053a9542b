using MedSsl.Torch.Optim;

namespace MedSsl.Torch.Tests;

[CollectionDefinition("Optim live-tensor counts", DisableParallelization = true)]
public class OptimLiveTensorCollection;

/// <summary>Live-tensor counts are process-wide, so these run alone.</summary>
[Collection("Optim live-tensor counts")]
public class OptimizerLeakTests
{
    [Fact]
    public void Two_hundred_steps_keep_live_tensors_flat_and_dispose_frees_the_state()
    {
        var ps = OptimGoldens.InitialParams();
        try
        {
            var opts = new Optimizer[] { new AdamW(ps, amsgrad: true), new SGD(ps, 0.01, momentum: 0.9, nesterov: true) };
            var start = Tensor.LiveCount;
            long afterFirst = 0;
            for (var step = 0; step < 200; step++)
            {
                using (var scope = torch.NewDisposeScope())
                {
                    OptimGoldens.SetGrads(ps, step % OptimGoldens.StepCount);
                    foreach (var o in opts) o.step();
                    torch.nn.utils.clip_grad_norm_(ps, 1.0);
                }
                if (step == 0) afterFirst = Tensor.LiveCount;
            }
            Assert.Equal(afterFirst, Tensor.LiveCount);
            // State: AdamW 4 per parameter, SGD 1 per parameter.
            Assert.Equal(start + 5 * ps.Length, afterFirst);
            foreach (var o in opts) o.Dispose();
            Assert.Equal(start, Tensor.LiveCount);
        }
        finally { OptimGoldens.DisposeAll(ps); }
    }
}
