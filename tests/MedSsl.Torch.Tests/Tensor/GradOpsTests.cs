namespace MedSsl.Torch.Tests;

/// <summary>Backward of each op against finite differences (see <see cref="OpsGradCheck"/>).</summary>
public class GradOpsTests
{
    static readonly Generator Gen = new(77);
    static Tensor N(params long[] shape) => torch.randn(shape, ScalarType.Float64, generator: Gen);
    static Tensor P(params long[] shape) => N(shape).abs() + 0.5;   // positive, away from 0
    static Tensor I(params long[] v) => torch.tensor(v);

    // name -> (inputs, op); the inputs are made once per case, the index tensors are constants.
    static readonly Dictionary<string, Func<(Tensor[] inputs, Func<Tensor[], Tensor> f)>> Cases = new()
    {
        ["mul"] = () => (new[] { N(3, 4), N(4) }, t => t[0] * t[1]),
        ["div"] = () => (new[] { N(3, 4), P(3, 1) }, t => t[0] / t[1]),
        ["pow_tensor"] = () => (new[] { P(5), N(5) }, t => t[0].pow(t[1])),
        ["pow_scalar"] = () => (new[] { N(5) }, t => t[0].pow(3)),
        ["exp"] = () => (new[] { N(2, 3) }, t => t[0].exp()),
        ["log"] = () => (new[] { P(2, 3) }, t => torch.log(t[0])),
        ["sqrt"] = () => (new[] { P(2, 3) }, t => t[0].sqrt()),
        ["sigmoid"] = () => (new[] { N(2, 3) }, t => t[0].sigmoid()),
        ["tanh"] = () => (new[] { N(2, 3) }, t => torch.tanh(t[0])),
        ["softmax"] = () => (new[] { N(3, 4) }, t => t[0].softmax(1)),
        ["log_softmax"] = () => (new[] { N(3, 4) }, t => t[0].log_softmax(0)),
        ["logsumexp"] = () => (new[] { N(3, 4) }, t => t[0].logsumexp(1)),
        ["matmul"] = () => (new[] { N(2, 3, 4), N(4, 2) }, t => t[0].matmul(t[1])),
        ["bmm"] = () => (new[] { N(2, 3, 4), N(2, 4, 2) }, t => torch.bmm(t[0], t[1])),
        ["einsum"] = () => (new[] { N(2, 3, 4), N(2, 4, 2) }, t => torch.einsum("bij,bjk->bki", t[0], t[1])),
        ["sum"] = () => (new[] { N(3, 4) }, t => t[0].sum(1)),
        ["mean"] = () => (new[] { N(2, 3, 4) }, t => t[0].mean(new long[] { 0, 2 }, keepdim: true)),
        ["std"] = () => (new[] { N(3, 5) }, t => t[0].std(1)),
        ["var_biased"] = () => (new[] { N(3, 5) }, t => t[0].var(unbiased: false)),
        ["norm"] = () => (new[] { N(3, 4) }, t => t[0].norm()),
        ["norm_p1_dim"] = () => (new[] { N(3, 4) }, t => t[0].norm(1, 1)),
        ["gather"] = () => (new[] { N(3, 4) }, t => t[0].gather(1, torch.tensor(new long[] { 0, 3, 3, 1, 2, 2 }, 3, 2))),
        ["index_select"] = () => (new[] { N(4, 3) }, t => t[0].index_select(0, I(3, 0, 3))),
        ["cat"] = () => (new[] { N(2, 3), N(2, 2) }, t => torch.cat(new[] { t[0], t[1] }, 1)),
        ["stack"] = () => (new[] { N(2, 3), N(2, 3) }, t => torch.stack(new[] { t[0], t[1] }, 1)),
        ["permute"] = () => (new[] { N(2, 3, 4) }, t => t[0].permute(2, 0, 1)),
        ["expand"] = () => (new[] { N(3, 1) }, t => t[0].expand(3, 4)),
        ["where"] = () => (new[] { N(3, 4), N(3, 4) }, t => torch.where(t[0] > 0, t[0], t[1])),
        ["clamp"] = () => (new[] { N(4, 5) }, t => t[0].clamp(-0.5, 0.5)),
        ["masked_fill"] = () => (new[] { N(3, 4) }, t => t[0].masked_fill(t[0] < 0, 2)),
        ["index_get"] = () => (new[] { N(4, 5) }, t => t[0][1.., I(4, 0, 4)]),
        ["index_put_"] = () => (new[] { N(4), N(2) }, t => IndexPut(t[0], t[1])),
        ["scatter_add"] = () => (new[] { N(2, 4), N(2, 3) }, t => t[0].scatter_add(1, torch.tensor(new long[] { 0, 0, 3, 1, 2, 1 }, 2, 3), t[1])),
        ["index_add"] = () => (new[] { N(3, 2), N(4, 2) }, t => t[0].index_add(0, I(2, 0, 2, 1), t[1], alpha: 0.5)),
        ["sort_values"] = () => (new[] { N(3, 5) }, t => t[0].sort(1, descending: true).values),
        ["topk_values"] = () => (new[] { N(3, 5) }, t => t[0].topk(2).values),
        ["split"] = () => (new[] { N(5, 2) }, t => t[0].split(2)[1] * t[0].split(2)[2].sum()),
        ["tril_diagonal"] = () => (new[] { N(4, 4) }, t => t[0].tril(-1) + t[0].diagonal().diag()),
        ["take"] = () => (new[] { N(3, 3) }, t => t[0].take(I(8, 0, 4, 8))),
    };

    // x * 1 so the leaf is not written in place; index_put_ then routes y into positions 0 and 2.
    static Tensor IndexPut(Tensor x, Tensor y)
    {
        var z = x * 1;
        z[I(0, 2)] = y;
        return z;
    }

    public static IEnumerable<object[]> Names() => Cases.Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(Names))]
    public void Backward_matches_finite_differences(string name)
    {
        using var scope = NewDisposeScope();
        var (inputs, f) = Cases[name]();
        OpsGradCheck.Check(name, f, inputs);
    }

    [Fact]
    public void The_checker_catches_a_wrong_gradient()
    {
        using var scope = NewDisposeScope();
        // detach() hides half of x * x from backward, so the analytic gradient is x, not 2x.
        var ex = Assert.ThrowsAny<Exception>(() =>
            OpsGradCheck.Check("wrong", t => t[0] * t[0].detach(), new[] { N(3) }));
        Assert.Contains("finite difference", ex.Message);
    }

    [Fact]
    public void Cases_cover_the_required_ops()
    {
        var required = new[] { "mul", "div", "pow_tensor", "exp", "log", "sqrt", "sigmoid", "tanh", "softmax", "log_softmax",
                               "logsumexp", "matmul", "bmm", "einsum", "sum", "mean", "std", "norm", "gather", "index_select",
                               "cat", "stack", "permute", "expand", "where", "clamp", "masked_fill" };
        Assert.Empty(required.Except(Cases.Keys));
    }
}
