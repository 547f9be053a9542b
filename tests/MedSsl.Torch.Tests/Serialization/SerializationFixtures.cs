namespace MedSsl.Torch.Tests;

/// <summary>Golden fixture paths, sample tensors and a scratch folder for the serialization tests.</summary>
internal static class SerializationFixtures
{
    /// <summary>A file written by Golden/make_serialization_fixtures.py.</summary>
    public static string Golden(string name) => Path.Combine(AppContext.BaseDirectory, "Golden", "serialization", name);

    /// <summary>One tensor of every dtype, plus a 0-d and an empty one (in the current dispose scope).</summary>
    public static Dictionary<string, Tensor> EveryDtype() => new()
    {
        ["f32"] = torch.tensor(new float[] { 1.5f, -2f, float.NaN, float.NegativeInfinity, 1e-30f, 3f }, 2, 3),
        ["f64"] = torch.tensor(new double[] { Math.PI, -0.0, double.MaxValue }, 3),
        ["f16"] = torch.tensor(new Half[] { (Half)1.5, (Half)(-0.25), Half.MaxValue, Half.Epsilon }, 2, 2),
        ["bf16"] = torch.tensor(new float[] { 1f, -2.5f, 3.140625f, 1e20f }, 4).to(ScalarType.BFloat16),
        ["i64"] = torch.tensor(new long[] { long.MinValue, -1, 0, long.MaxValue }, 4),
        ["i32"] = torch.tensor(new int[] { int.MinValue, 7, int.MaxValue }, 3, 1),
        ["i16"] = torch.tensor(new short[] { short.MinValue, 300, short.MaxValue }, 3),
        ["i8"] = torch.tensor(new sbyte[] { sbyte.MinValue, -1, sbyte.MaxValue }, 3),
        ["u8"] = torch.tensor(new byte[] { 0, 128, 255, 1 }, 1, 2, 2),
        ["bool"] = torch.tensor(new bool[] { true, false, false, true }, 2, 2),
        ["scalar"] = torch.tensor(2.75, ScalarType.Float32),
        ["empty"] = torch.zeros(new long[] { 0, 3 }, ScalarType.Int32),
    };

    /// <summary>Same dtype, shape and bytes.</summary>
    public static void AssertSame(Tensor expected, Tensor actual, string key)
    {
        Assert.True(expected.dtype == actual.dtype, $"{key}: dtype {actual.dtype} != {expected.dtype}");
        Assert.True(expected.shape.SequenceEqual(actual.shape),
            $"{key}: shape [{string.Join(", ", actual.shape)}] != [{string.Join(", ", expected.shape)}]");
        Assert.True(expected.bytes().SequenceEqual(actual.bytes()), $"{key}: bytes differ");
    }

    /// <summary>A fresh folder under the temp directory, deleted on dispose.</summary>
    public sealed class Scratch : IDisposable
    {
        public string Folder { get; } = Directory.CreateTempSubdirectory("medssl-serial-").FullName;
        public string File(string name) => Path.Combine(Folder, name);
        public string[] Names() => Directory.GetFiles(Folder).Select(Path.GetFileName).OrderBy(n => n).ToArray()!;
        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }
}
