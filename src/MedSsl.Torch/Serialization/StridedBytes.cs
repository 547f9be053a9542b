namespace MedSsl.Torch;

/// <summary>
/// Gathers a strided view of a storage into row-major bytes: what <c>as_strided(...).contiguous()</c>
/// would do, but bounds-checked first: the sizes, strides and offsets come from untrusted files, and
/// as_strided would read outside the storage. Used for PyTorch views and NumPy Fortran-order arrays.
/// </summary>
internal static class StridedBytes
{
    /// <summary>The view's elements in row-major order; a view reaching outside the storage is invalid data.</summary>
    public static byte[] Gather(ReadOnlySpan<byte> storage, int elementSize, long offset, long[] size, long[] stride, string where)
    {
        if (size.Length != stride.Length)
            throw new InvalidDataException($"{where}: size {TensorBytes.Shape(size)} and stride {TensorBytes.Shape(stride)} differ in rank.");
        var numel = TensorBytes.Numel(size, where);
        if (numel == 0) return Array.Empty<byte>();
        CheckBounds(storage.Length / elementSize, offset, size, stride, where);

        var result = new byte[checked(numel * elementSize)];
        if (IsRowMajor(size, stride))
            storage.Slice(checked((int)(offset * elementSize)), result.Length).CopyTo(result);
        else
            CopyStrided(storage, elementSize, offset, size, stride, result);
        return result;
    }

    static void CheckBounds(long storageNumel, long offset, long[] size, long[] stride, string where)
    {
        long last = offset;
        try
        {
            for (int k = 0; k < size.Length; k++)
            {
                if (stride[k] < 0) throw new InvalidDataException($"{where}: negative stride {TensorBytes.Shape(stride)}.");
                last = checked(last + (size[k] - 1) * stride[k]);
            }
        }
        catch (OverflowException)
        {
            throw new InvalidDataException($"{where}: size {TensorBytes.Shape(size)} and stride {TensorBytes.Shape(stride)} overflow 64 bits.");
        }
        if (offset < 0 || last >= storageNumel)
            throw new InvalidDataException(
                $"{where}: view (offset {offset}, size {TensorBytes.Shape(size)}, stride {TensorBytes.Shape(stride)}) " +
                $"reaches element {last} but the storage holds {storageNumel}.");
    }

    // Dims of size 1 may carry any stride: PyTorch leaves them arbitrary.
    static bool IsRowMajor(long[] size, long[] stride)
    {
        long expected = 1;
        for (int k = size.Length - 1; k >= 0; k--)
        {
            if (size[k] != 1 && stride[k] != expected) return false;
            expected *= size[k];
        }
        return true;
    }

    // Odometer over all dims but the last; the last dim is copied as a block when it is dense.
    static void CopyStrided(ReadOnlySpan<byte> src, int es, long offset, long[] size, long[] stride, Span<byte> dst)
    {
        int nd = size.Length;
        var index = new long[nd];
        long inner = size[nd - 1], innerStride = stride[nd - 1];
        int rowBytes = checked((int)(inner * es));
        int written = 0;
        while (true)
        {
            long first = offset;
            for (int k = 0; k < nd - 1; k++) first += index[k] * stride[k];
            if (innerStride == 1)
                src.Slice((int)(first * es), rowBytes).CopyTo(dst.Slice(written));
            else
                for (long j = 0; j < inner; j++)
                    src.Slice((int)((first + j * innerStride) * es), es).CopyTo(dst.Slice(written + (int)(j * es)));
            written += rowBytes;

            int d = nd - 2;
            while (d >= 0 && ++index[d] == size[d]) index[d--] = 0;
            if (d < 0) return;
        }
    }
}
