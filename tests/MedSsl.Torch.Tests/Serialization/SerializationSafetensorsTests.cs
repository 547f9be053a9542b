using System.Buffers.Binary;
using System.Text;
using static MedSsl.Torch.Tests.SerializationFixtures;

namespace MedSsl.Torch.Tests;

public class SerializationSafetensorsTests
{
    [Fact]
    public void Every_dtype_round_trips_with_identical_bytes_and_shapes()
    {
        using var scope = NewDisposeScope();
        using var dir = new Scratch();
        var tensors = EveryDtype();
        safetensors.save_file(tensors, dir.File("all.safetensors"));
        var loaded = safetensors.load_file(dir.File("all.safetensors"));
        Assert.Equal(tensors.Keys.OrderBy(k => k), loaded.Keys.OrderBy(k => k));
        foreach (var (key, t) in tensors) AssertSame(t, loaded[key], key);
        Assert.Empty(loaded["scalar"].shape);
        Assert.Equal(2.75f, loaded["scalar"].item<float>());
    }

    [Fact]
    public void Metadata_round_trips_and_is_readable_without_the_tensors()
    {
        using var scope = NewDisposeScope();
        using var dir = new Scratch();
        var meta = new Dictionary<string, string> { ["format"] = "pt", ["note"] = "épaisseur \"quoted\" \\ {json}" };
        safetensors.save_file(new Dictionary<string, Tensor> { ["w"] = torch.ones(2) }, dir.File("m.safetensors"), meta);
        safetensors.save_file(new Dictionary<string, Tensor> { ["w"] = torch.ones(2) }, dir.File("none.safetensors"));
        Assert.Equal(meta, safetensors.load_metadata(dir.File("m.safetensors")));
        Assert.Empty(safetensors.load_metadata(dir.File("none.safetensors")));
        Assert.Equal(new float[] { 1, 1 }, safetensors.load_file(dir.File("m.safetensors"))["w"].data<float>());
    }

    // Byte vectors from Hugging Face's own serializer tests (safetensors/src/tensor.rs).
    [Fact]
    public void Header_layout_matches_hugging_face_byte_for_byte()
    {
        using var scope = NewDisposeScope();
        using var dir = new Scratch();
        safetensors.save_file(new Dictionary<string, Tensor>(), dir.File("empty.st"));
        Assert.Equal(Prefixed("{}      "), File.ReadAllBytes(dir.File("empty.st")));

        safetensors.save_file(new Dictionary<string, Tensor>(), dir.File("meta.st"), new Dictionary<string, string> { ["framework"] = "pt" });
        Assert.Equal(Prefixed("{\"__metadata__\":{\"framework\":\"pt\"}}     "), File.ReadAllBytes(dir.File("meta.st")));

        var attn = torch.tensor(new float[] { 0, 1, 2, 3, 4, 5 }, 1, 1, 2, 3);
        safetensors.save_file(new Dictionary<string, Tensor> { ["attn0"] = attn }, dir.File("attn.st"));
        var expected = Prefixed("{\"attn0\":{\"dtype\":\"F32\",\"shape\":[1,1,2,3],\"data_offsets\":[0,24]}}       ")
            .Concat(attn.bytes()).ToArray();
        Assert.Equal(expected, File.ReadAllBytes(dir.File("attn.st")));
    }

    static byte[] Prefixed(string header)
    {
        var text = Encoding.UTF8.GetBytes(header);
        var result = new byte[8 + text.Length];
        BinaryPrimitives.WriteUInt64LittleEndian(result, (ulong)text.Length);
        text.CopyTo(result, 8);
        return result;
    }

    [Fact]
    public void Tensors_are_written_by_descending_dtype_then_name_like_hugging_face()
    {
        using var scope = NewDisposeScope();
        using var dir = new Scratch();
        var tensors = new Dictionary<string, Tensor>
        {
            ["b.f32"] = torch.ones(1), ["flag"] = torch.tensor(new bool[] { true }), ["a.f32"] = torch.ones(2),
            ["count"] = torch.tensor(new long[] { 3 }), ["half"] = torch.ones(1).half(), ["w64"] = torch.ones(new long[] { 1 }, ScalarType.Float64),
        };
        safetensors.save_file(tensors, dir.File("o.st"));
        Assert.Equal(new[] { "count", "w64", "a.f32", "b.f32", "half", "flag" }, safetensors.load_file(dir.File("o.st")).Keys);
    }

    [Fact]
    public void Rewriting_the_python_fixture_reproduces_its_bytes()
    {
        using var scope = NewDisposeScope();
        using var dir = new Scratch();
        var source = Golden("model_expected.safetensors");
        var tensors = safetensors.load_file(source);
        Assert.Equal(23, tensors.Count);
        Assert.Equal("pt", safetensors.load_metadata(source)["format"]);
        safetensors.save_file(tensors, dir.File("again.safetensors"), safetensors.load_metadata(source));
        Assert.Equal(File.ReadAllBytes(source), File.ReadAllBytes(dir.File("again.safetensors")));
    }

    [Fact]
    public void Saving_is_atomic_and_overwrites_in_place()
    {
        using var scope = NewDisposeScope();
        using var dir = new Scratch();
        var path = dir.File("w.safetensors");
        safetensors.save_file(new Dictionary<string, Tensor> { ["w"] = torch.zeros(3) }, path);
        safetensors.save_file(new Dictionary<string, Tensor> { ["w"] = torch.ones(3) }, path);
        Assert.Equal(new[] { "w.safetensors" }, dir.Names());
        Assert.Equal(new float[] { 1, 1, 1 }, safetensors.load_file(path)["w"].data<float>());

        // A failed save (a disposed tensor) keeps the previous file; NumPy tests cover a failure mid-stream.
        var before = File.ReadAllBytes(path);
        var gone = torch.ones(4);
        gone.Dispose();
        Assert.Throws<ObjectDisposedException>(() =>
            safetensors.save_file(new Dictionary<string, Tensor> { ["a"] = torch.ones(1), ["b"] = gone }, path));
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(new[] { "w.safetensors" }, dir.Names());
    }

    [Fact]
    public void The_metadata_key_cannot_name_a_tensor()
    {
        using var scope = NewDisposeScope();
        using var dir = new Scratch();
        var ex = Assert.Throws<ArgumentException>(() =>
            safetensors.save_file(new Dictionary<string, Tensor> { ["__metadata__"] = torch.ones(1) }, dir.File("x.st")));
        Assert.Contains("reserved", ex.Message);
        Assert.Empty(dir.Names());
    }
}
