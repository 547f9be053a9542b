namespace MedSsl.Tests;

/// <summary>Where tests find the shared real data and write their temporary fixtures.</summary>
public static class TestData
{
    /// <summary>The shared data folder (MEDSSL_DATA, or shared/data beside or above the checkout), or null.</summary>
    public static string? Shared => DataPaths.SharedData();

    /// <summary>A file under the shared data folder, or null when it is not there.</summary>
    public static string? SharedFile(string relative) =>
        Shared is { } root && (File.Exists(Path.Combine(root, relative)) || Directory.Exists(Path.Combine(root, relative)))
            ? Path.Combine(root, relative) : null;
}

/// <summary>A fact that is skipped (not failed) when a file of the shared data folder is absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string relative)
    {
        if (TestData.SharedFile(relative) == null) Skip = $"shared data file {relative} not found (set MEDSSL_DATA)";
    }
}

/// <summary>A temporary folder removed after the test.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "medssl-test-" + Guid.NewGuid().ToString("N")[..12]));

    public string Path { get; }

    /// <summary>Writes a text file (creating folders) and returns its full path.</summary>
    public string Write(string relative, string text)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    /// <summary>Writes a fake image file that <see cref="FakeDecoder"/> decodes to a [channels, h, w] image filled with <paramref name="value"/>.</summary>
    public string Image(string relative, byte value, int channels = 1, int h = 2, int w = 3)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, FakeDecoder.Encode(value, channels, h, w));
        return full;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}

/// <summary>
/// Stands in for the image pipeline's JPEG/PNG decoder: the fixture files hold a 3-byte header
/// (channels, height, width) and raw channel-first pixels, so tests can check what a reader loads.
/// </summary>
public sealed class FakeDecoder : IImageDecoder
{
    public static byte[] Encode(byte value, int channels, int h, int w) =>
        new[] { (byte)channels, (byte)h, (byte)w }.Concat(Enumerable.Repeat(value, channels * h * w)).ToArray();

    public Tensor Decode(ReadOnlySpan<byte> bytes, string source)
    {
        if (bytes.Length < 3 || bytes.Length != 3 + bytes[0] * bytes[1] * bytes[2])
            throw new InvalidDataException($"{source}: not a fake test image.");
        return Tensor.FromBytes(bytes[3..], new long[] { bytes[0], bytes[1], bytes[2] }, ScalarType.Byte);
    }
}
