namespace MedSsl.Torch;

public enum TensorIndexKind { None = 0, Ellipsis = 1, Integer = 2, Boolean = 3, Slice = 4, Tensor = 5 }

/// <summary>
/// One entry of <c>x[...]</c>, as in Python: an integer (<c>x[0]</c>, <c>x[^1]</c>), a slice
/// (<c>x[1..3]</c>, <c>x[..^1]</c>, <see cref="Slice"/> for steps), <see cref="Colon"/> (Python's <c>:</c>),
/// <see cref="Ellipsis"/>, <see cref="None"/> (a new axis), a bool, or a tensor (bool mask or int64 indices).
/// Converts implicitly from int, long, bool, Index, Range and Tensor.
/// </summary>
public readonly struct TensorIndex
{
    public TensorIndexKind Kind { get; }
    /// <summary>The integer, or the slice's start.</summary>
    public long Start { get; }
    /// <summary>The slice's exclusive stop; long.MaxValue means to the end.</summary>
    public long Stop { get; }
    public long Step { get; }
    /// <summary>The index tensor for <see cref="TensorIndexKind.Tensor"/>.</summary>
    public Tensor? IndexTensor { get; }

    TensorIndex(TensorIndexKind kind, long start = 0, long stop = 0, long step = 0, Tensor? tensor = null)
    {
        Kind = kind;
        Start = start;
        Stop = stop;
        Step = step;
        IndexTensor = tensor;
    }

    /// <summary>Python's <c>None</c> inside an index: inserts a new axis of size 1.</summary>
    public static readonly TensorIndex None = new(TensorIndexKind.None);
    /// <summary>Python's <c>...</c>: as many full slices as needed.</summary>
    public static readonly TensorIndex Ellipsis = new(TensorIndexKind.Ellipsis);
    /// <summary>Python's <c>:</c> (a full slice); C# cannot write a bare <c>..</c> as an argument.</summary>
    public static readonly TensorIndex Colon = Slice();

    public static TensorIndex Single(long index) => new(TensorIndexKind.Integer, index);
    public static TensorIndex Bool(bool value) => new(TensorIndexKind.Boolean, value ? 1 : 0);

    /// <summary>Python's <c>start:stop:step</c>; null bounds mean from the start / to the end, negatives count from the end.</summary>
    public static TensorIndex Slice(long? start = null, long? stop = null, long step = 1) =>
        new(TensorIndexKind.Slice, start ?? 0, stop ?? long.MaxValue, step);

    public static TensorIndex FromTensor(Tensor index) =>
        new(TensorIndexKind.Tensor, tensor: index ?? throw new ArgumentNullException(nameof(index)));

    public static implicit operator TensorIndex(long index) => Single(index);
    public static implicit operator TensorIndex(int index) => Single(index);
    public static implicit operator TensorIndex(bool value) => Bool(value);
    public static implicit operator TensorIndex(Tensor index) => FromTensor(index);

    /// <summary><c>^1</c> is Python's <c>-1</c>; <c>^0</c> points past the end and is refused.</summary>
    public static implicit operator TensorIndex(Index index) => Single(Offset(index, asStop: false));

    /// <summary><c>a..b</c> is Python's <c>a:b</c>; <c>^k</c> bounds are Python's <c>-k</c>.</summary>
    public static implicit operator TensorIndex(Range range) =>
        Slice(Offset(range.Start, asStop: true), Offset(range.End, asStop: true));

    // ^0 as a bound is "the end" (which a slice clamps from long.MaxValue); as a single index it has no element.
    static long Offset(Index i, bool asStop)
    {
        if (!i.IsFromEnd) return i.Value;
        if (i.Value != 0) return -(long)i.Value;
        if (asStop) return long.MaxValue;
        throw new IndexOutOfRangeException("^0 points one past the last element; use ^1 for the last.");
    }

    /// <summary>Python spelling, used in error messages: <c>0</c>, <c>1:3</c>, <c>:</c>, <c>...</c>, <c>None</c>.</summary>
    public override string ToString() => Kind switch
    {
        TensorIndexKind.None => "None",
        TensorIndexKind.Ellipsis => "...",
        TensorIndexKind.Integer => Start.ToString(),
        TensorIndexKind.Boolean => Start != 0 ? "True" : "False",
        TensorIndexKind.Slice => SliceText(),
        _ => IndexTensor is null ? "tensor" : $"tensor {IndexTensor.Describe()}",
    };

    string SliceText()
    {
        var start = Start == 0 ? "" : Start.ToString();
        var stop = Stop == long.MaxValue ? "" : Stop.ToString();
        return Step == 1 ? $"{start}:{stop}" : $"{start}:{stop}:{Step}";
    }
}
