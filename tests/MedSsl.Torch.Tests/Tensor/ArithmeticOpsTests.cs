using static MedSsl.Torch.Tests.OpsAssert;

namespace MedSsl.Torch.Tests;

public class ArithmeticOpsTests
{
    static Tensor M() => torch.tensor(new double[] { 1, -2, 3, -4, 5, -6 }, 2, 3);

    [Fact]
    public void Binary_ops_broadcast_rows_and_columns()
    {
        using var scope = NewDisposeScope();
        var col = torch.tensor(new double[] { 10, 20 }, 2, 1);
        var row = torch.tensor(new double[] { 1, 2, 3 });
        Close(new double[] { 11, 12, 13, 21, 22, 23 }, col + row, shape: S(2, 3));
        Close(new double[] { 9, 8, 7, 19, 18, 17 }, col - row);
        Close(new double[] { 10, 20, 30, 20, 40, 60 }, col * row);
        Close(new double[] { 10, 5, 10 / 3.0, 20, 10, 20 / 3.0 }, col / row);
        Close(new double[] { -1, -6, -3, -6, 1, -12 }, M().add(row, alpha: -2));
        Close(new double[] { 3, 0, 5, -2, 7, -4 }, M().sub(-2.0));
    }

    [Fact]
    public void Scalar_on_the_left_works_like_python()
    {
        using var scope = NewDisposeScope();
        var x = torch.tensor(new double[] { 1, 2, 4 });
        Close(new double[] { 9, 8, 6 }, 10 - x);
        Close(new double[] { 8, 4, 2 }, 8 / x);
        Close(new double[] { 3, 6, 12 }, 3 * x);
        Close(new double[] { 2, 4, 16 }, 2.0 * torch.tensor(new double[] { 1, 2, 8 }));
        Close(new double[] { 2, 4, 16 }, torch.tensor(new double[] { 1, 2, 4 }).pow(2) + torch.tensor(new double[] { 1, 0, 0 }));
    }

    [Fact]
    public void Remainder_follows_the_divisor_sign_and_fmod_the_dividend()
    {
        using var scope = NewDisposeScope();
        var a = torch.tensor(new double[] { -7, 7, -7, 7 });
        var b = torch.tensor(new double[] { 3, 3, -3, -3 });
        Close(new double[] { 2, 1, -1, -2 }, a % b);
        Close(new double[] { -1, 1, -1, 1 }, a.fmod(b));
    }

    [Fact]
    public void Integer_division_is_true_division()
    {
        using var scope = NewDisposeScope();
        var q = torch.tensor(new long[] { 7, 8 }) / torch.tensor(new long[] { 2, 2 });
        Assert.True(q.is_floating_point());
        Close(new[] { 3.5, 4 }, q);
    }

    [Fact]
    public void Comparisons_give_bool_tensors()
    {
        using var scope = NewDisposeScope();
        var a = torch.tensor(new double[] { 1, 2, 3 });
        var b = torch.tensor(new double[] { 3, 2, 1 });
        var lt = a < b;
        Assert.Equal(ScalarType.Bool, lt.dtype);
        Assert.Equal(new[] { true, false, false }, lt.data<bool>());
        Assert.Equal(new[] { true, true, false }, (a <= b).data<bool>());
        Assert.Equal(new[] { false, true, false }, a.eq(b).data<bool>());
        Assert.Equal(new[] { true, false, true }, a.ne(2).data<bool>());
        Assert.Equal(new[] { false, false, true }, (a > 2).data<bool>());
        Assert.Equal(new[] { false, true, true }, ((a >= 2) & (b <= 2) | (a > 2)).data<bool>());
        Assert.Equal(new[] { true, false, false }, (~(a >= 2)).data<bool>());
    }

    [Fact]
    public void Unary_ops_match_closed_forms()
    {
        using var scope = NewDisposeScope();
        var x = torch.tensor(new double[] { 0.25, 1, 4 });
        Close(new[] { Math.Exp(0.25), Math.E, Math.Exp(4) }, x.exp());
        Close(new[] { Math.Log(0.25), 0, Math.Log(4) }, x.log());
        Close(new[] { 0.5, 1, 2 }, x.sqrt());
        Close(new[] { 2, 1, 0.5 }, x.rsqrt());
        Close(new[] { 4, 1, 0.25 }, x.reciprocal());
        Close(new[] { 1 / (1 + Math.Exp(-0.25)), 1 / (1 + Math.Exp(-1)), 1 / (1 + Math.Exp(-4)) }, x.sigmoid());
        Close(new[] { Math.Tanh(0.25), Math.Tanh(1), Math.Tanh(4) }, x.tanh());
        var s = torch.tensor(new double[] { -1.5, -0.5, 0.5, 2.5 });
        Close(new double[] { -2, -1, 0, 2 }, s.floor());
        Close(new double[] { -1, -0, 1, 3 }, s.ceil());
        Close(new double[] { -2, -0, 0, 2 }, s.round()); // half to even, as PyTorch
        Close(new double[] { -1, -1, 1, 1 }, s.sign());
        Close(new[] { 1.5, 0.5, 0.5, 2.5 }, s.abs());
        Close(new double[] { 0, 0, 0.5, 2.5 }, s.relu());
    }

    [Fact]
    public void Clamp_clip_maximum_minimum()
    {
        using var scope = NewDisposeScope();
        var x = M();
        Close(new double[] { 1, -2, 3, -2, 3, -2 }, x.clamp(-2, 3));
        Close(new double[] { 1, 0, 3, 0, 5, 0 }, x.clamp(min: 0));
        Close(new double[] { 1, -2, 1, -4, 1, -6 }, torch.clip(x, max: 1));
        var y = torch.zeros(2, 3).to(ScalarType.Float64);
        Close(new double[] { 1, 0, 3, 0, 5, 0 }, torch.maximum(x, y));
        Close(new double[] { 0, -2, 0, -4, 0, -6 }, torch.minimum(x, y));
    }

    [Fact]
    public void Where_and_masked_fill_choose_per_element()
    {
        using var scope = NewDisposeScope();
        var x = M();
        Close(new double[] { 1, 0, 3, 0, 5, 0 }, torch.where(x > 0, x, 0.0));
        Close(new double[] { 1, 2, 3, 4, 5, 6 }, torch.where(x > 0, x, -x));
        Close(new double[] { 1, 9, 3, 9, 5, 9 }, x.masked_fill(x < 0, 9));
    }

    [Fact]
    public void In_place_ops_return_the_same_object_and_mutate()
    {
        using var scope = NewDisposeScope();
        var x = torch.tensor(new double[] { 1, 2, 3 });
        var alias = x[..];
        Assert.Same(x, x.add_(1));
        Assert.Same(x, x.mul_(2));
        Assert.Same(x, x.sub_(torch.tensor(new double[] { 1, 1, 1 })));
        Assert.Same(x, x.div_(torch.tensor(new double[] { 1, 5, 7 })));
        Close(new double[] { 3, 1, 1 }, x);
        Close(new double[] { 3, 1, 1 }, alias);
        Assert.Same(x, x.pow_(2).neg_().exp_().log_());
        Close(new double[] { -9, -1, -1 }, x);
        Assert.Same(x, x.clamp_(-2, 0));
        Assert.Same(x, x.masked_fill_(x < -1.5, 7));
        Close(new double[] { 7, -1, -1 }, x);
        Assert.Same(x, x.addcmul_(x, x, 0.5));
        Close(new double[] { 31.5, -0.5, -0.5 }, x);
        Assert.Same(x, x.zero_());
        Assert.Equal(0.0, x.abs().sum().item<double>());
        Assert.Same(x, x.fill_(2).sqrt_());
        Close(new[] { Math.Sqrt(2), Math.Sqrt(2), Math.Sqrt(2) }, alias);
    }

    [Fact]
    public void Type_promotion_follows_pytorch()
    {
        using var scope = NewDisposeScope();
        var i = torch.tensor(new long[] { 1, 2 });
        var f = torch.tensor(new float[] { 0.5f, 0.5f });
        Assert.Equal(ScalarType.Float32, (i + f).dtype);
        Assert.Equal(ScalarType.Int64, (i * torch.tensor(new long[] { 3, 3 })).dtype);
        Assert.Equal(ScalarType.Bool, (i > 1).dtype);
        Assert.Equal(ScalarType.Float32, (i * 1.5).dtype);
        Assert.Equal(ScalarType.Float32, (f + torch.tensor(new double[] { 1, 1 }).sum()).dtype);
    }
}
