namespace MedSsl.Data;

/// <summary>
/// The harmonised metadata columns every reader fills where its source has the information, so code can
/// group, filter and report subgroups the same way on every dataset. Source columns stay available
/// under their own names next to these.
/// </summary>
public static class MetadataColumns
{
    /// <summary>The patient; where a source has no patient ids (HAM10000) the finest known grouping (the lesion).</summary>
    public const string PatientId = "PatientId";

    /// <summary>The unit of MICLe bags and of leakage-free splits: a lesion (dermatology) or a patient (chest X-ray). Never finer than a patient where patients are known.</summary>
    public const string CaseId = "CaseId";

    /// <summary>The split the source assigned ("train", "val", "test"), if any.</summary>
    public const string Split = "Split";

    /// <summary>The row's index in its source split or file (for joining per-row tables and tracing rows back).</summary>
    public const string Index = "Index";

    /// <summary>Chest X-ray projection ("PA", "AP", "Lateral") or another view label.</summary>
    public const string View = "View";

    /// <summary>Anatomical site of a skin lesion.</summary>
    public const string BodySite = "BodySite";

    /// <summary>Acquisition source or hospital (HAM10000's "dataset"; the synthetic set's site).</summary>
    public const string Site = "Site";

    /// <summary>Age in years, as written by the source.</summary>
    public const string Age = "Age";

    /// <summary>Sex as written by the source.</summary>
    public const string Sex = "Sex";

    /// <summary>The image file relative to the dataset root, for file-based datasets.</summary>
    public const string Path = "Path";
}
