using System.IO.Compression;
using System.Text;
using static MedSsl.Torch.Tests.SerializationFixtures;

namespace MedSsl.Torch.Tests;

public class SerializationPthBadInputTests
{
    /// <summary>Pickle opcodes written by hand: the importer sees bytes that no Python ever ran.</summary>
    sealed class Pickle
    {
        readonly List<byte> bytes = new();
        public int Length => bytes.Count;
        public byte[] ToArray() => bytes.ToArray();
        public Pickle Op(params byte[] b) { bytes.AddRange(b); return this; }
        public Pickle Proto(byte v = 2) => Op(0x80, v);
        public Pickle Global(string module, string name) => Op((byte)'c').Op(Encoding.UTF8.GetBytes($"{module}\n{name}\n"));
        public Pickle Str(string s) { var u = Encoding.UTF8.GetBytes(s); return Op((byte)'X').Op(BitConverter.GetBytes(u.Length)).Op(u); }
        public Pickle Int(int v) => Op((byte)'J').Op(BitConverter.GetBytes(v));
        public Pickle Tuple(params int[] values) { Op((byte)'('); foreach (var v in values) Int(v); return Op((byte)'t'); }
        public Pickle Stop() => Op((byte)'.');

        /// <summary>OrderedDict with one _rebuild_tensor_v2 entry whose storage is ('storage', torch.&lt;type&gt;, key, 'cpu', numel).</summary>
        public static Pickle OneTensor(string storageType, long numel, int offset, int[] size, int[] stride)
        {
            var p = new Pickle().Proto().Global("collections", "OrderedDict").Op((byte)')', (byte)'R')
                .Str("w").Global("torch._utils", "_rebuild_tensor_v2").Op((byte)'(')
                .Op((byte)'(').Str("storage").Global("torch", storageType).Str("0").Str("cpu").Int((int)numel).Op((byte)'t', (byte)'Q')
                .Int(offset).Tuple(size).Tuple(stride).Op(0x89, (byte)')')
                .Op((byte)'t', (byte)'R', (byte)'s');
            return p.Stop();
        }
    }

    static string WritePth(Scratch dir, byte[] pickle, params (string Key, byte[] Data)[] storages)
    {
        var path = dir.File("evil.pth");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using (var s = zip.CreateEntry("evil/data.pkl").Open()) s.Write(pickle);
        foreach (var (key, data) in storages)
            using (var s = zip.CreateEntry($"evil/data/{key}").Open()) s.Write(data);
        return path;
    }

    static byte[] Floats(int n) => Enumerable.Range(0, n).SelectMany(i => BitConverter.GetBytes((float)i)).ToArray();

    [Fact]
    public void A_hand_built_strided_view_is_gathered_correctly()
    {
        using var scope = NewDisposeScope();
        using var dir = new Scratch();
        var path = WritePth(dir, Pickle.OneTensor("FloatStorage", 8, 1, new[] { 2, 3 }, new[] { 1, 2 }).ToArray(), ("0", Floats(8)));
        var w = pth.load_state_dict(path)["w"];
        Assert.Equal(new float[] { 1, 3, 5, 2, 4, 6 }, w.data<float>()); // element (i, j) = storage[1 + i + 2j]
    }

    public static IEnumerable<object[]> BadPickles()
    {
        yield return new object[] { new Pickle().Proto().Global("os", "system").Str("echo pwned").Op(0x85, (byte)'R').Stop().ToArray(),
                                    "global 'os.system' at byte 2 is not allowed" };
        var stackGlobal = new Pickle().Proto(4).Op(0x8c, 8).Op(Encoding.ASCII.GetBytes("builtins")).Op(0x8c, 4).Op(Encoding.ASCII.GetBytes("eval"));
        var at = stackGlobal.Length;
        yield return new object[] { stackGlobal.Op(0x93).Stop().ToArray(), $"global 'builtins.eval' at byte {at} is not allowed" };
        yield return new object[] { new Pickle().Proto().Op((byte)'i').Op(Encoding.ASCII.GetBytes("os\nsystem\n")).Stop().ToArray(),
                                    "pickle opcode 0x69 (INST) at byte 2 is not allowed" };
        yield return new object[] { new Pickle().Proto().Op(0xfe).Stop().ToArray(), "pickle opcode 0xfe (unknown) at byte 2" };
        yield return new object[] { new Pickle().Proto().Op((byte)'}').ToArray(), "pickle ends without a STOP opcode (at byte 3)" };
        yield return new object[] { new Pickle().Proto().Op((byte)'h', 5).Stop().ToArray(), "memo entry 5 is read before it is written (at byte 2)" };
        yield return new object[] { new Pickle().Proto().Op((byte)'R').Stop().ToArray(), "stack underflow (at byte 2)" };
        yield return new object[] { new Pickle().Proto().Op((byte)']').Stop().ToArray(), "holds a list, not a state_dict" };
        yield return new object[] { new Pickle().Proto().Op((byte)'X', 200, 0, 0, 0).Op(Encoding.ASCII.GetBytes("short")).ToArray(),
                                    "truncated pickle: opcode needs 200 more bytes (at byte 2)" };
        yield return new object[] { new Pickle().Proto().Str("storage").Op(0x85, (byte)'Q').Stop().ToArray(),
                                    "persistent id (str) is not ('storage', torch.*Storage, key, location, numel)" };
        yield return new object[] { new Pickle().Proto().Global("torch", "FloatStorage").Op((byte)')', (byte)'R').Stop().ToArray(),
                                    "torch.FloatStorage cannot be called with 0 argument(s)" };
    }

    [Theory]
    [MemberData(nameof(BadPickles))]
    public void Forbidden_or_malformed_pickles_raise_invalid_data_with_file_and_offset(byte[] pickle, string expected)
    {
        using var scope = NewDisposeScope();
        using var dir = new Scratch();
        var path = WritePth(dir, pickle);
        var ex = Assert.Throws<InvalidDataException>(() => pth.load_state_dict(path));
        Assert.Contains(path, ex.Message);
        Assert.Contains(expected, ex.Message);
    }

    [Theory]
    [InlineData(8, 1, new[] { 2, 4 }, new[] { 1, 2 }, 32, "tensor 'w': view (offset 1, size [2, 4], stride [1, 2]) reaches element 8 but the storage holds 8")]
    [InlineData(8, 0, new[] { 2 }, new[] { 1 }, 12, "storage 'evil/data/0' holds 12 bytes but its pickle says 8 float32 elements (32 bytes)")]
    [InlineData(8, 0, new[] { 2 }, new[] { 1 }, -1, "storage entry 'evil/data/0' is missing")]
    [InlineData(8, 0, new[] { 2, 2 }, new[] { 1 }, 32, "size [2, 2] and stride [1] differ in rank")]
    public void Storages_that_do_not_fit_the_tensor_are_refused(int numel, int offset, int[] size, int[] stride, int storageBytes, string expected)
    {
        using var scope = NewDisposeScope();
        using var dir = new Scratch();
        var pickle = Pickle.OneTensor("FloatStorage", numel, offset, size, stride).ToArray();
        var path = storageBytes < 0 ? WritePth(dir, pickle) : WritePth(dir, pickle, ("0", Floats(storageBytes / 4)));
        var ex = Assert.Throws<InvalidDataException>(() => pth.load_state_dict(path));
        Assert.Contains(path, ex.Message);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Legacy_files_non_zips_and_zips_without_a_pickle_are_refused()
    {
        using var dir = new Scratch();
        File.WriteAllBytes(dir.File("old.pth"), new byte[] { 0x80, 0x02, 0x8a, 0x0a });
        Assert.Contains("legacy", Assert.Throws<NotSupportedException>(() => pth.load_state_dict(dir.File("old.pth"))).Message);
        File.WriteAllBytes(dir.File("text.pth"), Encoding.ASCII.GetBytes("not a checkpoint"));
        Assert.Contains("no zip signature", Assert.Throws<InvalidDataException>(() => pth.load_state_dict(dir.File("text.pth"))).Message);
        using (var zip = ZipFile.Open(dir.File("empty.pth"), ZipArchiveMode.Create)) zip.CreateEntry("x/version");
        var ex = Assert.Throws<InvalidDataException>(() => pth.load_state_dict(dir.File("empty.pth")));
        Assert.Contains($"{dir.File("empty.pth")}: expected one */data.pkl entry in the zip, found 0", ex.Message);
    }
}
