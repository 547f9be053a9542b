namespace MedSsl.Data;

/// <summary>What the label matrix of a dataset means.</summary>
public enum TaskKind
{
    /// <summary>One class per image: <see cref="MedicalDataset.Targets"/> holds the class index, the label matrix its one-hot row.</summary>
    Multiclass,

    /// <summary>Any number of findings per image: the label matrix holds 1, 0 or NaN (not labelled, or uncertain).</summary>
    Multilabel,

    /// <summary>No labels (self-supervised pretraining): the label matrix has no columns.</summary>
    Unlabeled,
}
