namespace MedSsl.Torch.Tests;

/// <summary>torch.nn.utils.clip_grad_norm_ against PyTorch 1.13 (2-, 1- and inf-norms, clipping or not,
/// a parameter without gradient).</summary>
public class OptimClipGradTests
{
    public static IEnumerable<object[]> Cases =>
        Enumerable.Range(0, OptimGoldens.Json.GetProperty("clip").GetArrayLength()).Select(i => new object[] { i });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_pytorch(int index)
    {
        var c = OptimGoldens.Json.GetProperty("clip")[index];
        var normType = c.GetProperty("norm_type") is { ValueKind: System.Text.Json.JsonValueKind.String } ? double.PositiveInfinity
            : c.GetProperty("norm_type").GetDouble();
        var ps = OptimGoldens.InitialParams();
        try
        {
            OptimGoldens.SetGrads(ps, 0);
            if (c.GetProperty("drop_second").GetBoolean()) ps[1].grad = null;
            using var total = torch.nn.utils.clip_grad_norm_(ps, c.GetProperty("max_norm").GetDouble(), normType);
            Assert.Equal(c.GetProperty("total_norm").GetDouble(), total.item<double>(), 1e-12);
            for (var i = 0; i < ps.Length; i++)
            {
                var want = OptimGoldens.Values(c.GetProperty("grads")[i]);
                using var g = ps[i].grad;
                if (want is null) { Assert.Null(g); continue; }
                Assert.True(OptimGoldens.MaxAbsDiff(want, g!.data<double>()) <= 1e-12, $"gradient {i} differs");
            }
        }
        finally { OptimGoldens.DisposeAll(ps); }
    }

    [Fact]
    public void No_gradients_give_a_zero_norm_and_nonfinite_norms_can_be_refused()
    {
        var ps = OptimGoldens.InitialParams();
        try
        {
            using (var none = torch.nn.utils.clip_grad_norm_(ps, 1.0))
            {
                Assert.Equal(0.0, none.item<double>());
                Assert.Equal(ScalarType.Float32, none.dtype);
            }
            using (var inf = torch.full(new long[] { 4 }, double.PositiveInfinity, ScalarType.Float64)) ps[1].grad = inf;
            var ex = Assert.Throws<TorchException>(() => torch.nn.utils.clip_grad_norm_(ps, 1.0, error_if_nonfinite: true));
            Assert.Contains("non-finite", ex.Message);
        }
        finally { OptimGoldens.DisposeAll(ps); }
    }
}
