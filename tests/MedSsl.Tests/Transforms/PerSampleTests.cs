using MedSsl.Transforms;

namespace MedSsl.Tests.Transforms;

/// <summary>Every random decision is taken per sample: identical inputs come out different, at the stated rates.</summary>
public class PerSampleTests
{
    /// <summary>n copies of one image.</summary>
    static Tensor Copies(long n, long c = 3, long side = 28) =>
        ReproducibilityTests.Images(1, c, side, side).to(torch.float32).div(255).expand(n, c, side, side).contiguous();

    static int DistinctSamples(Tensor y) =>
        Enumerable.Range(0, (int)y.size(0)).Select(i => string.Join(",", y[i].data<float>().Take(200))).Distinct().Count();

    public static TheoryData<string> RandomTransforms => new()
    {
        "crop", "jitter", "brightness", "contrast", "saturation", "hue", "blur", "rotation", "elastic",
    };

    static ITransform Make(string name) => name switch
    {
        "crop" => new RandomResizedCrop(20),
        "jitter" => ColorJitter.SimClr(1.0),
        "brightness" => new RandomBrightness(0.8),
        "contrast" => new RandomContrast(0.8),
        "saturation" => new RandomSaturation(0.8),
        "hue" => new RandomHue(0.2),
        "blur" => new GaussianBlur(5, p: 1),
        "rotation" => new RandomRotation(45),
        "elastic" => new ElasticDeformation(),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(RandomTransforms))]
    public void Identical_samples_in_one_batch_get_different_draws(string name)
    {
        using var scope = NewDisposeScope();
        var y = Make(name).Apply(Copies(12), new Generator(4));
        Assert.Equal(12, DistinctSamples(y));
    }

    [Fact]
    public void Flip_rate_is_p()
    {
        using var scope = NewDisposeScope();
        // 4000 two-pixel images [0, 1]: flipped ones read [1, 0].
        var x = torch.tensor(new float[] { 0, 1 }, 1, 1, 1, 2).expand(4000, 1, 1, 2);
        foreach (var p in new[] { 0.5, 0.2 })
        {
            var y = new RandomHorizontalFlip(p).Apply(x, new Generator(21));
            var rate = y[.., 0, 0, 0].mean().item<float>();
            Assert.InRange(rate, p - 0.03, p + 0.03);   // ±4 standard errors
        }
    }

    [Fact]
    public void Grayscale_blur_and_random_apply_rates_are_p()
    {
        using var scope = NewDisposeScope();
        // Half-bright red: greying lifts green above 0; any brightness factor but 1 moves red off 0.5.
        var x = torch.tensor(new float[] { 0.5f, 0, 0 }, 1, 3, 1, 1).expand(4000, 3, 1, 1);
        var grey = new RandomGrayscale(0.2).Apply(x, new Generator(5));
        Assert.InRange(grey[.., 1, 0, 0].gt(0).to(torch.float32).mean().item<float>(), 0.17, 0.23);
        var applied = new RandomApply(new RandomBrightness(0.5), 0.8).Apply(x, new Generator(6));
        Assert.InRange(applied[.., 0, 0, 0].ne(0.5).to(torch.float32).mean().item<float>(), 0.77, 0.83);
        var impulses = torch.zeros(4000, 1, 3, 3);
        impulses[.., .., 1, 1] = 1;
        var blurred = new GaussianBlur(3, p: 0.5, sigmaMin: 0.5).Apply(impulses, new Generator(7));
        Assert.InRange(blurred[.., 0, 1, 1].lt(1).to(torch.float32).mean().item<float>(), 0.47, 0.53);
    }

    [Fact]
    public void Crop_boxes_stay_inside_the_image_within_the_area_and_aspect_bounds()
    {
        using var scope = NewDisposeScope();
        const long n = 5000, h = 28, w = 28;
        var boxes = RandomResizedCrop.SampleBoxes(new Generator(8), n, h, w, (0.08, 1.0), (3.0 / 4, 4.0 / 3)).to(torch.float64);
        var (top, left, bh, bw) = (boxes[.., 0], boxes[.., 1], boxes[.., 2], boxes[.., 3]);
        Assert.True(top.ge(0).all().item<bool>() && left.ge(0).all().item<bool>());
        Assert.True((top + bh).le(h).all().item<bool>() && (left + bw).le(w).all().item<bool>());
        // Rounding box sides to whole pixels moves area and aspect a little past the bounds on a 28-px image.
        var area = bh * bw / (h * w);
        var aspect = bw / bh;
        Assert.InRange(area.min().item<double>(), 0.08 * 0.75, 0.2);
        Assert.InRange(area.max().item<double>(), 0.9, 1.0);
        Assert.InRange(aspect.min().item<double>(), 0.75 * 0.8, 0.8);
        Assert.InRange(aspect.max().item<double>(), 1.25, 4.0 / 3 * 1.25);
        // Offsets are spread over the free room: the mean of top / (h − box) is near 1/2.
        var hasRoom = bh.lt(h);
        var position = (top / (h - bh)).masked_select(hasRoom);
        Assert.InRange(position.mean().item<double>(), 0.45, 0.55);
    }

    [Fact]
    public void Crop_sampler_on_a_large_image_keeps_the_exact_bounds()
    {
        using var scope = NewDisposeScope();
        var boxes = RandomResizedCrop.SampleBoxes(new Generator(9), 5000, 1000, 1000, (0.08, 1.0), (3.0 / 4, 4.0 / 3)).to(torch.float64);
        var area = boxes[.., 2] * boxes[.., 3] / 1e6;
        var aspect = boxes[.., 3] / boxes[.., 2];
        Assert.True(area.ge(0.0795).all().item<bool>() && area.le(1).all().item<bool>());
        Assert.True(aspect.ge(0.745).all().item<bool>() && aspect.le(1.34).all().item<bool>());
        // log-uniform aspect: as many wide boxes as tall ones.
        Assert.InRange(aspect.gt(1).to(torch.float64).mean().item<double>(), 0.45, 0.55);
    }

    [Fact]
    public void Crop_sampler_falls_back_to_a_centred_box_when_nothing_fits()
    {
        using var scope = NewDisposeScope();
        // A 2 × 40 strip cannot hold a box of aspect ≤ 4/3 with area ≥ 0.5: torchvision's fallback is the
        // whole height and width round(2 · 4/3) = 3, centred.
        var boxes = RandomResizedCrop.SampleBoxes(new Generator(1), 50, 2, 40, (0.5, 1.0), (3.0 / 4, 4.0 / 3));
        Assert.True(boxes.equal(torch.tensor(new long[] { 0, 18, 2, 3 }, 1, 4).expand(50, 4)));
    }

    sealed class AddQuarter : Transform
    {
        protected override Tensor Forward(Tensor x, Generator g) => x + 0.25;
    }

    sealed class Double : Transform
    {
        protected override Tensor Forward(Tensor x, Generator g) => x * 2;
    }

    [Fact]
    public void Random_order_draws_an_order_per_sample()
    {
        using var scope = NewDisposeScope();
        // (0.1 + 0.25)·2 = 0.7 when adding first, 0.1·2 + 0.25 = 0.45 when doubling first.
        var y = new RandomOrder(new AddQuarter(), new Double()).Apply(torch.full(new long[] { 2000, 1, 1, 1 }, 0.1), new Generator(3));
        var addFirst = y.sub(0.7).abs().lt(1e-6);
        var doubleFirst = y.sub(0.45).abs().lt(1e-6);
        Assert.True((addFirst | doubleFirst).all().item<bool>());
        Assert.InRange(addFirst.to(torch.float32).mean().item<float>(), 0.46, 0.54);
    }

    [Fact]
    public void Blur_sigma_and_rotation_angle_vary_per_sample_within_their_ranges()
    {
        using var scope = NewDisposeScope();
        // An impulse blurred with σ keeps a centre weight between that of σ = 2 and σ = 0.1.
        var impulse = torch.zeros(200, 1, 9, 9);
        impulse[.., .., 4, 4] = 1;
        var centre = new GaussianBlur(9, p: 1).Apply(impulse, new Generator(2))[.., 0, 4, 4];
        var lo = GaussianBlur.gaussian_blur(impulse[..1], 9, torch.tensor(new[] { 2.0 }))[0, 0, 4, 4].item<float>();
        Assert.True(centre.ge(lo - 1e-6).all().item<bool>() && centre.le(1 + 1e-6).all().item<bool>());
        Assert.True(centre.std().item<float>() > 0.05);
    }
}
