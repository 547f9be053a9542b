using MedSsl.Torch;

namespace MedSsl.Transforms;

/// <summary>
/// Brightness, contrast, saturation and hue jitter in an order drawn per sample, clipping to [0, 1] after each
/// op (SimCLR <c>color_jitter</c> with <c>random_order=True</c>; torchvision's ColorJitter). A zero strength
/// leaves that op out, as torchvision does.
/// </summary>
public sealed class ColorJitter : Transform
{
    readonly RandomOrder ops;

    public double Brightness { get; }
    public double Contrast { get; }
    public double Saturation { get; }
    public double Hue { get; }

    public ColorJitter(double brightness = 0, double contrast = 0, double saturation = 0, double hue = 0)
    {
        (Brightness, Contrast, Saturation, Hue) = (brightness, contrast, saturation, hue);
        var list = new List<ITransform>();
        if (brightness > 0) list.Add(new RandomBrightness(brightness));
        if (contrast > 0) list.Add(new RandomContrast(contrast));
        if (saturation > 0) list.Add(new RandomSaturation(saturation));
        if (hue > 0) list.Add(new RandomHue(hue));
        if (brightness < 0 || contrast < 0 || saturation < 0 || hue < 0 || list.Count == 0)
            throw new ArgumentException($"ColorJitter: strengths must be ≥ 0 and at least one > 0, got " +
                                        $"({brightness}, {contrast}, {saturation}, {hue}).");
        ops = new RandomOrder(list.ToArray());
    }

    /// <summary>SimCLR's colour jitter of strength s: (0.8s, 0.8s, 0.8s, 0.2s) (SimCLR App. A).</summary>
    public static ColorJitter SimClr(double s = 1.0) => new(0.8 * s, 0.8 * s, 0.8 * s, 0.2 * s);

    protected override Tensor Forward(Tensor x, Generator g)
    {
        RequireChannels(x, 1, 3);
        return ops.Apply(x, g);
    }

    public override string ToString() =>
        $"ColorJitter(brightness={Brightness}, contrast={Contrast}, saturation={Saturation}, hue={Hue})";
}
