using static MedSsl.Torch.Tests.SerializationFixtures;

namespace MedSsl.Torch.Tests;

public class SerializationPthTests
{
    // model.pth: pickle protocol 2, folder "model"; proto4: FRAME/MEMOIZE/STACK_GLOBAL; archive: folder "archive";
    // checkpoint: {'epoch', 'history', 'state_dict' (Parameters), 'optimizer'} with LONG1, BINFLOAT, LONG_BINGET, ...
    [Theory]
    [InlineData("model.pth")]
    [InlineData("model_proto4.pth")]
    [InlineData("model_archive.pth")]
    [InlineData("checkpoint.pth")]
    public void Loads_torch_save_state_dicts_with_every_value_intact(string file)
    {
        using var scope = NewDisposeScope();
        var loaded = pth.load_state_dict(Golden(file));
        var expected = safetensors.load_file(Golden("model_expected.safetensors"));
        var numpy = np.load_npz(Golden("model_expected.npz"));
        Assert.Equal(numpy.Keys, loaded.Keys); // state_dict order survives
        foreach (var (key, t) in loaded)
        {
            AssertSame(expected[key], t, key);
            // The numpy copy has no bfloat16: it holds the raw 16-bit patterns as int16.
            Assert.Equal(numpy[key].bytes(), t.bytes());
        }
        Assert.Equal(ScalarType.BFloat16, loaded["extra.bf16"].dtype);
    }

    [Fact]
    public void Views_are_rebuilt_from_offset_size_and_stride()
    {
        using var scope = NewDisposeScope();
        var sd = pth.load_state_dict(Golden("model.pth"));
        float Base(int i, int j) => (i * 6 + j) / 8f - 1;
        var transposed = new float[24];
        for (int j = 0; j < 6; j++)
            for (int i = 0; i < 4; i++) transposed[j * 4 + i] = Base(i, j);
        Assert.Equal(new long[] { 6, 4 }, sd["extra.transposed"].shape);
        Assert.Equal(transposed, sd["extra.transposed"].data<float>());
        Assert.Equal(Enumerable.Range(6, 12).Select(k => k / 8f - 1).ToArray(), sd["extra.slice"].data<float>());
        Assert.Equal(new long[] { 4, 3 }, sd["extra.every_other"].shape);
        Assert.Equal(Enumerable.Range(0, 12).Select(k => Base(k / 3, 2 * (k % 3))).ToArray(), sd["extra.every_other"].data<float>());
        Assert.Equal(new double[] { 0, 1, 2, 0, 1, 2 }, sd["extra.expanded"].data<double>());
        Assert.Equal(7L, sd["1.num_batches_tracked"].item<long>());
        Assert.Empty(sd["extra.scalar"].shape);
        Assert.Equal(new long[] { 0, 3 }, sd["extra.empty"].shape);
    }

    [Fact]
    public void A_wrapped_checkpoint_entry_can_be_chosen_by_key()
    {
        using var scope = NewDisposeScope();
        var path = Golden("checkpoint.pth");
        Assert.Equal(23, pth.load_state_dict(path, key: "state_dict").Count);
        var notTensors = Assert.Throws<InvalidDataException>(() => pth.load_state_dict(path, key: "optimizer"));
        Assert.Contains("entry 'optimizer' is a dict whose entry 'lr' is a float", notTensors.Message);
        var missing = Assert.Throws<KeyNotFoundException>(() => pth.load_state_dict(path, key: "ema"));
        Assert.Contains("['epoch', 'history', 'state_dict', 'optimizer']", missing.Message);
    }

    [Fact]
    public void Loaded_tensors_belong_to_the_callers_dispose_scope()
    {
        Dictionary<string, Tensor> sd;
        using (var scope = NewDisposeScope())
        {
            sd = pth.load_state_dict(Golden("model.pth"));
            Assert.All(sd.Values, t => Assert.Same(scope, t.OwningScope));
        }
        Assert.All(sd.Values, t => Assert.True(t.IsDisposed));
    }
}
