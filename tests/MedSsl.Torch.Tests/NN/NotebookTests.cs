using MedSsl.Torch.Modules;
using static MedSsl.Torch.torch.nn;
using F = MedSsl.Torch.torch.nn.functional;

namespace MedSsl.Torch.Tests.NN;

/// <summary>The way a notebook uses the layer API: build a CNN, train a few steps, checkpoint, reload.</summary>
public class NotebookTests
{
    static Sequential SmallCnn() => Sequential(
        ("conv1", Conv2d(3, 8, 3, padding: 1)), ("bn1", BatchNorm2d(8)), ("relu", ReLU()), ("pool", MaxPool2d(2)),
        ("conv2", Conv2d(8, 16, 3, padding: 1)), ("gap", AdaptiveAvgPool2d(1)), ("flatten", Flatten()), ("fc", Linear(16, 4)));

    [Fact]
    public void Small_cnn_trains_with_hand_written_sgd_and_reloads_from_state_dict()
    {
        using var scope = NewDisposeScope();
        using var gen = new Generator(11);
        var x = torch.randn(new long[] { 16, 3, 12, 12 }, generator: gen);
        var y = torch.randint(4, new long[] { 16 }, generator: gen);
        using var model = SmallCnn();
        var losses = new List<float>();
        for (int step = 0; step < 5; step++)
        {
            using var stepScope = NewDisposeScope();
            model.zero_grad();
            var loss = F.cross_entropy(model.call(x), y);
            loss.backward();
            losses.Add(loss.item<float>());
            using (torch.no_grad())
                foreach (var p in model.parameters())
                    p.sub_(p.grad! * 0.1);
        }
        Assert.True(losses[^1] < losses[0], $"loss did not decrease: {string.Join(", ", losses)}");
        Assert.Equal(5L, ((BatchNorm2d)model[1]).num_batches_tracked!.item<long>());

        using var fresh = SmallCnn();
        var (missing, unexpected) = fresh.load_state_dict(model.state_dict());
        Assert.Empty(missing);
        Assert.Empty(unexpected);
        model.eval();
        fresh.eval();
        using (torch.no_grad())
            Assert.True(model.call(x).equal(fresh.call(x)));
    }
}
