using MedSsl.Torch;

namespace MedSsl.Data;

/// <summary>
/// Images addressable by row, decoded on demand: the seam between datasets (which know files, labels and
/// cases) and loaders (which batch, augment and prefetch). Implementations must be safe to call from
/// several threads at once.
/// </summary>
public interface IImageSource
{
    /// <summary>Number of rows.</summary>
    int Count { get; }

    /// <summary>Channels of every image (1 grey, 3 RGB).</summary>
    int Channels { get; }

    /// <summary>The image at a row as a uint8 tensor [C, H, W]; the caller owns it.</summary>
    Tensor Load(int row);

    /// <summary>Where a row comes from ("path/to/file.jpg", "file.npz[train_images][17]") for error messages.</summary>
    string Describe(int row);
}
