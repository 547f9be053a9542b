using static MedSsl.Torch.Tests.OpsAssert;

namespace MedSsl.Torch.Tests;

public class SortOpsTests
{
    [Fact]
    public void Sort_ascending_descending_and_stable()
    {
        using var scope = NewDisposeScope();
        var x = torch.tensor(new double[] { 3, 1, 2, 1, 5, 4 }, 2, 3);
        var (v, i) = x.sort();
        Close(new double[] { 1, 2, 3, 1, 4, 5 }, v);
        Exact(new long[] { 1, 2, 0, 0, 2, 1 }, i);
        var (dv, di) = torch.sort(x, 0, descending: true);
        Close(new double[] { 3, 5, 4, 1, 1, 2 }, dv);
        Exact(new long[] { 0, 1, 1, 1, 0, 0 }, di);
        // Ties keep their input order when stable.
        var ties = torch.tensor(new double[] { 2, 1, 2, 1, 2, 1, 2, 1, 0 });
        Exact(new long[] { 8, 1, 3, 5, 7, 0, 2, 4, 6 }, ties.sort(stable: true).indices);
        Exact(new long[] { 0, 2, 4, 6, 1, 3, 5, 7, 8 }, ties.argsort(descending: true, stable: true));
        Exact(new long[] { 1, 2, 0, 0, 2, 1 }, torch.argsort(x, -1));
    }

    [Fact]
    public void Topk_largest_smallest_and_kthvalue()
    {
        using var scope = NewDisposeScope();
        var x = torch.tensor(new double[] { 5, 1, 9, 3, 7 });
        var (v, i) = x.topk(2);
        Close(new double[] { 9, 7 }, v);
        Exact(new long[] { 2, 4 }, i);
        var (sv, si) = torch.topk(x, 3, largest: false);
        Close(new double[] { 1, 3, 5 }, sv);
        Exact(new long[] { 1, 3, 0 }, si);
        var m = torch.tensor(new double[] { 1, 8, 3, 6, 2, 4 }, 2, 3);
        Close(new double[] { 6, 8, 4 }, m.topk(1, 0).values, shape: S(1, 3));
        var (kv, ki) = x.kthvalue(2);
        Assert.Equal(3.0, kv.item<double>());
        Assert.Equal(3L, ki.item<long>());
        Assert.Equal(5.0, x.median().item<double>());
        Assert.Equal(2.0, torch.tensor(new double[] { 4, 1, 2, 3 }).median().item<double>()); // lower median
        Close(new double[] { 3, 4 }, m.median(1).values);
    }

    [Fact]
    public void Unique_with_inverse_counts_and_dim()
    {
        using var scope = NewDisposeScope();
        var x = torch.tensor(new long[] { 3, 1, 3, 2, 1, 3 });
        var (v, inv, cnt) = x.unique(return_inverse: true, return_counts: true);
        Exact(new long[] { 1, 2, 3 }, v);
        Exact(new long[] { 2, 0, 2, 1, 0, 2 }, inv!);
        Exact(new long[] { 2, 1, 3 }, cnt!);
        var (only, none1, none2) = torch.unique(x);
        Exact(new long[] { 1, 2, 3 }, only);
        Assert.Null(none1);
        Assert.Null(none2);
        var rows = torch.tensor(new long[] { 1, 2, 0, 0, 1, 2 }, 3, 2);
        var (ur, _, uc) = rows.unique(return_counts: true, dim: 0);
        Exact(new long[] { 0, 0, 1, 2 }, ur, shape: S(2, 2));
        Exact(new long[] { 1, 2 }, uc!);
    }

    [Fact]
    public void Bincount_searchsorted_bucketize()
    {
        using var scope = NewDisposeScope();
        var x = torch.tensor(new long[] { 0, 2, 2, 5 });
        Exact(new long[] { 1, 0, 2, 0, 0, 1 }, x.bincount());
        Exact(new long[] { 1, 0, 2, 0, 0, 1, 0, 0 }, torch.bincount(x, minlength: 8));
        Close(new[] { 0.5, 0, 2.5, 0, 0, 4 }, x.bincount(torch.tensor(new double[] { 0.5, 1, 1.5, 4 })));
        var seq = torch.tensor(new double[] { 1, 3, 5, 7 });
        var vals = torch.tensor(new double[] { 0, 3, 6, 9 });
        Exact(new long[] { 0, 1, 3, 4 }, torch.searchsorted(seq, vals));
        Exact(new long[] { 0, 2, 3, 4 }, torch.searchsorted(seq, vals, right: true));
        Assert.Equal(ScalarType.Int32, torch.searchsorted(seq, vals, out_int32: true).dtype);
        Exact(new long[] { 0, 1, 3, 4 }, torch.bucketize(vals, seq));
    }

    [Fact]
    public void Triangles_and_diagonals()
    {
        using var scope = NewDisposeScope();
        var x = torch.arange(1, 10).reshape(3, 3);
        Exact(new long[] { 1, 0, 0, 4, 5, 0, 7, 8, 9 }, x.tril());
        Exact(new long[] { 0, 2, 3, 0, 0, 6, 0, 0, 0 }, torch.triu(x, 1));
        Exact(new long[] { 0, 0, 0, 4, 0, 0, 7, 8, 0 }, x.tril(-1));
        var y = x.clone();
        Assert.Same(y, y.triu_());
        Exact(new long[] { 1, 2, 3, 0, 5, 6, 0, 0, 9 }, y);
        Exact(new long[] { 1, 5, 9 }, x.diag());
        Exact(new long[] { 2, 6 }, torch.diagonal(x, 1));
        Exact(new long[] { 4, 8 }, x.diagonal(-1));
        Exact(new long[] { 1, 0, 0, 2 }, torch.tensor(new long[] { 1, 2 }).diag(), shape: S(2, 2));
        Assert.Equal(S(2, 3, 3), torch.ones(2, 3).diag_embed().shape);
        Assert.Equal(15L, x.trace().item<long>());
    }
}
