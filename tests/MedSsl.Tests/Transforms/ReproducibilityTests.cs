using MedSsl.Transforms;

namespace MedSsl.Tests.Transforms;

/// <summary>Seeds reproduce runs; samples, seeds and views differ; shapes, dtypes and ranges hold.</summary>
public class ReproducibilityTests
{
    public static TheoryData<string> PresetNames => new() { "SimClrNatural", "Dermatology", "ChestXray", "FineTune", "Eval" };

    internal static Compose Preset(string name, int size) => name switch
    {
        "SimClrNatural" => Presets.SimClrNatural(size),
        "Dermatology" => Presets.Dermatology(size),
        "ChestXray" => Presets.ChestXray(size),
        "FineTune" => Presets.FineTune(size),
        "Eval" => Presets.Eval(size),
        _ => throw new ArgumentException(name),
    };

    /// <summary>A batch of smooth uint8 test images (gradients and blobs), so crops and jitters show.</summary>
    internal static Tensor Images(long b, long c, long h, long w, ulong seed = 7)
    {
        var coarse = torch.rand(new[] { b, c, 4L, 4L }, generator: new Generator(seed));
        return torch.nn.functional.interpolate(coarse, size: (h, w), mode: "bilinear").mul(255).round().to(torch.uint8);
    }

    [Theory]
    [MemberData(nameof(PresetNames))]
    public void Same_seed_gives_identical_views_and_another_seed_other_views(string name)
    {
        using var scope = NewDisposeScope();
        var x = Images(16, 3, 28, 28);
        var t = Preset(name, 32);
        var a = t.Apply(x, new Generator(11));
        var b = t.Apply(x, new Generator(11));
        var c = t.Apply(x, new Generator(12));
        Assert.True(a.equal(b), $"{name}: the same seed gave different views");
        if (name == "Eval") Assert.True(a.equal(c), "Eval is deterministic");
        else Assert.False(a.equal(c), $"{name}: seeds 11 and 12 gave the same views");
    }

    [Theory]
    [MemberData(nameof(PresetNames))]
    public void Presets_return_float32_views_of_the_size_in_the_unit_range(string name)
    {
        using var scope = NewDisposeScope();
        foreach (var c in new long[] { 1, 3 })
        {
            var y = Preset(name, 32).Apply(Images(8, c, 28, 28), new Generator(3));
            Assert.Equal(new long[] { 8, c, 32, 32 }, y.shape);
            Assert.Equal(torch.float32, y.dtype);
            Assert.True(y.min().item<float>() >= 0 && y.max().item<float>() <= 1, $"{name}: values leave [0, 1]");
            Assert.False(y.isnan().any().item<bool>(), $"{name}: NaN in the output");
        }
    }

    [Fact]
    public void One_image_is_treated_as_a_batch_of_one()
    {
        using var scope = NewDisposeScope();
        var batch = Images(1, 3, 28, 28);
        var t = Presets.Dermatology(32);
        var single = t.Apply(batch[0], new Generator(5));
        Assert.Equal(new long[] { 3, 32, 32 }, single.shape);
        Assert.True(single.equal(t.Apply(batch, new Generator(5))[0]));
    }

    [Fact]
    public void Float64_batches_stay_float64()
    {
        using var scope = NewDisposeScope();
        var x = Images(4, 3, 28, 28).to(torch.float64) / 255;
        var y = Presets.SimClrNatural(24).Apply(x, new Generator(2));
        Assert.Equal(torch.float64, y.dtype);
        Assert.Equal(new long[] { 4, 3, 24, 24 }, y.shape);
    }

    [Fact]
    public void An_empty_batch_comes_back_empty()
    {
        using var scope = NewDisposeScope();
        var y = Presets.Dermatology(32).Apply(torch.zeros(new long[] { 0, 3, 28, 28 }, torch.uint8), new Generator(1));
        Assert.Equal(0, y.size(0));
    }

    [Fact]
    public void Two_views_are_independent_draws_of_one_recipe()
    {
        using var scope = NewDisposeScope();
        var x = Images(8, 3, 28, 28);
        var views = MultiViewTransform.TwoViews(Presets.Dermatology(32)).Apply(x, new Generator(9));
        Assert.Equal(2, views.Length);
        Assert.False(views[0].equal(views[1]));
        // Same generator state, same pair: the second view continues the first view's stream.
        var g = new Generator(9);
        var first = Presets.Dermatology(32).Apply(x, g);
        var second = Presets.Dermatology(32).Apply(x, g);
        Assert.True(views[0].equal(first) && views[1].equal(second));
    }

    [Fact]
    public void Transforms_share_safely_across_threads_with_one_generator_each()
    {
        using var scope = NewDisposeScope();
        var x = Images(16, 3, 28, 28);
        var t = Presets.Dermatology(32);
        var expected = Enumerable.Range(0, 4).Select(i => t.Apply(x, new Generator((ulong)i)).data<float>()).ToArray();
        var actual = new float[4][];
        Parallel.For(0, 4, i =>
        {
            using var threadScope = NewDisposeScope();
            actual[i] = t.Apply(x, new Generator((ulong)i)).data<float>();
        });
        for (var i = 0; i < 4; i++) Assert.Equal(expected[i], actual[i]);
    }
}
