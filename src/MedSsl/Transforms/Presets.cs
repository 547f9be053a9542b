namespace MedSsl.Transforms;

/// <summary>
/// The paper's augmentation recipes as ready pipelines. Each takes uint8 or float images [B, C, H, W] (or one
/// [C, H, W]) and returns float32 views of size × size in [0, 1], without mean/std normalisation (SimCLR feeds
/// [0, 1] pixels). Section references are to SimCLR v1 (Chen et al. 2020) and to the MICLe paper as summarised
/// in docs/paper-notes.md.
/// </summary>
public static class Presets
{
    /// <summary>
    /// SimCLR's pretraining views (SimCLR App. A, <c>data_util.py</c>): random resized crop (area 0.08–1, aspect
    /// 3/4–4/3, bicubic), horizontal flip (p 0.5), colour jitter of strength s (0.8s, 0.8s, 0.8s, 0.2s; random
    /// order; p 0.8), grayscale (p 0.2) and, when <paramref name="blur"/>, Gaussian blur (σ ∈ [0.1, 2], kernel 10%
    /// of the side, p 0.5). The official CIFAR recipe turns blur off at 32 px.
    /// </summary>
    public static Compose SimClrNatural(int size, double s = 1.0, bool blur = true)
    {
        var steps = new List<ITransform>
        {
            new ToFloat(),
            new RandomResizedCrop(size),
            new RandomHorizontalFlip(0.5),
            new RandomApply(ColorJitter.SimClr(s), 0.8),
            new RandomGrayscale(0.2),
        };
        if (blur) steps.Add(new GaussianBlur(p: 0.5));
        return new Compose(steps.ToArray());
    }

    /// <summary>Dermatology pretraining (MICLe §2.4 of the notes): the SimCLR recipe unchanged, colour strength
    /// 1.0, blur on.</summary>
    public static Compose Dermatology(int size) => SimClrNatural(size, s: 1.0, blur: true);

    /// <summary>
    /// Chest X-ray pretraining (MICLe §2.4 of the notes): rotation up to ±45° (before the crop, as the REMEDIS
    /// code), random resized crop, flip, SimCLR colour distortion of strength 0.5 and no blur, which the authors
    /// judged to hide the local texture that carries the finding. On grey images only brightness and contrast act.
    /// </summary>
    public static Compose ChestXray(int size) => new(
        new ToFloat(),
        new RandomRotation(45),
        new RandomResizedCrop(size),
        new RandomHorizontalFlip(0.5),
        new RandomApply(ColorJitter.SimClr(0.5), 0.8),
        new RandomGrayscale(0.2));

    /// <summary>Supervised fine-tuning (SimCLR App. B.5): random resized crop and horizontal flip only.</summary>
    public static Compose FineTune(int size) => new(
        new ToFloat(),
        new RandomResizedCrop(size),
        new RandomHorizontalFlip(0.5));

    /// <summary>Evaluation (SimCLR <c>center_crop</c>): keep the central 87.5% of each side, then a bicubic resize
    /// to size × size. Deterministic: the generator is not used.</summary>
    public static Compose Eval(int size) => new(
        new ToFloat(),
        new CenterCrop(0.875),
        new Resize(size, size));
}
