namespace MedSsl.Data;

/// <summary>
/// Where readers send a row they cannot use: thrown at once under <see cref="BadRows.Throw"/>, collected
/// (and later reported in <see cref="MedicalDataset.SkippedRows"/>) under <see cref="BadRows.Skip"/>.
/// </summary>
public sealed class RowIssues
{
    readonly List<DatasetException> skipped = new();

    public RowIssues(BadRows policy) => Policy = policy;

    public BadRows Policy { get; }

    public IReadOnlyList<DatasetException> Skipped => skipped;

    public void Add(DatasetException problem)
    {
        if (Policy == BadRows.Throw) throw problem;
        skipped.Add(problem);
    }
}

/// <summary>How readers treat their input.</summary>
public sealed record ReadOptions
{
    /// <summary>Decodes image files (JPEG, PNG); without one a file-based dataset can be inspected, not loaded.</summary>
    public IImageDecoder? Decoder { get; init; }

    /// <summary>Stop at the first bad row (default) or skip bad rows and report them.</summary>
    public BadRows BadRows { get; init; } = BadRows.Throw;

    /// <summary>Check when reading that every image file a CSV names exists (CheXpert), so a missing file fails now
    /// and not mid-training. Readers that scan their folder (HAM10000, NIH, ImageFolder) always know.</summary>
    public bool CheckFiles { get; init; } = true;

    public static ReadOptions Default { get; } = new();
}
