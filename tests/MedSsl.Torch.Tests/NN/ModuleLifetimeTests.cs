using static MedSsl.Torch.torch.nn;

namespace MedSsl.Torch.Tests.NN;

[Collection(SerialCollection.Name)]
public class ModuleLifetimeTests
{
    [Fact]
    public void Sequential_disposes_intermediates_but_not_input_or_output()
    {
        using var net = Sequential(Linear(3, 4), ReLU(), Identity(), Linear(4, 2));
        using var x = torch.randn(5, 3);
        var live = torch.live_tensors;
        using (torch.no_grad())
        {
            using var y = net.call(x);
            Assert.Equal(live + 1, torch.live_tensors);
            Assert.False(x.IsDisposed);
        }
        Assert.Equal(live, torch.live_tensors);
        using var empty = Sequential();
        using var same = empty.call(x);
        Assert.NotSame(x, same);
        Assert.True(same.equal(x));
    }

    [Fact]
    public void Dispose_frees_parameters_and_buffers()
    {
        var live = torch.live_tensors;
        var net = new TinyNet();
        Assert.True(torch.live_tensors > live);
        var w = net.parameters().First();
        net.Dispose();
        Assert.True(w.IsDisposed);
        Assert.Equal(live, torch.live_tensors);
    }
}
