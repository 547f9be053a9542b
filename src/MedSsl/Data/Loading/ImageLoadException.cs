namespace MedSsl.Data.Loading;

/// <summary>Loading or transforming one row failed; names the row and where it comes from.</summary>
public sealed class ImageLoadException : Exception
{
    public ImageLoadException(int row, string description, string stage, Exception inner)
        : base($"Row {row} ({description}): {stage} failed: {inner.Message}", inner)
    {
        Row = row;
        Description = description;
    }

    public int Row { get; }

    /// <summary>The source's <see cref="IImageSource.Describe"/> of the row.</summary>
    public string Description { get; }
}
