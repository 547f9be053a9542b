using System.Buffers.Binary;
using System.Text;
using static MedSsl.Torch.Tests.SerializationFixtures;

namespace MedSsl.Torch.Tests;

public class SerializationSafetensorsBadInputTests
{
    const string Good = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"I16\",\"shape\":[2],\"data_offsets\":[8,12]}}";

    static string Write(Scratch dir, string header, int dataBytes, long? declaredLength = null)
    {
        var text = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + text.Length + dataBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)(declaredLength ?? text.Length));
        text.CopyTo(bytes, 8);
        var path = dir.File("bad.safetensors");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void The_hand_written_good_file_loads()
    {
        using var scope = NewDisposeScope();
        using var dir = new Scratch();
        var loaded = safetensors.load_file(Write(dir, Good, 12));
        Assert.Equal(new float[] { 0, 0 }, loaded["a"].data<float>());
        Assert.Equal(ScalarType.Int16, loaded["b"].dtype);
    }

    [Theory]
    [InlineData(Good, 11, "tensor 'b': data_offsets [8, 12] run past the 11-byte data section")]   // truncated data
    [InlineData(Good, 13, "cover 12 bytes but the data section holds 13")]   // trailing bytes
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]", 8, "not valid JSON")]
    [InlineData("[1, 2]", 0, "not an object")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8, "tensor 'b': data_offsets [4, 8] should start at 8")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12, "tensor 'a': data_offsets [4, 12] should start at 0")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8, "tensor 'a': data_offsets [0, 8] span 8 bytes but shape [3] of F32 needs 12")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", 4, "tensor 'a': data_offsets [0, 8] run past the 4-byte data section")]
    [InlineData("{\"a\":{\"dtype\":\"Q7\",\"shape\":[2],\"data_offsets\":[0,8]}}", 8, "tensor 'a': unknown dtype 'Q7'")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[-2],\"data_offsets\":[0,8]}}", 8, "tensor 'a': 'shape' must hold non-negative integers")]
    [InlineData("{\"a\":{\"dtype\":\"F32\",\"shape\":[2]}}", 8, "tensor 'a': 'data_offsets' is missing")]
    [InlineData("{\"__metadata__\":{\"k\":1}}", 0, "metadata 'k' must be a string")]
    [InlineData("{\"a\":{\"dtype\":\"BOOL\",\"shape\":[2],\"data_offsets\":[0,2]}}", -2, "tensor 'a': bool element 1 holds byte 7")]
    public void Malformed_files_raise_invalid_data_naming_file_and_key(string header, int dataBytes, string expected)
    {
        using var scope = NewDisposeScope();
        using var dir = new Scratch();
        string path;
        if (dataBytes == -2)
        {
            path = Write(dir, header, 2);
            var bytes = File.ReadAllBytes(path);
            bytes[^1] = 7;
            File.WriteAllBytes(path, bytes);
        }
        else path = Write(dir, header, dataBytes);
        var ex = Assert.Throws<InvalidDataException>(() => safetensors.load_file(path));
        Assert.Contains(path, ex.Message);
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Header_length_beyond_the_file_is_refused_before_reading_it()
    {
        using var dir = new Scratch();
        var path = Write(dir, Good, 12, declaredLength: 5000);
        var ex = Assert.Throws<InvalidDataException>(() => safetensors.load_file(path));
        Assert.Contains($"{path}: header length 5000 points past the end", ex.Message);

        var huge = Write(dir, Good, 12, declaredLength: long.MaxValue);
        Assert.Contains("exceeds the 100000000-byte limit", Assert.Throws<InvalidDataException>(() => safetensors.load_metadata(huge)).Message);
    }

    [Fact]
    public void A_header_that_is_not_utf8_is_refused()
    {
        using var dir = new Scratch();
        var path = Write(dir, "{\"a~\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]}}", 0);
        var bytes = File.ReadAllBytes(path);
        bytes[Array.IndexOf(bytes, (byte)'~')] = 0xff; // a lone 0xff byte is never valid UTF-8
        File.WriteAllBytes(path, bytes);
        var ex = Assert.Throws<InvalidDataException>(() => safetensors.load_file(path));
        Assert.Contains($"{path}: safetensors header is not valid UTF-8", ex.Message);
    }

    [Fact]
    public void Files_shorter_than_the_length_prefix_are_refused()
    {
        using var dir = new Scratch();
        var path = dir.File("tiny.safetensors");
        File.WriteAllBytes(path, new byte[] { 1, 2, 3 });
        Assert.Contains("too short", Assert.Throws<InvalidDataException>(() => safetensors.load_file(path)).Message);
    }

    [Fact]
    public void Valid_dtypes_without_a_tensor_type_are_not_supported()
    {
        using var dir = new Scratch();
        var path = Write(dir, "{\"u\":{\"dtype\":\"U16\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4);
        var ex = Assert.Throws<NotSupportedException>(() => safetensors.load_file(path));
        Assert.Contains($"{path}: tensor 'u': dtype U16", ex.Message);
    }
}
