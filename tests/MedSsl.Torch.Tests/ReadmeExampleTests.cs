using MedSsl.Torch.Modules;
using static MedSsl.Torch.torch.nn;

namespace MedSsl.Torch.Tests;

/// <summary>The README's engine example, line for line: if this breaks, so does the first thing users copy.</summary>
[Collection(nameof(LiveCountCollection))]
public class ReadmeExampleTests
{
    [Fact]
    public void Readme_snippet_trains_saves_and_reloads()
    {
        torch.manual_seed(0);
        using var data = NewDisposeScope();
        var x = torch.randn(16, 3, 8, 8);
        var y = torch.randint(0, 10, new long[] { 16 });
        var path = Path.Combine(Path.GetTempPath(), $"readme-{Guid.NewGuid():N}.safetensors");

        // ---- README ----
        var model = Sequential(Conv2d(3, 16, 3, padding: 1), BatchNorm2d(16), ReLU(),
                               AdaptiveAvgPool2d(1), Flatten(), Linear(16, 10));
        var opt = optim.SGD(model.parameters(), lr: 0.1, momentum: 0.9);
        var losses = new List<float>();
        for (int step = 0; step < 100; step++)
        {
            using var scope = NewDisposeScope();          // frees every tensor of the step
            opt.zero_grad();
            var loss = functional.cross_entropy(model.call(x), y);
            loss.backward();
            opt.step();
            losses.Add(loss.item<float>());
        }
        safetensors.save_file(model.state_dict(), path);
        // ---- end ----

        Assert.True(losses[^1] < losses[0] * 0.5, $"loss {losses[0]} -> {losses[^1]}");
        var fresh = Sequential(Conv2d(3, 16, 3, padding: 1), BatchNorm2d(16), ReLU(),
                               AdaptiveAvgPool2d(1), Flatten(), Linear(16, 10));
        var (missing, unexpected) = fresh.load_state_dict(safetensors.load_file(path));
        Assert.Empty(missing);
        Assert.Empty(unexpected);
        model.eval();
        fresh.eval();
        Assert.True(model.call(x).equal(fresh.call(x)));
        File.Delete(path);
        model.Dispose();
        fresh.Dispose();
        opt.Dispose();
    }

    [Fact]
    public void Readme_name_table_rows_compile_and_behave()
    {
        using var scope = NewDisposeScope();
        var m = torch.tensor(new float[,] { { 1, 2 } });
        Assert.Equal(new long[] { 1, 2 }, m.shape);
        var x = torch.arange(24, dtype: torch.float32).reshape(2, 3, 4);
        Assert.Equal(new float[] { 4, 5 }, x[0, 1..3][0, ..2].data<float>());
        Assert.Equal(new float[] { 3, 7, 11, 15, 19, 23 }, x[TensorIndex.Ellipsis, ^1].flatten().data<float>());
        Assert.Equal(new long[] { 2, 1, 4 }, x.sum(1, keepdim: true).shape);
        var (v, i) = x.max(1);
        Assert.Equal(new long[] { 2, 2, 2, 2, 2, 2, 2, 2 }, i.flatten().data<long>());
        Assert.Equal(23f, v.max().item<float>());
        var w = torch.ones(4, 2);
        Assert.Equal(new long[] { 2, 3, 2 }, x.matmul(w).shape);
        var y = torch.ones(3);
        Assert.Same(y, y.add_(torch.ones(3), alpha: 2));
        Assert.Equal(new float[] { 3, 3, 3 }, y.data<float>());
        Assert.Equal(DeviceType.CUDA, torch.device("cuda").type);
        using var g = new Generator(0);
        Assert.Equal(0UL, g.initial_seed());
    }
}
