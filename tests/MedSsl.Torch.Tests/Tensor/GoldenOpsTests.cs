using System.Text.Json;

namespace MedSsl.Torch.Tests;

/// <summary>
/// Parity with PyTorch on fixed inputs: Golden/ops/ops_goldens.json holds inputs and outputs written by
/// Golden/make_ops_goldens.py; each case here replays the same op with the same arguments.
/// </summary>
public class GoldenOpsTests
{
    static readonly Lazy<JsonDocument> Doc = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", "ops", "ops_goldens.json"))));

    static Tensor[] One(Tensor t) => new[] { t };
    static Tensor[] Two((Tensor a, Tensor b) p) => new[] { p.a, p.b };

    // Keep in step with CASES in make_ops_goldens.py.
    static readonly Dictionary<string, Func<Tensor[], Tensor[]>> Ops = new()
    {
        ["add_broadcast"] = t => One(t[0] + t[1]),
        ["sub_alpha"] = t => One(torch.sub(t[0], t[1], alpha: 2)),
        ["mul"] = t => One(t[0] * t[1]),
        ["div"] = t => One(t[0] / t[1]),
        ["pow_scalar"] = t => One(t[0].pow(1.7)),
        ["pow_tensor"] = t => One(t[0].pow(t[1])),
        ["remainder"] = t => One(t[0] * 5 % 3),
        ["fmod"] = t => One((t[0] * 5).fmod(3)),
        ["exp"] = t => One(torch.exp(t[0])),
        ["log"] = t => One(torch.log(t[0])),
        ["sqrt"] = t => One(torch.sqrt(t[0])),
        ["rsqrt"] = t => One(torch.rsqrt(t[0])),
        ["sigmoid"] = t => One(torch.sigmoid(t[0])),
        ["tanh"] = t => One(torch.tanh(t[0])),
        ["erf"] = t => One(torch.erf(t[0])),
        ["log1p"] = t => One(torch.log1p(t[0])),
        ["expm1"] = t => One(torch.expm1(t[0])),
        ["sin_cos"] = t => One(torch.sin(t[0]) * torch.cos(t[0])),
        ["clamp"] = t => One(t[0].clamp(-0.5, 0.5)),
        ["where"] = t => One(torch.where(t[0] > 0, t[0], t[1])),
        ["softmax_dim1"] = t => One(t[0].softmax(1)),
        ["log_softmax_dim0"] = t => One(t[0].log_softmax(0)),
        ["logsumexp_dim1_keepdim"] = t => One(t[0].logsumexp(1, keepdim: true)),
        ["sum_dim0"] = t => One(t[0].sum(0)),
        ["mean_dims02_keepdim"] = t => One(t[0].mean(new long[] { 0, 2 }, keepdim: true)),
        ["std_dim1"] = t => One(t[0].std(1)),
        ["var_biased_all"] = t => One(t[0].var(unbiased: false)),
        ["norm_p1_dim1"] = t => One(t[0].norm(1, 1)),
        ["norm_all"] = t => One(t[0].norm()),
        ["prod_dim1"] = t => One(t[0].prod(1)),
        ["max_dim1"] = t => Two(t[0].max(1)),
        ["argmin_dim0"] = t => One(t[0].argmin(0)),
        ["cumsum_dim1"] = t => One(t[0].cumsum(1)),
        ["matmul_broadcast"] = t => One(t[0].matmul(t[1])),
        ["bmm"] = t => One(torch.bmm(t[0], t[1])),
        ["einsum_bij_bjk"] = t => One(torch.einsum("bij,bjk->bik", t[0], t[1])),
        ["einsum_rowdot"] = t => One(torch.einsum("ij,ij->i", t[0], t[1])),
        ["sort_desc_dim1"] = t => Two(t[0].sort(1, descending: true)),
        ["argsort_dim0"] = t => One(t[0].argsort(0)),
        ["topk2_dim1"] = t => Two(t[0].topk(2, 1)),
        ["gather_dim1"] = t => One(t[0].gather(1, t[1])),
        ["scatter_add_dim1"] = t => One(t[0].scatter_add(1, t[1], t[2])),
        ["index_select_dim1"] = t => One(t[0].index_select(1, t[1])),
        ["masked_select"] = t => One(t[0].masked_select(t[0] > 0)),
        ["tril_m1"] = t => One(t[0].tril(-1)),
        ["triu_1"] = t => One(t[0].triu(1)),
        ["diagonal_1"] = t => One(t[0].diagonal(1)),
        ["cat_dim1"] = t => One(torch.cat(new[] { t[0], t[1] }, 1)),
        ["stack_dim1"] = t => One(torch.stack(new[] { t[0], t[1] }, 1)),
        ["permute_021"] = t => One(t[0].permute(0, 2, 1).contiguous()),
        ["index_slices"] = t => One(t[0][1.., TensorIndex.Slice(step: 2), -1]),
        ["index_put_mask"] = t => One(Masked(t[0])),
        ["unique_counts"] = t =>
        {
            var (values, _, counts) = torch.unique(t[0], return_counts: true);
            return new[] { values, counts! };
        },
        ["bincount"] = t => One(torch.bincount(t[0])),
        ["searchsorted"] = t => One(torch.searchsorted(t[0], t[1])),
        ["softmax_f32"] = t => One(t[0].softmax(-1)),
        ["matmul_f32"] = t => One(t[0].matmul(t[1])),
    };

    static Tensor Masked(Tensor a)
    {
        var c = a.clone();
        c[a < 0] = 0;
        return c;
    }

    public static IEnumerable<object[]> CaseNames() =>
        Doc.Value.RootElement.GetProperty("cases").EnumerateObject().Select(p => new object[] { p.Name });

    [Fact]
    public void Every_golden_case_has_a_replay_and_back()
    {
        var names = CaseNames().Select(o => (string)o[0]).ToHashSet();
        Assert.True(names.Count >= 30, $"only {names.Count} golden cases");
        Assert.Empty(names.Except(Ops.Keys));
        Assert.Empty(Ops.Keys.Except(names));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Matches_pytorch(string name)
    {
        using var scope = NewDisposeScope();
        var c = Doc.Value.RootElement.GetProperty("cases").GetProperty(name);
        var inputs = c.GetProperty("inputs").EnumerateArray().Select(Load).ToArray();
        var expected = c.GetProperty("outputs").EnumerateArray().ToArray();
        var actual = Ops[name](inputs);
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < actual.Length; i++) Compare(expected[i], actual[i], $"{name} output {i}");
    }

    static void Compare(JsonElement want, Tensor got, string what)
    {
        var shape = want.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        var dtype = want.GetProperty("dtype").GetString()!;
        Assert.True(shape.SequenceEqual(got.shape), $"{what}: shape [{string.Join(", ", got.shape)}], PyTorch [{string.Join(", ", shape)}]");
        Assert.True(dtype == got.dtype.Name(), $"{what}: dtype {got.dtype.Name()}, PyTorch {dtype}");
        var data = want.GetProperty("data");
        if (!got.is_floating_point())
        {
            Assert.Equal(data.EnumerateArray().Select(e => e.GetInt64()).ToArray(), OpsAssert.L(got));
            return;
        }
        var tol = got.dtype == ScalarType.Float64 ? 1e-12 : 2e-6;
        OpsAssert.Close(data.EnumerateArray().Select(e => e.GetDouble()).ToArray(), got, tol);
    }

    static Tensor Load(JsonElement e)
    {
        var shape = e.GetProperty("shape").EnumerateArray().Select(x => x.GetInt64()).ToArray();
        var dtype = ScalarTypes.Parse(e.GetProperty("dtype").GetString()!);
        var data = e.GetProperty("data");
        if (dtype.IsFloatingPoint())
            return torch.tensor(data.EnumerateArray().Select(x => x.GetDouble()).ToArray(), shape, dtype);
        return torch.tensor(data.EnumerateArray().Select(x => x.GetInt64()).ToArray(), shape, dtype);
    }
}
