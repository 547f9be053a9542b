using MedSsl.Data;
using MedSsl.Data.Loading;
using MedSsl.Heads;
using MedSsl.Losses;
using MedSsl.Models;
using MedSsl.Torch;

namespace MedSsl.Methods;

/// <summary>
/// Supervised training of encoder + linear head on h (fine-tuning from layer 0, SimCLR v1 and MICLe,
/// paper-notes §2.6): softmax cross entropy for a multiclass task (the Derm task), per-label sigmoid BCE with
/// NaN masks for a multilabel one (the CXR task). From random init it is the supervised baseline.
/// </summary>
public sealed class Supervised : TrainingMethod
{
    public readonly LinearClassifier classifier;
    readonly SoftmaxCrossEntropyLoss? ce;
    readonly MaskedBCEWithLogitsLoss? bce;

    public Supervised(EncoderSpec spec, int num_classes, TaskKind task = TaskKind.Multiclass) : this(spec.Create(), spec, num_classes, task) { }

    Supervised(ResNet encoder, EncoderSpec spec, int num_classes, TaskKind task) : base(encoder, spec)
    {
        if (task == TaskKind.Unlabeled) throw new ArgumentException("Supervised: the task has no labels; use SimClr or Micle.");
        this.task = task;
        classifier = new LinearClassifier(encoder.num_features, num_classes);
        if (task == TaskKind.Multiclass) ce = new SoftmaxCrossEntropyLoss();
        else bce = new MaskedBCEWithLogitsLoss();
        RegisterComponents();
    }

    public TaskKind task { get; }
    public override string name => "supervised";

    public override IBatchSampler sampler(IReadOnlyList<int> caseOfRow, int batch_size) =>
        new SupervisedSampler(caseOfRow.Count, batch_size, shuffle: true, dropLast: false);

    /// <summary>Class logits [N, C] (or per-label logits [N, L]).</summary>
    public Tensor logits(Tensor x)
    {
        using var h = forward(x);
        return classifier.call(h);
    }

    public override StepOutput training_step(Training.TrainBatch batch)
    {
        var labels = batch.labels ?? throw new ArgumentException("Supervised: the batch has no labels.");
        using var scope = torch.NewDisposeScope();
        var h = forward(batch.views[0]);
        var out_ = classifier.call(h);
        var loss = ce is not null ? ce.call(out_, labels) : bce!.call(out_, labels);
        return new StepOutput(loss.MoveToOuterDisposeScope(), h.detach().MoveToOuterDisposeScope());
    }
}
