using static MedSsl.Torch.torchvision.transforms;

namespace MedSsl.Tests.Data;

/// <summary>The native resampler against torchvision 0.14's resize(antialias=True) / resized_crop on uint8
/// images (float computation, rounded): at most one grey level apart, and almost everywhere equal.</summary>
public class ImageResizeGoldenTests
{
    [Theory]
    [MemberData(nameof(ImageGoldens.ResizeKeys), MemberType = typeof(ImageGoldens))]
    public void Resize_matches_torchvision_within_one_level(string key)
    {
        var golden = ImageGoldens.Resize(key);
        var size = golden.GetProperty("size").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        using var image = torchvision.io.decode_image(ImageTestData.Bytes(golden.GetProperty("source").GetString()!), ImageReadMode.RGB);
        var crop = golden.GetProperty("crop");
        using var resized = crop.ValueKind == System.Text.Json.JsonValueKind.Null
            ? functional.resize(image, size[0], size[1])
            : functional.resized_crop(image, crop[0].GetInt32(), crop[1].GetInt32(), crop[2].GetInt32(), crop[3].GetInt32(), size[0], size[1]);

        var expected = ImageGoldens.Array(key);
        Assert.Equal(expected.shape, resized.shape);
        var a = resized.data<byte>();
        var b = expected.data<byte>();
        int maxDiff = 0, different = 0;
        for (int i = 0; i < a.Length; i++)
        {
            int d = Math.Abs(a[i] - b[i]);
            maxDiff = Math.Max(maxDiff, d);
            if (d != 0) different++;
        }
        Assert.True(maxDiff <= 1, $"{key}: max difference {maxDiff} grey levels");
        Assert.True(different <= a.Length / 100, $"{key}: {different} of {a.Length} values differ (more than 1%)");
    }
}
