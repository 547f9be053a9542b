using MedSsl.Torch.Native;

namespace MedSsl.Torch;

// Python-style indexing (indexing.cpp): x[0], x[1..^1], x[TensorIndex.Colon, 0], x[mask] = 0.
public unsafe partial class Tensor
{
    /// <summary>
    /// Basic indexing (integers, slices, None, Ellipsis) returns a view; tensor indices copy.
    /// Assignment writes in place with index_put_ semantics; a number on the right fills.
    /// </summary>
    public Tensor this[params TensorIndex[] indices]
    {
        get => index(indices);
        set
        {
            if (value.scalarLiteral is double v) index_put_(v, indices);
            else index_put_(value, indices);
        }
    }

    /// <summary>x[indices] (what the indexer's getter calls).</summary>
    public Tensor index(params TensorIndex[] indices)
    {
        var h = WithIndices(indices, (k, i, t, n) => LibNative.mt_index(Handle, k, i, t, n));
        return h.IsInvalid ? throw IndexError(nameof(index), indices) : new Tensor(h);
    }

    /// <summary>x[indices] = values (broadcast); returns this.</summary>
    public Tensor index_put_(Tensor values, params TensorIndex[] indices)
    {
        var status = WithIndices(indices, (k, i, t, n) => LibNative.mt_index_put_t_(Handle, k, i, t, n, values.Handle));
        if (status != 0) throw IndexError(nameof(index_put_), indices, values);
        return this;
    }

    /// <summary>x[indices] = value; returns this.</summary>
    public Tensor index_put_(double value, params TensorIndex[] indices)
    {
        var status = WithIndices(indices, (k, i, t, n) => LibNative.mt_index_put_s_(Handle, k, i, t, n, value));
        if (status != 0) throw IndexError(nameof(index_put_), indices);
        return this;
    }

    /// <summary>PyTorch's <c>index_put_(indices, values, accumulate)</c>: one index tensor per leading dim (null = all).</summary>
    public Tensor index_put_(Tensor?[] indices, Tensor values, bool accumulate = false)
    {
        var idx = indices.Select(t => t is null ? TensorIndex.Colon : TensorIndex.FromTensor(t)).ToArray();
        var status = WithIndices(idx, (_, _, t, n) => LibNative.mt_index_put_list_(Handle, t, n, values.Handle, accumulate ? 1 : 0));
        if (status != 0) throw IndexError(nameof(index_put_), idx, values);
        return this;
    }

    // A number assigned through the indexer arrives as a 0-d float64 tensor marked with its value,
    // so the setter can fill with the scalar (any dtype) as Python's x[mask] = 0 does.
    double? scalarLiteral;

    /// <summary>A 0-d float64 tensor; lets <c>x[mask] = 0</c> compile (TorchSharp has the same conversion).</summary>
    public static implicit operator Tensor(double value)
    {
        var t = torch.tensor(value, ScalarType.Float64);
        t.scalarLiteral = value;
        return t;
    }

    delegate T IndexCall<T>(int* kinds, long* ints, IntPtr* tensors, int n);

    /// <summary>Flattens the indices into the shim's parallel arrays, keeping index tensors alive for the call.</summary>
    static T WithIndices<T>(TensorIndex[] indices, IndexCall<T> call)
    {
        int n = indices.Length;
        var kinds = new int[n];
        var ints = new long[3 * n];
        var ptrs = new IntPtr[n];
        var refs = new bool[n];
        var held = new TensorHandle?[n];
        try
        {
            for (int j = 0; j < n; j++)
            {
                var ix = indices[j];
                kinds[j] = (int)ix.Kind;
                (ints[3 * j], ints[3 * j + 1], ints[3 * j + 2]) = (ix.Start, ix.Stop, ix.Step);
                if (ix.IndexTensor is null) continue;
                held[j] = ix.IndexTensor.Handle;
                held[j]!.DangerousAddRef(ref refs[j]);
                ptrs[j] = held[j]!.DangerousGetHandle();
            }
            fixed (int* k = kinds) fixed (long* i = ints) fixed (IntPtr* t = ptrs)
                return call(k, i, t, n);
        }
        finally
        {
            for (int j = 0; j < n; j++)
                if (refs[j]) held[j]!.DangerousRelease();
        }
    }

    TorchException IndexError(string op, TensorIndex[] indices, Tensor? values = null)
    {
        var with = values is null ? "" : $" with values {values.Describe()}";
        return new TorchException(op, $"{op} failed on {Describe()} at [{string.Join(", ", indices)}]{with}: {LibNative.LastError()}");
    }
}
