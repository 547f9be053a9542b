namespace MedSsl.Torch;

/// <summary>How to read an image's channels (torchvision.io.ImageReadMode, same numbers).</summary>
public enum ImageReadMode
{
    /// <summary>As stored: grey 1, RGB 3; PNG alpha kept (grey+alpha 2, RGBA 4).</summary>
    UNCHANGED = 0,
    /// <summary>One channel: a JPEG's stored luma; RGB PNGs through PIL's convert("L") weights.</summary>
    GRAY = 1,
    /// <summary>Three channels: grey replicated, alpha dropped.</summary>
    RGB = 3,
}

/// <summary>How decode-and-resize maps an image onto a size of another aspect ratio.</summary>
public enum ResizeFit
{
    /// <summary>Resample the whole image to the size (torchvision's Resize((h, w))).</summary>
    Stretch = 0,
    /// <summary>Resample the largest centred region with the size's aspect ratio (Resize then CenterCrop).</summary>
    CenterCrop = 1,
}
