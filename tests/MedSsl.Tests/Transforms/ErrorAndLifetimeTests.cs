using MedSsl.Transforms;

namespace MedSsl.Tests.Transforms;

/// <summary>Bad input is refused with the shape or setting at fault; intermediates never leak.</summary>
public class ErrorTests
{
    static readonly Generator G = new(1);

    [Fact]
    public void Uint8_into_a_float_transform_points_to_ToFloat()
    {
        using var scope = NewDisposeScope();
        var ex = Assert.Throws<ArgumentException>(() => new RandomHorizontalFlip().Apply(torch.zeros(new long[] { 2, 3, 8, 8 }, torch.uint8), G));
        Assert.Contains("RandomHorizontalFlip", ex.Message);
        Assert.Contains("ToFloat", ex.Message);
        Assert.Contains("[2, 3, 8, 8] uint8", ex.Message);
    }

    [Fact]
    public void Wrong_ranks_channels_and_sizes_name_the_shape()
    {
        using var scope = NewDisposeScope();
        Assert.Contains("[8, 8]", Assert.Throws<ArgumentException>(() => new GaussianBlur(3).Apply(torch.rand(8, 8), G)).Message);
        Assert.Contains("1 or 3 channels", Assert.Throws<ArgumentException>(() => ColorJitter.SimClr().Apply(torch.rand(2, 2, 8, 8), G)).Message);
        Assert.Contains("3 channel statistics", Assert.Throws<ArgumentException>(() => Normalize.ImageNet().Apply(torch.rand(2, 1, 8, 8), G)).Message);
        Assert.Contains("does not fit", Assert.Throws<ArgumentException>(() => new CenterCrop(10).Apply(torch.rand(1, 3, 8, 8), G)).Message);
        Assert.Contains("larger than", Assert.Throws<ArgumentException>(() => new GaussianBlur(9, p: 1).Apply(torch.rand(1, 3, 4, 4), G)).Message);
        Assert.Contains("int16", Assert.Throws<ArgumentException>(() => new ToFloat().Apply(torch.zeros(new long[] { 1, 3, 4, 4 }, torch.int16), G)).Message);
    }

    [Fact]
    public void Settings_out_of_range_are_refused_at_construction()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomHorizontalFlip(1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomHue(0.6));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianBlur(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianBlur(p: -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomResizedCrop(32, scale: (0.5, 0.2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CenterCrop(1.2));
        Assert.Throws<ArgumentException>(() => new ColorJitter());
        Assert.Throws<ArgumentException>(() => new Normalize(new[] { 0.5 }, new[] { 0.0 }));
    }

    [Fact]
    public void Random_apply_of_a_shape_changing_transform_says_why_it_cannot()
    {
        using var scope = NewDisposeScope();
        var ex = Assert.Throws<InvalidOperationException>(() => new RandomApply(new CenterCrop(4), 0.5).Apply(torch.rand(64, 3, 8, 8), G));
        Assert.Contains("shape-keeping", ex.Message);
    }

    [Fact]
    public void Compose_lists_its_steps()
    {
        var text = Presets.ChestXray(64).ToString();
        Assert.Contains("RandomRotation(±45°", text);
        Assert.Contains("ColorJitter(brightness=0.4, contrast=0.4, saturation=0.4, hue=0.1)", text);
        Assert.DoesNotContain("GaussianBlur", text);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TransformsSerialCollection
{
    public const string Name = "Transforms serial";
}

/// <summary>Reads the process-wide live-tensor count, so it runs alone.</summary>
[Collection(TransformsSerialCollection.Name)]
public class LifetimeTests
{
    [Fact]
    public void A_preset_leaves_only_its_result_alive()
    {
        var x = ReproducibilityTests.Images(8, 3, 28, 28);
        var g = new Generator(1);
        var t = Presets.Dermatology(32);
        t.Apply(x, g).Dispose();  // warm-up: lazily created statics
        var before = Tensor.LiveCount;
        for (var i = 0; i < 5; i++)
        {
            using var y = t.Apply(x, g);
            Assert.Equal(before + 1, Tensor.LiveCount);
        }
        Assert.Equal(before, Tensor.LiveCount);
        x.Dispose();
    }

    [Fact]
    public void The_input_is_neither_modified_nor_disposed()
    {
        using var scope = NewDisposeScope();
        var x = torch.rand(4, 3, 16, 16);
        var copy = x.clone();
        foreach (var t in new ITransform[] { Presets.SimClrNatural(16), new ToFloat(), new Compose(), new HistogramEqualization() })
        {
            using var y = t.Apply(x, new Generator(2));
            Assert.False(x.IsDisposed);
            Assert.True(x.equal(copy), $"{t} changed its input");
        }
    }
}
