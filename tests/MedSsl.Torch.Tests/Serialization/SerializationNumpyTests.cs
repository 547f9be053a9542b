using System.IO.Compression;
using static MedSsl.Torch.Tests.SerializationFixtures;

namespace MedSsl.Torch.Tests;

public class SerializationNumpyTests
{
    // The arrays make_serialization_fixtures.py writes, recomputed here from the same formulas.
    static void AssertFixtureArray(string key, Tensor t)
    {
        switch (key)
        {
            case "f4": Check(t, new long[] { 2, 3 }, Enumerable.Range(0, 6).Select(i => i - 2.5f).ToArray()); break;
            case "f8": Check(t, new long[] { 5 }, Enumerable.Range(0, 5).Select(i => i / 4.0).ToArray()); break;
            case "i8": Check(t, new long[] { 5 }, new long[] { -(1L << 40), -1, 0, 1, 1L << 40 }); break;
            case "i4": Check(t, new long[] { 3, 2 }, Enumerable.Range(-3, 6).ToArray()); break;
            case "i2": Check(t, new long[] { 5 }, new short[] { -32768, -1, 0, 1, 32767 }); break;
            case "i1": Check(t, new long[] { 5 }, new sbyte[] { -128, -1, 0, 1, 127 }); break;
            case "u1": Check(t, new long[] { 6 }, new byte[] { 0, 51, 102, 153, 204, 255 }); break;
            case "b1": Check(t, new long[] { 2, 3 }, new[] { true, false, true, false, false, true }); break;
            case "f2": Check(t, new long[] { 4 }, new[] { (Half)(-1.5), (Half)0, (Half)0.25, (Half)65504 }); break;
            case "scalar": Check(t, Array.Empty<long>(), new[] { 3.25 }); break;
            case "empty": Check(t, new long[] { 0, 3 }, Array.Empty<float>()); break;
            case "fortran": Check(t, new long[] { 2, 3, 4 }, Enumerable.Range(0, 24).Select(i => (double)i).ToArray()); break;
            default: Assert.Fail($"unexpected array '{key}'"); break;
        }
    }

    static void Check<T>(Tensor t, long[] shape, T[] values) where T : unmanaged
    {
        Assert.Equal(ScalarTypes.Of<T>(), t.dtype);
        Assert.Equal(shape, t.shape);
        Assert.Equal(values, t.data<T>());
    }

    [Theory]
    [InlineData("arrays.npz")]
    [InlineData("arrays_compressed.npz")]
    public void Reads_numpy_savez_and_savez_compressed(string file)
    {
        using var scope = NewDisposeScope();
        var arrays = np.load_npz(Golden(file));
        Assert.Equal(new[] { "f4", "f8", "i8", "i4", "i2", "i1", "u1", "b1", "f2", "scalar", "empty", "fortran" }, arrays.Keys);
        foreach (var (key, t) in arrays) AssertFixtureArray(key, t);
    }

    [Theory]
    [InlineData("f4.npy", "f4")]
    [InlineData("b1.npy", "b1")]
    [InlineData("i2.npy", "i2")]
    [InlineData("f2.npy", "f2")]
    [InlineData("scalar.npy", "scalar")]
    [InlineData("empty.npy", "empty")]
    [InlineData("fortran.npy", "fortran")]
    [InlineData("i4_v2.npy", "i4")]
    [InlineData("i4_v3.npy", "i4")]
    public void Reads_numpy_save_files_of_every_header_version_and_order(string file, string key)
    {
        using var scope = NewDisposeScope();
        AssertFixtureArray(key, np.load(Golden(file)));
    }

    [Theory]
    [InlineData("f4.npy")]
    [InlineData("b1.npy")]
    [InlineData("i2.npy")]
    [InlineData("f2.npy")]
    [InlineData("scalar.npy")]
    [InlineData("empty.npy")]
    public void Save_writes_the_same_bytes_as_numpy(string file)
    {
        using var scope = NewDisposeScope();
        using var dir = new Scratch();
        np.save(dir.File(file), np.load(Golden(file)));
        Assert.Equal(File.ReadAllBytes(Golden(file)), File.ReadAllBytes(dir.File(file)));
    }

    [Fact]
    public void Fortran_arrays_are_saved_back_in_c_order_with_the_same_values()
    {
        using var scope = NewDisposeScope();
        using var dir = new Scratch();
        np.save(dir.File("c.npy"), np.load(Golden("fortran.npy")));
        Assert.Contains("'fortran_order': False", File.ReadAllText(dir.File("c.npy")));
        AssertFixtureArray("fortran", np.load(dir.File("c.npy")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Every_numpy_dtype_round_trips_through_save_and_savez(bool compressed)
    {
        using var scope = NewDisposeScope();
        using var dir = new Scratch();
        var tensors = EveryDtype();
        tensors.Remove("bf16"); // NumPy has no bfloat16
        np.savez(dir.File("all.npz"), tensors, compressed);
        var loaded = np.load_npz(dir.File("all.npz"));
        Assert.Equal(tensors.Keys, loaded.Keys);
        foreach (var (key, t) in tensors)
        {
            AssertSame(t, loaded[key], key);
            np.save(dir.File(key + ".npy"), t);
            AssertSame(t, np.load(dir.File(key + ".npy")), key);
        }
    }

    [Fact]
    public void Savez_stores_or_deflates_entries_like_numpy()
    {
        using var scope = NewDisposeScope();
        using var dir = new Scratch();
        var arrays = new Dictionary<string, Tensor> { ["zeros"] = torch.zeros(1000) };
        np.savez(dir.File("stored.npz"), arrays);
        np.savez(dir.File("deflated.npz"), arrays, compressed: true);
        using (var stored = ZipFile.OpenRead(dir.File("stored.npz")))
            Assert.Equal(stored.GetEntry("zeros.npy")!.Length, stored.GetEntry("zeros.npy")!.CompressedLength);
        using (var deflated = ZipFile.OpenRead(dir.File("deflated.npz")))
            Assert.True(deflated.GetEntry("zeros.npy")!.CompressedLength < 200);
        Assert.Equal(new[] { "deflated.npz", "stored.npz" }, dir.Names()); // no temp files left
    }

    [Fact]
    public void A_savez_failing_mid_archive_keeps_the_old_file_and_no_temp_file()
    {
        using var scope = NewDisposeScope();
        using var dir = new Scratch();
        var path = dir.File("a.npz");
        np.savez(path, new Dictionary<string, Tensor> { ["x"] = torch.ones(3) });
        var before = File.ReadAllBytes(path);
        // "first" is already in the zip when "second" (bfloat16, which NumPy lacks) fails.
        var arrays = new Dictionary<string, Tensor> { ["first"] = torch.zeros(1000), ["second"] = torch.ones(2).bfloat16() };
        Assert.Throws<NotSupportedException>(() => np.savez(path, arrays));
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(new[] { "a.npz" }, dir.Names());
    }

    [Fact]
    public void Bfloat16_cannot_be_saved_as_numpy()
    {
        using var scope = NewDisposeScope();
        using var dir = new Scratch();
        var ex = Assert.Throws<NotSupportedException>(() => np.save(dir.File("b.npy"), torch.ones(2).bfloat16()));
        Assert.Contains("bfloat16", ex.Message);
        Assert.Empty(dir.Names());
    }

    // The real DermaMNIST lesion subset from /work/shared; returns early (passing) on machines without it.
    [Fact]
    public void Reads_the_dermamnist_lesion_mini_archive_when_present()
    {
        const string path = "/work/shared/data/dermamnist-lesion/dermamnist_28_lesion_mini.npz";
        if (!File.Exists(path)) return;
        using var scope = NewDisposeScope();
        var d = np.load_npz(path);
        Assert.Equal(10, d.Count);
        Assert.Equal(new long[] { 481, 28, 28, 3 }, d["train_images"].shape);
        Assert.Equal(ScalarType.Byte, d["train_images"].dtype);
        Assert.Equal(new byte[] { 216, 188, 187, 217, 189 }, d["train_images"].data<byte>()[..5]);
        Assert.Equal(new long[] { 300, 28, 28, 3 }, d["test_images"].shape);
        Assert.Equal(ScalarType.Int32, d["train_lesion_ids"].dtype);
        Assert.Equal(new[] { 6965, 649, 4555, 2084, 1916 }, d["train_lesion_ids"].data<int>()[..5]);
        Assert.Equal(new long[] { 481, 1 }, d["train_labels"].shape);
    }
}
