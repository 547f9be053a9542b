namespace MedSsl.Torch.Tests;

/// <summary>torchvision.io in C#: encode/decode round trips, read modes, DCT-scaled sizes, argument errors.</summary>
public class VisionCodecTests
{
    /// <summary>A deterministic image with structure in every channel.</summary>
    static Tensor Pattern(int channels, int height, int width)
    {
        var values = new byte[channels * height * width];
        for (int c = 0; c < channels; c++)
            for (int y = 0; y < height; y++)
                for (int x = 0; x < width; x++)
                    values[(c * height + y) * width + x] = (byte)(x * 7 + y * 3 + c * 50 + (x * y) % 11);
        return torch.tensor(values, channels, height, width);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Png_round_trip_is_lossless(int channels)
    {
        using var image = Pattern(channels, 13, 17);
        using var png = torchvision.io.encode_png(image);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png.data<byte>()[..4]);
        using var back = torchvision.io.decode_png(png.AsSpan<byte>());
        Assert.Equal(image.shape, back.shape);
        Assert.Equal(image.data<byte>(), back.data<byte>());
    }

    [Fact]
    public void Png_of_a_non_contiguous_image_encodes_its_values()
    {
        using var image = Pattern(3, 8, 10);
        using var flipped = image.transpose(1, 2);  // [3, 10, 8] view
        using var png = torchvision.io.encode_png(flipped);
        using var back = torchvision.io.decode_png(png.AsSpan<byte>());
        using var expected = flipped.contiguous();
        Assert.Equal(expected.data<byte>(), back.data<byte>());
    }

    [Fact]
    public void Read_modes_convert_channels()
    {
        using var rgba = Pattern(4, 5, 6);
        using var png = torchvision.io.encode_png(rgba);
        using var rgb = torchvision.io.decode_png(png.AsSpan<byte>(), ImageReadMode.RGB);
        using var rgbExpected = rgba.narrow(0, 0, 3).contiguous();
        Assert.Equal(rgbExpected.data<byte>(), rgb.data<byte>());  // alpha dropped
        using var grey = torchvision.io.decode_png(png.AsSpan<byte>(), ImageReadMode.GRAY);
        Assert.Equal(new long[] { 1, 5, 6 }, grey.shape);
        var (r, g, b, l) = (rgb.data<byte>(), rgb.data<byte>()[30..], rgb.data<byte>()[60..], grey.data<byte>());
        for (int i = 0; i < 30; i++)  // PIL's convert("L"): ITU-R 601-2 luma, rounded
            Assert.Equal((byte)((r[i] * 19595 + g[i] * 38470 + b[i] * 7471 + 0x8000) >> 16), l[i]);
    }

    [Fact]
    public void Jpeg_round_trip_is_close_and_grey_stays_grey()
    {
        using var scope = NewDisposeScope();
        // Smooth content: JPEG (4:2:0 chroma) is meant for photographs, not per-channel noise.
        using var ramp = torch.arange(0, 48 * 64, 1, ScalarType.Float32).reshape(1, 48, 64);
        using var image = ramp.mul(0.03).add(torch.tensor(new float[] { 10, 60, 110 }, 3, 1, 1)).to(ScalarType.Byte);
        using var jpeg = torchvision.io.encode_jpeg(image, quality: 95);
        using var back = torchvision.io.decode_jpeg(jpeg);
        Assert.Equal(image.shape, back.shape);
        using var diff = back.to(ScalarType.Float32).sub(image.to(ScalarType.Float32)).abs().mean();
        Assert.True(diff.item<float>() < 1.5, $"mean error {diff.item<float>()}");
        using var grey = torchvision.io.encode_jpeg(Pattern(1, 16, 16));
        using var greyBack = torchvision.io.decode_image(grey.AsSpan<byte>());
        Assert.Equal(new long[] { 1, 16, 16 }, greyBack.shape);
    }

    [Theory]
    [InlineData(0, 0, 100, 80)]   // no hint: full size
    [InlineData(60, 50, 100, 80)] // 1/2 would be 50x40: too small, so full size
    [InlineData(50, 40, 50, 40)]  // exactly half
    [InlineData(20, 10, 25, 20)]  // 1/4
    [InlineData(1, 1, 13, 10)]    // 1/8, sizes rounded up
    public void Jpeg_min_size_picks_the_smallest_dct_scale_that_covers_it(int minH, int minW, int expectH, int expectW)
    {
        using var image = Pattern(3, 100, 80);
        using var jpeg = torchvision.io.encode_jpeg(image);
        using var decoded = torchvision.io.decode_jpeg(jpeg.AsSpan<byte>(), ImageReadMode.RGB, minH > 0 ? (minH, minW) : null);
        Assert.Equal(new long[] { 3, expectH, expectW }, decoded.shape);
    }

    [Fact]
    public void Decode_image_resizes_in_the_same_call()
    {
        using var image = Pattern(3, 100, 80);
        using var png = torchvision.io.encode_png(image);
        using var direct = torchvision.io.decode_image(png.AsSpan<byte>(), ImageReadMode.RGB, (30, 20));
        using var expected = torchvision.transforms.functional.resize(image, 30, 20);
        Assert.Equal(expected.data<byte>(), direct.data<byte>());
        using var cropped = torchvision.io.decode_image(png.AsSpan<byte>(), ImageReadMode.GRAY, (16, 16), ResizeFit.CenterCrop);
        Assert.Equal(new long[] { 1, 16, 16 }, cropped.shape);
    }

    [Fact]
    public void Jpeg_decode_image_scales_in_the_dct_domain_only_within_the_reducing_gap()
    {
        using var scope = NewDisposeScope();
        var jpeg = torchvision.io.encode_jpeg(Pattern(3, 100, 80), quality: 90).data<byte>();
        var full = torchvision.io.decode_jpeg(jpeg, ImageReadMode.RGB);
        var half = torchvision.io.decode_jpeg(jpeg, ImageReadMode.RGB, (50, 40));
        // 30x20 output: 1/2 (50x40) leaves 1.67x >= 1.5x, 1/4 (25x20) would not.
        var byDefault = torchvision.io.decode_image(jpeg, ImageReadMode.RGB, (30, 20));
        Assert.Equal(torchvision.transforms.functional.resize(half, 30, 20).data<byte>(), byDefault.data<byte>());
        var exact = torchvision.io.decode_image(jpeg, ImageReadMode.RGB, (30, 20), reducing_gap: null);
        Assert.Equal(torchvision.transforms.functional.resize(full, 30, 20).data<byte>(), exact.data<byte>());
        // A gap of 2 forbids 1/2 here (50 < 2 x 30): same as the full decode.
        var gap2 = torchvision.io.decode_image(jpeg, ImageReadMode.RGB, (30, 20), reducing_gap: 2);
        Assert.Equal(exact.data<byte>(), gap2.data<byte>());
        Assert.Throws<ArgumentOutOfRangeException>(() => torchvision.io.decode_image(jpeg, ImageReadMode.RGB, (30, 20), reducing_gap: 0.5));
    }

    [Fact]
    public void Encoded_bytes_as_a_tensor_decode_too()
    {
        using var image = Pattern(3, 9, 9);
        using var png = torchvision.io.encode_png(image);
        using var back = torchvision.io.decode_image(png);
        Assert.Equal(image.data<byte>(), back.data<byte>());
    }

    [Fact]
    public void Bad_arguments_raise_clear_errors()
    {
        using var floats = torch.zeros(3, 4, 4);
        var e = Assert.Throws<TorchException>(() => torchvision.io.encode_png(floats));
        Assert.Contains("uint8", e.Message);
        using var five = torch.zeros(new long[] { 5, 4, 4 }, ScalarType.Byte);
        Assert.Contains("channels", Assert.Throws<TorchException>(() => torchvision.io.encode_png(five)).Message);
        using var ok = Pattern(3, 4, 4);
        Assert.Throws<TorchException>(() => torchvision.io.encode_jpeg(ok, quality: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => torchvision.io.decode_png(new byte[8], (ImageReadMode)2));
        var bad = Assert.Throws<InvalidDataException>(() => torchvision.io.decode_png(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 }));
        Assert.Contains("not a PNG", bad.Message);
    }

    [Fact]
    public void Read_image_names_the_file_of_bad_data()
    {
        var path = Path.Combine(Path.GetTempPath(), $"medssl-bad-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(path, new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 });
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => torchvision.io.read_image(path));
            Assert.StartsWith(path + ": ", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
