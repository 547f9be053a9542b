using MedSsl.Torch;

namespace MedSsl.Transforms;

/// <summary>uint8 images (0..255) to float32 in [0, 1], as torchvision's ConvertImageDtype; float input passes
/// through unchanged. Presets start with it so image sources can hand over raw bytes.</summary>
public sealed class ToFloat : Transform
{
    protected override bool AcceptsIntegers => true;

    protected override Tensor Forward(Tensor x, Generator g)
    {
        if (x.is_floating_point()) return x;
        if (x.dtype != torch.uint8)
            throw new ArgumentException($"{Name}: expected uint8 (0..255) or float images, got {Describe(x)}.");
        return x.to(torch.float32).div_(255.0);
    }
}
