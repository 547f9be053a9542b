using static MedSsl.Torch.torchvision.transforms;

namespace MedSsl.Torch.Tests;

/// <summary>The native antialiased resampler: invariants that hold whatever the reference (torchvision
/// parity itself is checked against goldens in MedSsl.Tests).</summary>
public class VisionResizeTests
{
    static Tensor Random(long c, long h, long w, ulong seed = 1)
    {
        using var g = new Generator(seed);
        return torch.randint(0, 256, new[] { c, h, w }, ScalarType.Byte, generator: g);
    }

    [Theory]
    [InlineData(40, 40)]
    [InlineData(7, 93)]
    [InlineData(130, 20)]
    public void Constant_images_stay_constant(int h, int w)
    {
        using var image = torch.full(new long[] { 3, 50, 60 }, 173, ScalarType.Byte);
        using var resized = functional.resize(image, h, w);
        Assert.Equal(new long[] { 3, h, w }, resized.shape);
        Assert.All(resized.data<byte>(), v => Assert.Equal(173, v));
    }

    [Fact]
    public void Same_size_is_an_exact_copy()
    {
        using var image = Random(3, 31, 45);
        using var same = functional.resize(image, 31, 45);
        Assert.Equal(image.data<byte>(), same.data<byte>());
    }

    [Fact]
    public void Interleaved_and_batched_inputs_give_the_same_pixels()
    {
        using var image = Random(3, 64, 48);
        using var expected = functional.resize(image, 20, 30);
        using var hwc = image.permute(1, 2, 0).contiguous();
        using var interleaved = hwc.permute(2, 0, 1);  // channels-last memory, [C, H, W] view
        using var fromInterleaved = functional.resize(interleaved, 20, 30);
        Assert.Equal(expected.data<byte>(), fromInterleaved.data<byte>());
        using var batch = torch.stack(new[] { image, image });
        using var batched = functional.resize(batch, 20, 30);
        Assert.Equal(new long[] { 2, 3, 20, 30 }, batched.shape);
        using var second = batched.select(0, 1).contiguous();
        Assert.Equal(expected.data<byte>(), second.data<byte>());
    }

    [Fact]
    public void Resized_crop_equals_resizing_a_copied_crop()
    {
        using var image = Random(1, 60, 70);
        using var crop = image.narrow(1, 11, 30).narrow(2, 5, 41).contiguous();
        using var expected = functional.resize(crop, 15, 12);
        using var actual = functional.resized_crop(image, 11, 5, 30, 41, 15, 12);
        Assert.Equal(expected.data<byte>(), actual.data<byte>());
    }

    [Theory]
    [InlineData(100, 60, 30, 50, 30)]
    [InlineData(60, 100, 30, 30, 50)]
    [InlineData(64, 64, 32, 32, 32)]
    public void Int_size_resizes_the_shorter_side(int h, int w, int size, int expectH, int expectW)
    {
        using var image = Random(1, h, w);
        using var resized = functional.resize(image, size);
        Assert.Equal(new long[] { 1, expectH, expectW }, resized.shape);
    }

    [Fact]
    public void Downscaling_averages_instead_of_aliasing()
    {
        // A one-pixel checkerboard shrunk 4x: an antialiased filter gives mid-grey, point sampling 0 or 255.
        var values = new byte[64 * 64];
        for (int i = 0; i < values.Length; i++) values[i] = (byte)(((i / 64) + (i % 64)) % 2 == 0 ? 0 : 255);
        using var board = torch.tensor(values, 1, 64, 64);
        using var small = functional.resize(board, 16, 16);
        Assert.All(small.data<byte>()[17..^17], v => Assert.InRange(v, (byte)120, (byte)135));
    }

    [Fact]
    public void Bad_inputs_raise_clear_errors()
    {
        using var floats = torch.zeros(3, 8, 8);
        Assert.Contains("uint8", Assert.Throws<ArgumentException>(() => functional.resize(floats, 4, 4)).Message);
        using var image = Random(3, 8, 8);
        Assert.Throws<ArgumentOutOfRangeException>(() => functional.resize(image, 0, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => functional.resized_crop(image, 4, 4, 8, 8, 2, 2));
    }
}
