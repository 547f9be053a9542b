using System.Text.Json;

namespace MedSsl.Tests.Data;

/// <summary>Golden/image_goldens.json and .npz, written by Golden/make_image_goldens.py (Pillow 9.4,
/// torchvision 0.14, on the system libjpeg-turbo and libpng).</summary>
internal static class ImageGoldens
{
    static readonly Lazy<JsonElement> json = new(() =>
        JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "Golden", "image_goldens.json"))).RootElement);
    static readonly Lazy<Dictionary<string, Tensor>> arrays = new(() =>
        np.load_npz(System.IO.Path.Combine(AppContext.BaseDirectory, "Golden", "image_goldens.npz")));

    /// <summary>Test-case names of the decode goldens ("source mode [1/denominator]").</summary>
    public static IEnumerable<object[]> DecodeNames() => json.Value.GetProperty("decode").EnumerateArray().Select(e => new object[] { Name(e) });
    public static IEnumerable<object[]> ResizeKeys() => json.Value.GetProperty("resize").EnumerateArray().Select(e => new object[] { e.GetProperty("key").GetString()! });

    public static JsonElement Decode(string name) => json.Value.GetProperty("decode").EnumerateArray().Single(e => Name(e) == name);
    public static JsonElement Resize(string key) => json.Value.GetProperty("resize").EnumerateArray().Single(e => e.GetProperty("key").GetString() == key);

    /// <summary>Expected pixels (CHW) stored in the npz.</summary>
    public static Tensor Array(string key) => arrays.Value[key];

    public static long[] Shape(JsonElement e) => e.GetProperty("shape").EnumerateArray().Select(x => x.GetInt64()).ToArray();
    public static int? Denominator(JsonElement e) => e.TryGetProperty("dct_denominator", out var d) ? d.GetInt32() : null;
    public static ImageReadMode Mode(JsonElement e) => Enum.Parse<ImageReadMode>(e.GetProperty("mode").GetString()!);

    static string Name(JsonElement e) =>
        $"{e.GetProperty("source").GetString()} {e.GetProperty("mode").GetString()}" + (Denominator(e) is { } d ? $" 1/{d}" : "");
}
