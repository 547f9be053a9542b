namespace MedSsl.Heads;

/// <summary>Which batch norm follows a head's Linear.</summary>
public enum HeadNorm
{
    None,

    /// <summary>BatchNorm1d with γ and β.</summary>
    Affine,

    /// <summary>BatchNorm1d with γ but no β: SimCLR's last head layer ("center=False", model.py), whose
    /// output is L2-normalised anyway.</summary>
    ScaleOnly,
}

/// <summary>
/// One layer of a projection head: Linear(in_features → out_features), then an optional batch norm, then an
/// optional ReLU (lightly's block tuple). The Linear has a bias only when asked and no norm follows: a bias
/// before batch norm is cancelled by the mean subtraction, so SimCLR's code drops it (tf2/model.py).
/// </summary>
public sealed record HeadBlock(long in_features, long out_features, HeadNorm norm = HeadNorm.None, bool relu = false,
                               bool bias = true);
