using MedSsl.Losses;

namespace MedSsl.Tests.Losses;

public sealed class SupervisedLossTests
{
    [Fact]
    public void Cross_entropy_with_label_smoothing_is_the_smoothed_target_formula()
    {
        using var scope = NewDisposeScope();
        var logits = tensor(new float[] { 2, 0, -1, 0.5f, 0.5f, 3 }, 2, 3);
        var labels = tensor(new long[] { 0, 2 });
        double eps = 0.1;
        var logp = logits.log_softmax(1).to(float64).data<double>();
        double expected = 0;
        for (var i = 0; i < 2; i++)
            for (var c = 0; c < 3; c++)
            {
                var target = (c == (i == 0 ? 0 : 2) ? 1 - eps : 0) + eps / 3;
                expected -= target * logp[i * 3 + c] / 2;
            }
        Assert.Equal(expected, new SoftmaxCrossEntropyLoss(label_smoothing: eps).forward(logits, labels).item<float>(), 5);
        Assert.Throws<ArgumentException>(() => new SoftmaxCrossEntropyLoss().forward(logits, tensor(new long[] { 0 })));
    }

    [Fact]
    public void Masked_bce_skips_nan_labels_in_the_sum_and_in_the_mean()
    {
        using var scope = NewDisposeScope();
        var logits = tensor(new float[] { 1.5f, -0.3f, 0.2f, 2.0f, -1.0f, 0.7f }, 2, 3).requires_grad_();
        var labels = tensor(new float[] { 1, float.NaN, 0, float.NaN, 0, 1 }, 2, 3);
        var posWeight = tensor(new float[] { 2, 1, 3 });
        var loss = new MaskedBCEWithLogitsLoss(posWeight).forward(logits, labels);
        loss.backward();

        // By hand over the four labelled entries: −[w·y·log σ(x) + (1 − y)·log(1 − σ(x))], mean over 4.
        (int i, float y)[] labelled = { (0, 1), (2, 0), (4, 0), (5, 1) };
        var x = logits.detach().data<float>();
        var w = new double[] { 2, 1, 3 };
        double expected = labelled.Sum(e =>
        {
            var s = 1 / (1 + Math.Exp(-x[e.i]));
            return -(w[e.i % 3] * e.y * Math.Log(s) + (1 - e.y) * Math.Log(1 - s));
        }) / 4;
        Assert.Equal(expected, loss.item<float>(), 5);
        var grad = logits.grad!.data<float>();
        Assert.Equal(0f, grad[1]);
        Assert.Equal(0f, grad[3]);
        Assert.True(grad.All(float.IsFinite));
    }

    [Fact]
    public void Masked_bce_of_a_batch_without_labels_is_zero_and_backward_works()
    {
        using var scope = NewDisposeScope();
        var logits = randn(2, 2).requires_grad_();
        var loss = new MaskedBCEWithLogitsLoss().forward(logits, full(new long[] { 2, 2 }, double.NaN));
        loss.backward();
        Assert.Equal(0f, loss.item<float>());
        Assert.Equal(0f, logits.grad!.abs().sum().item<float>());
        var e = Assert.Throws<ArgumentException>(() => new MaskedBCEWithLogitsLoss().forward(logits, zeros(2, 3)));
        Assert.Contains("same shape", e.Message);
    }
}
