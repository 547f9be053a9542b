using MedSsl.Heads;
using MedSsl.Torch;
using MedSsl.Torch.Modules;
using static MedSsl.Torch.torch.nn;
using MedSsl.Torch.Optim;

namespace MedSsl.Training;

/// <summary>
/// solo-learn's online linear probe: a <see cref="LinearClassifier"/> trained on the detached features h of
/// each pretraining batch with its own Adam optimizer, so the encoder never sees a label. Its accuracy on each
/// batch, measured before the probe's update (so on data it has not fitted yet), tells within minutes whether
/// the features are getting more linearly separable. Rows with an unknown class (-1) are left out.
/// </summary>
public sealed class OnlineLinearProbe : Module<Tensor, Tensor>
{
    public readonly LinearClassifier classifier;
    readonly Queue<(int correct, int count)> window = new();

    public OnlineLinearProbe(long in_features, int num_classes, double lr = 1e-3, int window_batches = 20)
    {
        classifier = new LinearClassifier(in_features, num_classes);
        RegisterComponents();
        optimizer = torch.optim.Adam(parameters(), lr: lr);
        this.window_batches = window_batches;
    }

    public Optimizer optimizer { get; }
    public int window_batches { get; }

    /// <summary>Accuracy over the last <see cref="window_batches"/> batches (NaN before the first).</summary>
    public double accuracy => window.Sum(w => w.count) is var n and > 0 ? (double)window.Sum(w => w.correct) / n : double.NaN;

    public override Tensor forward(Tensor features) => classifier.call(features);

    /// <summary>One update on detached features [B, D] and classes [B].</summary>
    public void step(Tensor features, Tensor labels)
    {
        using var scope = torch.NewDisposeScope();
        var known = labels.ge(0);
        var n = (int)known.sum().item<long>();
        if (n == 0) return;
        var x = features.detach().index_select(0, known.nonzero().flatten());
        var y = labels.index_select(0, known.nonzero().flatten());
        optimizer.zero_grad();
        var logits = forward(x);
        var correct = (int)logits.argmax(1).eq(y).sum().item<long>();
        torch.nn.functional.cross_entropy(logits, y).backward();
        optimizer.step();
        window.Enqueue((correct, n));
        while (window.Count > window_batches) window.Dequeue();
    }
}
