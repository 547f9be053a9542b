using MedSsl.Torch;

namespace MedSsl.Transforms;

/// <summary>Runs transforms one after the other (torchvision's Compose). Each step frees its intermediates
/// before the next starts.</summary>
public sealed class Compose : Transform
{
    public IReadOnlyList<ITransform> Transforms { get; }

    public Compose(params ITransform[] transforms)
    {
        ArgumentNullException.ThrowIfNull(transforms);
        if (transforms.Any(t => t is null)) throw new ArgumentException("Compose: a transform in the list is null.");
        Transforms = transforms.ToArray();
    }

    // The first step decides what it accepts (ToFloat takes uint8; the others explain that they need floats).
    protected override bool AcceptsIntegers => true;

    protected override Tensor Forward(Tensor x, Generator g)
    {
        var current = x;
        foreach (var t in Transforms)
        {
            var next = t.Apply(current, g);
            if (!ReferenceEquals(current, x)) current.Dispose();  // keep one intermediate alive, not one per step
            current = next;
        }
        return current;
    }

    public override string ToString() =>
        "Compose(\n" + string.Concat(Transforms.Select(t => "  " + t.ToString()!.Replace("\n", "\n  ") + "\n")) + ")";
}
