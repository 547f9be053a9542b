namespace MedSsl.Tests.Data;

/// <summary>Native decoding against Pillow/torchvision pixels: JPEGs bit-exact at full and DCT-reduced
/// scale (PIL's draft is libjpeg's scale_denom), PNGs of every colour type and depth.</summary>
public class ImageDecoderGoldenTests
{
    [Theory]
    [MemberData(nameof(ImageGoldens.DecodeNames), MemberType = typeof(ImageGoldens))]
    public void Decode_matches_reference_pixels(string name)
    {
        var golden = ImageGoldens.Decode(name);
        var source = golden.GetProperty("source").GetString()!;
        var bytes = ImageTestData.Bytes(source);
        var mode = ImageGoldens.Mode(golden);
        var expected = ImageGoldens.Shape(golden);
        using var image = ImageGoldens.Denominator(golden) is { } denom
            // The smallest size the reduced decode must still cover: exactly 1/denominator of the original.
            ? torchvision.io.decode_jpeg(bytes, mode, (OriginalSize(bytes).h / denom, OriginalSize(bytes).w / denom))
            : torchvision.io.decode_image(bytes, mode);

        Assert.Equal(expected, image.shape);
        Assert.Equal(ScalarType.Byte, image.dtype);
        var sums = golden.GetProperty("sums").EnumerateArray().Select(s => s.GetInt64()).ToArray();
        for (int c = 0; c < sums.Length; c++)
        {
            using var channel = image.select(0, c).to(ScalarType.Int64);
            using var sum = channel.sum();
            Assert.True(sums[c] == sum.item<long>(), $"{name}: channel {c} sums to {sum.item<long>()}, expected {sums[c]}");
        }
        Assert.Equal(golden.GetProperty("sha256").GetString(), ImageTestData.Sha256(image));
    }

    [Theory]
    [InlineData("dermamnist:images/DermaMNIST_test_00000.jpg", "derma0_rgb")]
    [InlineData("png:grey16.png", "grey16_u8")]
    [InlineData("png:palette.png", "palette_rgb")]
    [InlineData("png:grey_alpha.png", "grey_alpha_rgb")]
    [InlineData("png:grey1.png", "grey1")]
    [InlineData("png:interlaced.png", "interlaced")]
    [InlineData("png:rgb16.png", "rgb16_u8")]
    public void Small_images_match_pixel_for_pixel(string source, string key)
    {
        var expected = ImageGoldens.Array(key);
        var mode = expected.size(0) == 1 ? ImageReadMode.GRAY : ImageReadMode.RGB;
        using var image = torchvision.io.decode_image(ImageTestData.Bytes(source), mode);
        Assert.Equal(expected.shape, image.shape);
        Assert.Equal(expected.data<byte>(), image.data<byte>());
    }

    [Fact]
    public void Png_grey_from_palette_uses_pil_luma()
    {
        using var grey = torchvision.io.decode_png(ImageTestData.Bytes("png:palette.png"), ImageReadMode.GRAY);
        Assert.Equal(ImageGoldens.Array("palette_grey").data<byte>(), grey.data<byte>());
    }

    [Fact]
    public void Grey_alpha_keeps_alpha_only_when_unchanged()
    {
        var bytes = ImageTestData.Bytes("png:grey_alpha.png");
        using var unchanged = torchvision.io.decode_png(bytes);
        Assert.Equal(ImageGoldens.Array("grey_alpha_unchanged").data<byte>(), unchanged.data<byte>());
        using var grey = torchvision.io.decode_png(bytes, ImageReadMode.GRAY);
        Assert.Equal(new long[] { 1, 6, 5 }, grey.shape);
        using var alphaFree = ImageGoldens.Array("grey_alpha_unchanged").select(0, 0).contiguous();
        Assert.Equal(alphaFree.data<byte>(), grey.data<byte>());
    }

    [Theory]
    [InlineData("png:grey16.png", "grey16_raw")]
    [InlineData("png:rgb16.png", "rgb16_raw")]
    public void Sixteen_bit_png_keeps_raw_values_when_allowed(string source, string key)
    {
        using var raw = torchvision.io.decode_png(ImageTestData.Bytes(source), ImageReadMode.UNCHANGED, allow_16_bits: true);
        Assert.Equal(ScalarType.Int32, raw.dtype);
        Assert.Equal(ImageGoldens.Array(key).data<int>(), raw.data<int>());
    }

    [Fact]
    public void Grey_jpeg_in_rgb_mode_replicates_the_channel()
    {
        var bytes = ImageTestData.Bytes("imagenette:train/n02102040/n02102040_1408.JPEG");
        using var grey = torchvision.io.decode_jpeg(bytes);
        using var rgb = torchvision.io.decode_jpeg(bytes, ImageReadMode.RGB);
        Assert.Equal(1, grey.size(0));
        for (int c = 0; c < 3; c++)
        {
            using var channel = rgb.select(0, c).contiguous();
            Assert.Equal(grey.data<byte>(), channel.data<byte>());
        }
    }

    static (int h, int w) OriginalSize(byte[] jpeg)
    {
        using var full = torchvision.io.decode_jpeg(jpeg, ImageReadMode.GRAY);
        return ((int)full.size(1), (int)full.size(2));
    }
}
