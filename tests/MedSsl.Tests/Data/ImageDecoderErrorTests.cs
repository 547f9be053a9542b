using MedSsl.Data.Images;

namespace MedSsl.Tests.Data;

/// <summary>Bad input never crashes: corrupt, truncated, unsupported or missing files raise exceptions
/// whose message names the file and says what is wrong.</summary>
public sealed class ImageDecoderErrorTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("medssl-bad-images-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    string Write(string name, byte[] bytes)
    {
        var path = System.IO.Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    static byte[] Jpeg => ImageTestData.Bytes("imagenette:train/n01440764/ILSVRC2012_val_00000293.JPEG");
    static byte[] Png => ImageTestData.Bytes("nih:NIH1000/test/0_normal/00000231_013.png");

    InvalidDataException LoadFails(string path, NativeImageDecoder? decoder = null)
    {
        var source = new ImageFilesSource(new[] { path }, decoder ?? new NativeImageDecoder());
        var e = Assert.Throws<InvalidDataException>(() => source.Load(0));
        Assert.StartsWith(path + ": ", e.Message);
        return e;
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.97)]
    public void Truncated_jpeg_names_the_file(double keep)
    {
        var path = Write("cut.jpg", Jpeg[..(int)(Jpeg.Length * keep)]);
        Assert.Contains("JPEG", LoadFails(path).Message);
        // The resized (DCT-scaled) path fails the same way.
        LoadFails(path, new NativeImageDecoder(ImageReadMode.RGB, (32, 32)));
    }

    [Fact]
    public void Corrupt_jpeg_header_names_the_file()
    {
        var bytes = (byte[])Jpeg.Clone();
        Array.Fill(bytes, (byte)0x5A, 4, 300);  // overwrite the tables after the SOI marker
        Assert.Contains("JPEG", LoadFails(Write("corrupt.jpg", bytes)).Message);
    }

    [Fact]
    public void Truncated_png_names_the_file()
    {
        var e = LoadFails(Write("cut.png", Png[..(Png.Length / 2)]));
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void Png_with_a_damaged_image_chunk_names_the_file()
    {
        var bytes = (byte[])Png.Clone();
        for (int i = 100; i < 140; i++) bytes[i] ^= 0xFF;  // inside IDAT: CRC and zlib both break
        Assert.Contains("PNG", LoadFails(Write("crc.png", bytes)).Message);
    }

    [Fact]
    public void Cmyk_jpeg_is_refused_with_advice()
    {
        var e = LoadFails(Write("cmyk.jpg", ImageTestData.Bytes("jpg:cmyk.jpg")));
        Assert.Contains("CMYK", e.Message);
        using var next = new NativeImageDecoder().Decode(Jpeg, "next");  // the thread's decoder is still usable
        Assert.Equal(new long[] { 3, 224, 224 }, next.shape);
    }

    [Theory]
    [InlineData(new byte[] { 0x42, 0x4D, 0x36, 0x10, 0, 0 }, "BMP")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 }, "GIF")]
    [InlineData(new byte[0], "empty")]
    public void Other_formats_say_what_they_look_like(byte[] bytes, string guess)
    {
        var e = LoadFails(Write("image.jpg", bytes));
        Assert.Contains("not a JPEG or PNG", e.Message);
        Assert.Contains(guess, e.Message);
    }

    [Fact]
    public void Missing_file_names_the_path()
    {
        var path = System.IO.Path.Combine(folder, "nowhere.jpg");
        var source = new ImageFilesSource(new[] { path }, new NativeImageDecoder());
        var e = Assert.Throws<FileNotFoundException>(() => source.Load(0));
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Decoder_names_the_source_it_is_given()
    {
        var decoder = new NativeImageDecoder(ImageReadMode.GRAY);
        var e = Assert.Throws<InvalidDataException>(() => decoder.Decode(new byte[] { 1, 2, 3 }, "scan-17.dcm"));
        Assert.StartsWith("scan-17.dcm: ", e.Message);
    }

    [Fact]
    public void Decoding_keeps_working_after_errors()
    {
        var decoder = new NativeImageDecoder(ImageReadMode.RGB, (16, 16));
        for (int i = 0; i < 3; i++) Assert.Throws<InvalidDataException>(() => decoder.Decode(Jpeg.AsSpan(0, 500), "cut"));
        using var image = decoder.Decode(Jpeg, "whole");
        Assert.Equal(new long[] { 3, 16, 16 }, image.shape);
    }
}
