namespace MedSsl.Torch;

/// <summary>
/// Checked conversions between raw file bytes and tensors shared by the file-format readers:
/// every failure becomes an <see cref="InvalidDataException"/> that names the file and key.
/// </summary>
internal static class TensorBytes
{
    /// <summary>A new CPU tensor from little-endian bytes; <paramref name="where"/> names file and key in errors.</summary>
    public static Tensor Create(ReadOnlySpan<byte> bytes, long[] shape, ScalarType dtype, string where)
    {
        var need = checked(Numel(shape, where) * dtype.ElementSize());
        if (need != bytes.Length)
            throw new InvalidDataException(
                $"{where}: {bytes.Length} bytes do not fill shape {Shape(shape)} of {dtype.Name()} ({need} bytes needed).");
        if (dtype == ScalarType.Bool)
        {
            // libtorch assumes bools are 0 or 1; anything else would give silently wrong logic later.
            var bad = bytes.IndexOfAnyExcept((byte)0, (byte)1);
            if (bad >= 0)
                throw new InvalidDataException($"{where}: bool element {bad} holds byte {bytes[bad]} (only 0 and 1 are valid).");
        }
        return Tensor.FromBytes(bytes, shape, dtype);
    }

    /// <summary>Element count of a shape read from a file; negative or overflowing dims are invalid data.</summary>
    public static long Numel(long[] shape, string where)
    {
        long n = 1;
        foreach (var d in shape)
        {
            if (d < 0) throw new InvalidDataException($"{where}: shape {Shape(shape)} has a negative dimension.");
            try { n = checked(n * d); }
            catch (OverflowException) { throw new InvalidDataException($"{where}: shape {Shape(shape)} overflows 64 bits."); }
        }
        return n;
    }

    /// <summary>"[2, 3]".</summary>
    public static string Shape(long[] shape) => "[" + string.Join(", ", shape) + "]";

    /// <summary>Disposes the tensors loaded so far when a later one fails, so a bad file leaks nothing.</summary>
    public static void DisposeAll(IEnumerable<Tensor> tensors)
    {
        foreach (var t in tensors) t.Dispose();
    }

    /// <summary>Reads exactly count bytes or throws naming how many the stream really had.</summary>
    public static byte[] ReadExactly(Stream stream, long count, string where)
    {
        if (count > Array.MaxLength)
            throw new NotSupportedException($"{where}: {count} bytes exceed the 2 GB a single tensor can be read through.");
        if (stream.CanSeek && count > stream.Length - stream.Position) // before allocating what a bad header claims
            throw new InvalidDataException($"{where}: data is truncated ({stream.Length - stream.Position} of {count} bytes present).");
        var buffer = new byte[count];
        int got = 0;
        while (got < buffer.Length)
        {
            var n = stream.Read(buffer, got, buffer.Length - got);
            if (n == 0) throw new InvalidDataException($"{where}: data is truncated ({got} of {count} bytes present).");
            got += n;
        }
        return buffer;
    }
}
