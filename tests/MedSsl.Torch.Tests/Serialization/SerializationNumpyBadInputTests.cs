using System.IO.Compression;
using System.Text;
using static MedSsl.Torch.Tests.SerializationFixtures;

namespace MedSsl.Torch.Tests;

public class SerializationNumpyBadInputTests
{
    [Fact]
    public void Big_endian_arrays_are_not_supported()
    {
        var ex = Assert.Throws<NotSupportedException>(() => np.load(Golden("big_endian.npy")));
        Assert.Contains(Golden("big_endian.npy"), ex.Message);
        Assert.Contains("big-endian dtype '>f4'", ex.Message);
    }

    [Fact]
    public void Object_arrays_are_never_unpickled()
    {
        var ex = Assert.Throws<NotSupportedException>(() => np.load(Golden("objects.npy")));
        Assert.Contains(Golden("objects.npy"), ex.Message);
        Assert.Contains("object arrays", ex.Message);
    }

    [Fact]
    public void Truncated_data_names_the_file_and_the_missing_bytes()
    {
        using var dir = new Scratch();
        var bytes = File.ReadAllBytes(Golden("f4.npy"));
        File.WriteAllBytes(dir.File("cut.npy"), bytes[..^5]);
        var ex = Assert.Throws<InvalidDataException>(() => np.load(dir.File("cut.npy")));
        Assert.Contains($"{dir.File("cut.npy")}: data is truncated (19 of 24 bytes present)", ex.Message);
    }

    [Theory]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", "")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (2, -3), }", "negative dimension")]
    [InlineData("{'descr': '<f4', 'fortran_order': 0, 'shape': (2, 3), }", "'fortran_order' is not True/False")]
    [InlineData("{'descr': '<f4', 'shape': (2, 3), }", "needs exactly 'descr', 'fortran_order' and 'shape'")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3) ", "cannot parse .npy header")]
    [InlineData("{'descr': '<u4', 'fortran_order': False, 'shape': (6,), }", "dtype '<u4' has no tensor type")]
    [InlineData("{'descr': [('x', '<f4')], 'fortran_order': False, 'shape': (6,), }", "structured .npy arrays")]
    [InlineData("__import__('os').system('true')", "cannot parse .npy header")]
    public void Headers_are_parsed_strictly(string header, string expected)
    {
        using var scope = NewDisposeScope();
        using var dir = new Scratch();
        var path = dir.File("h.npy");
        var text = Encoding.ASCII.GetBytes(header + "\n");
        var file = new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, (byte)text.Length, 0 }
            .Concat(text).Concat(new byte[24]).ToArray();
        File.WriteAllBytes(path, file);
        if (expected == "")
        {
            Assert.Equal(new long[] { 2, 3 }, np.load(path).shape);
            return;
        }
        var ex = Record.Exception(() => np.load(path));
        Assert.True(ex is InvalidDataException or NotSupportedException, $"unexpected {ex?.GetType().Name}: {ex?.Message}");
        Assert.Contains(path, ex!.Message);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Non_npy_files_and_misrouted_npz_archives_are_refused()
    {
        using var dir = new Scratch();
        File.WriteAllBytes(dir.File("junk.npy"), Encoding.ASCII.GetBytes("hello, not numpy"));
        Assert.Contains("magic is missing", Assert.Throws<InvalidDataException>(() => np.load(dir.File("junk.npy"))).Message);
        Assert.Contains("use np.load_npz", Assert.Throws<InvalidDataException>(() => np.load(Golden("arrays.npz"))).Message);
        var npz = Assert.Throws<InvalidDataException>(() => np.load_npz(dir.File("junk.npy")));
        Assert.Contains($"{dir.File("junk.npy")}: not a readable .npz", npz.Message);
    }

    [Fact]
    public void A_truncated_npz_names_the_file()
    {
        using var scope = NewDisposeScope();
        using var dir = new Scratch();
        var bytes = File.ReadAllBytes(Golden("arrays_compressed.npz"));
        File.WriteAllBytes(dir.File("cut.npz"), bytes[..(bytes.Length / 2)]);
        var ex = Assert.Throws<InvalidDataException>(() => np.load_npz(dir.File("cut.npz")));
        Assert.StartsWith(dir.File("cut.npz") + ": ", ex.Message);
    }

    [Fact]
    public void A_bad_array_inside_an_npz_names_its_key()
    {
        using var scope = NewDisposeScope();
        using var dir = new Scratch();
        var path = dir.File("mixed.npz");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            zip.CreateEntryFromFile(Golden("f4.npy"), "good.npy");
            zip.CreateEntryFromFile(Golden("big_endian.npy"), "weights.npy");
        }
        var ex = Assert.Throws<NotSupportedException>(() => np.load_npz(path));
        Assert.Contains($"{path}: array 'weights'", ex.Message);
    }
}
