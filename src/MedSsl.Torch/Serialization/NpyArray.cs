using System.Buffers.Binary;
using System.Text;

namespace MedSsl.Torch;

/// <summary>
/// One array in NumPy's .npy format (versions 1.0, 2.0, 3.0): magic, header length, a Python-literal
/// header dict, then the raw data. Little-endian numeric and bool dtypes only; C order on write.
/// </summary>
internal static class NpyArray
{
    static readonly byte[] Magic = { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y' };

    /// <summary>The header length numpy will read without complaint; bigger ones are almost surely corrupt.</summary>
    const int MaxHeaderBytes = 1 << 20;

    static readonly (string Code, ScalarType Type)[] Codes =
    {
        ("f2", ScalarType.Float16), ("f4", ScalarType.Float32), ("f8", ScalarType.Float64),
        ("i1", ScalarType.Int8), ("i2", ScalarType.Int16), ("i4", ScalarType.Int32), ("i8", ScalarType.Int64),
        ("u1", ScalarType.Byte), ("b1", ScalarType.Bool),
    };

    /// <summary>Reads one array from the stream's position; <paramref name="where"/> names file and key in errors.</summary>
    public static Tensor Read(Stream stream, string where)
    {
        var header = ReadHeader(stream, where);
        var dtype = ParseDescr(header.Descr, where);
        var es = dtype.ElementSize();
        var bytes = TensorBytes.ReadExactly(stream, checked(TensorBytes.Numel(header.Shape, where) * es), where);
        if (header.FortranOrder && header.Shape.Length > 1)
            bytes = StridedBytes.Gather(bytes, es, 0, header.Shape, FortranStrides(header.Shape), where);
        return TensorBytes.Create(bytes, header.Shape, dtype, where);
    }

    static NpyHeader ReadHeader(Stream stream, string where)
    {
        var start = new byte[8];
        if (stream.ReadAtLeast(start, 8, throwOnEndOfStream: false) < 8 || !start.AsSpan(0, 6).SequenceEqual(Magic))
            throw new InvalidDataException($"{where}: not a .npy array (the \\x93NUMPY magic is missing).");
        int major = start[6], minor = start[7];
        int lengthBytes = major == 1 ? 2 : 4;
        if (major is < 1 or > 3 || minor != 0)
            throw new NotSupportedException($"{where}: .npy format version {major}.{minor} is not supported (1.0, 2.0, 3.0 are).");
        var lengthField = TensorBytes.ReadExactly(stream, lengthBytes, $"{where}: header length");
        long length = lengthBytes == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(lengthField)
                                       : BinaryPrimitives.ReadUInt32LittleEndian(lengthField);
        if (length > MaxHeaderBytes)
            throw new InvalidDataException($"{where}: .npy header length {length} is implausibly large.");
        var text = TensorBytes.ReadExactly(stream, length, $"{where}: header");
        // Versions 1 and 2 are latin-1; version 3 allows UTF-8 (structured field names).
        var decoded = major == 3 ? Encoding.UTF8.GetString(text) : Encoding.Latin1.GetString(text);
        return NpyHeader.Parse(decoded, where);
    }

    static ScalarType ParseDescr(object descr, string where)
    {
        if (descr is not string d)
            throw new NotSupportedException($"{where}: structured .npy arrays (descr {Describe(descr)}) are not supported.");
        char order = '=';
        var code = d;
        if (d.Length > 0 && "<>|=".Contains(d[0])) (order, code) = (d[0], d[1..]);
        if (code.StartsWith('O'))
            throw new NotSupportedException($"{where}: object arrays ('{d}') hold pickled Python objects and are never loaded.");
        foreach (var (c, t) in Codes)
        {
            if (c != code) continue;
            if (order == '>' && t.ElementSize() > 1)
                throw new NotSupportedException($"{where}: big-endian dtype '{d}' is not supported; save it little-endian (arr.astype('<{code}')).");
            return t;
        }
        throw new NotSupportedException(
            $"{where}: dtype '{d}' has no tensor type here (supported: float16/32/64, int8/16/32/64, uint8, bool).");
    }

    static string Describe(object descr) => descr is List<object> list ? $"[{list.Count} fields]" : descr.ToString() ?? "?";

    // Fortran order: the first index varies fastest.
    static long[] FortranStrides(long[] shape)
    {
        var strides = new long[shape.Length];
        long s = 1;
        for (int k = 0; k < shape.Length; k++) { strides[k] = s; s *= shape[k]; }
        return strides;
    }

    /// <summary>Writes the tensor (any device or layout) as a C-order .npy array, byte-identical to np.save.</summary>
    public static void Write(Stream stream, Tensor t, string where)
    {
        var header = new NpyHeader(Descr(t.dtype, where), false, t.shape).Format();
        var text = Encoding.ASCII.GetBytes(header);
        // Pad with spaces and a newline so the data starts on a 64-byte boundary, as numpy does.
        // Version 1.0 unless the padded header outgrows its 2-byte length field.
        bool v1 = HeaderLength(text.Length, 2) <= ushort.MaxValue;
        var length = HeaderLength(text.Length, v1 ? 2 : 4);
        int pad = length - text.Length - 1;

        stream.Write(Magic);
        stream.Write(v1 ? stackalloc byte[] { 1, 0 } : stackalloc byte[] { 2, 0 });
        Span<byte> field = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(field, (uint)length);
        stream.Write(field[..(v1 ? 2 : 4)]);
        stream.Write(text);
        for (int i = 0; i < pad; i++) stream.WriteByte((byte)' ');
        stream.WriteByte((byte)'\n');
        stream.Write(t.bytes());
    }

    // Header text + spaces + '\n', sized so magic, version, length field and header end on a 64-byte boundary.
    static int HeaderLength(int textLength, int lengthFieldBytes)
    {
        int prefix = Magic.Length + 2 + lengthFieldBytes;
        return textLength + 1 + 64 - (prefix + textLength + 1) % 64;
    }

    static string Descr(ScalarType t, string where)
    {
        foreach (var (c, type) in Codes)
            if (type == t) return (t.ElementSize() == 1 ? "|" : "<") + c;
        throw new NotSupportedException($"{where}: NumPy has no {t.Name()} dtype; convert first, e.g. .to(torch.float32).");
    }
}
