namespace MedSsl.Torch.Tests;

public class CoreTests
{
    [Fact]
    public void Arithmetic_broadcasts_like_pytorch()
    {
        using var scope = NewDisposeScope();
        var a = torch.tensor(new float[] { 1, 2, 3, 4, 5, 6 }, 2, 3);
        var b = torch.tensor(new float[] { 10, 20, 30 });
        var c = a * 2 + b - 1;
        Assert.Equal(new long[] { 2, 3 }, c.shape);
        Assert.Equal(new float[] { 11, 23, 35, 17, 29, 41 }, c.data<float>());
        Assert.Equal(new float[] { -5, -14 }, (1 - a.sum(-1)).data<float>());
    }

    [Fact]
    public void Shape_mismatch_raises_with_op_and_shapes()
    {
        using var scope = NewDisposeScope();
        var a = torch.ones(4, 4);
        var b = torch.ones(3, 5);
        var ex = Assert.Throws<TorchException>(() => a.mm(b));
        Assert.Contains("mm", ex.Message);
        Assert.Contains("[4, 4] float32", ex.Message);
        Assert.Contains("[3, 5] float32", ex.Message);
        Assert.Contains("cannot be multiplied", ex.Message);
    }

    [Fact]
    public void Disposed_tensor_raises_object_disposed()
    {
        var a = torch.ones(2);
        a.Dispose();
        var ex = Assert.Throws<ObjectDisposedException>(() => a.exp());
        Assert.Contains("disposed", ex.Message);
    }

    [Fact]
    public void Wrong_element_type_read_is_refused()
    {
        using var a = torch.ones(2);
        var ex = Assert.Throws<ArgumentException>(() => a.data<long>());
        Assert.Contains("float32", ex.Message);
    }

    [Fact]
    public void Backward_gives_analytic_gradient()
    {
        using var scope = NewDisposeScope();
        var x = torch.tensor(new double[] { 1, 2, 3 }, requires_grad: true);
        var y = (x * x * x).sum();
        y.backward();
        Assert.Equal(new double[] { 3, 12, 27 }, x.grad!.data<double>());
        using (torch.no_grad())
        {
            Assert.False(torch.is_grad_enabled());
            Assert.False((x * 2).requires_grad);
        }
        Assert.True(torch.is_grad_enabled());
    }

    [Fact]
    public void Generator_makes_streams_reproducible()
    {
        using var scope = NewDisposeScope();
        using var g1 = new Generator(7);
        using var g2 = new Generator(7);
        var a = torch.randn(new long[] { 5 }, generator: g1);
        var b = torch.randn(new long[] { 5 }, generator: g2);
        Assert.True(a.equal(b));
        torch.manual_seed(3);
        var c = torch.rand(4);
        torch.manual_seed(3);
        Assert.True(c.equal(torch.rand(4)));
    }

    [Fact]
    public void Threads_follow_the_core_count()
    {
        Assert.Equal(Environment.ProcessorCount, torch.get_num_threads());
    }
}

/// <summary>Counts live tensors, so it runs in the serial collection.</summary>
[Collection(nameof(LiveCountCollection))]
public class DisposeScopeTests
{
    [Fact]
    public void Dispose_scope_frees_everything_but_what_moves_out()
    {
        var before = torch.live_tensors;
        Tensor kept;
        using (var scope = NewDisposeScope())
        {
            var x = torch.randn(8, 8);
            var y = (x * x).exp();
            kept = y.MoveToOuterDisposeScope();
            Assert.True(scope.Count >= 2);
        }
        Assert.Equal(before + 1, torch.live_tensors);
        kept.Dispose();
        Assert.Equal(before, torch.live_tensors);
    }
}

public class ScalarPromotionTests
{
    [Fact]
    public void Whole_number_scalars_keep_integer_tensors_integral_as_python_ints_do()
    {
        using var scope = NewDisposeScope();
        var i = torch.arange(4);                       // int64
        Assert.Equal(ScalarType.Int64, (i * 3).dtype);
        Assert.Equal(new long[] { 1, 4, 7, 10 }, (i * 3 + 1).data<long>());
        Assert.Equal(ScalarType.Int64, i.clamp(1, 2).dtype);
        Assert.Equal(ScalarType.Float32, (i * 0.5).dtype);  // a fractional scalar promotes, as in PyTorch
        Assert.Equal(ScalarType.Float32, (torch.ones(2) * 3).dtype);
        Assert.Equal(ScalarType.Int64, (torch.tensor(new[] { true, false }) + 2).dtype);
    }

    [Fact]
    public void Factories_honour_requires_grad_and_refuse_it_for_integers()
    {
        using var scope = NewDisposeScope();
        Assert.True(torch.zeros(new long[] { 2 }, requires_grad: true).requires_grad);
        Assert.True(torch.randn(new long[] { 2 }, requires_grad: true).is_leaf);
        var ex = Assert.Throws<TorchException>(() => torch.zeros(new long[] { 2 }, ScalarType.Int64, requires_grad: true));
        Assert.Contains("floating point", ex.Message);
    }
}
