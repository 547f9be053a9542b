using static MedSsl.Torch.Tests.OpsAssert;

namespace MedSsl.Torch.Tests;

public class LinalgOpsTests
{
    // A = [[1, 2], [3, 4], [5, 6]], B = [[1, 0, 2], [0, 1, 3]]
    static Tensor A() => torch.tensor(new double[] { 1, 2, 3, 4, 5, 6 }, 3, 2);
    static Tensor B() => torch.tensor(new double[] { 1, 0, 2, 0, 1, 3 }, 2, 3);

    [Fact]
    public void Mm_and_matmul_on_matrices_and_vectors()
    {
        using var scope = NewDisposeScope();
        var ab = new double[] { 1, 2, 8, 3, 4, 18, 5, 6, 28 };
        Close(ab, A().mm(B()), shape: S(3, 3));
        Close(ab, torch.matmul(A(), B()));
        Close(new double[] { 11, 22 }, torch.mm(B(), A()).diag());
        var v = torch.tensor(new double[] { 1, -1 });
        Close(new double[] { -1, -1, -1 }, A().matmul(v), shape: S(3));
        Close(new double[] { -1, -1, -1 }, torch.mv(A(), v));
        Close(new double[] { 1, -1, -1 }, v.matmul(B()), shape: S(3));
        Assert.Equal(2.0, torch.dot(v, v).item<double>());
        Close(new double[] { 1, -1, -1, 1 }, torch.outer(v, v), shape: S(2, 2));
    }

    [Fact]
    public void Bmm_and_batched_matmul_broadcast()
    {
        using var scope = NewDisposeScope();
        var a = torch.stack(new[] { A(), A() * 2 });
        var b = torch.stack(new[] { B(), B() });
        var r = torch.bmm(a, b);
        Assert.Equal(S(2, 3, 3), r.shape);
        Close(new double[] { 2, 4, 16 }, r[1, 0]);
        Close(D(r), a.matmul(B())); // [2,3,2] @ [2,3] broadcasts the matrix
        Assert.Equal(S(4, 2, 3, 3), torch.randn(4, 1, 3, 2).matmul(torch.randn(2, 2, 3)).shape);
    }

    [Fact]
    public void Einsum_covers_products_traces_and_transposes()
    {
        using var scope = NewDisposeScope();
        Close(D(A().mm(B())), torch.einsum("ij,jk->ik", A(), B()));
        Close(new double[] { 1, 3, 5, 2, 4, 6 }, torch.einsum("ij->ji", A()), shape: S(2, 3));
        var sq = A().mm(B());
        Assert.Equal(33.0, torch.einsum("ii->", sq).item<double>());
        Close(new double[] { 1, 4, 28 }, torch.einsum("ii->i", sq));
        Close(new double[] { 5, 25, 61 }, torch.einsum("ij,ij->i", A(), A()));
        var x = torch.randn(new long[] { 2, 3, 4 }, ScalarType.Float64);
        var y = torch.randn(new long[] { 2, 4, 5 }, ScalarType.Float64);
        Close(D(x.bmm(y)), torch.einsum("bij,bjk->bik", x, y), 1e-12);
        Assert.Equal(S(3, 2), torch.einsum("i,j->ij", torch.ones(3), torch.ones(2)).shape);
    }

    [Fact]
    public void Softmax_log_softmax_logsumexp_agree_with_each_other()
    {
        using var scope = NewDisposeScope();
        var x = torch.randn(new long[] { 4, 5 }, ScalarType.Float64);
        var lse = x.logsumexp(1, keepdim: true);
        Close(D(x - lse), x.log_softmax(1), 1e-12);
        Close(D((x - lse).exp()), x.softmax(1), 1e-12);
        Close(D(torch.softmax(x, 0).log()), torch.log_softmax(x, 0), 1e-12);
    }
}
